package com.replyguard.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.dynalite.SamTemplate;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for both API Gateway APIs of the template, on one port: routes requests by the
 * template's HttpApi events (manager API) and Api events (the webhooks' REST API) and calls the
 * function's handler with the event that API type sends - payload 2.0 (route key, lower-case
 * headers) or a REST Lambda-proxy event (resource, headers as sent) - with decoded path and query
 * parameters and the body as text or base64. REST routes first pass the web ACL's rate rules
 * ({@link PathRateLimiter}), as AWS WAF would in front of the stage.
 */
final class LocalApiGateway implements AutoCloseable {
    /** API Gateway's own payload limit. */
    static final int MAX_PAYLOAD = 10 * 1024 * 1024;

    record Binding(String functionName, SamTemplate.Route route, Pattern pattern, List<String> parameters,
            RequestHandler<Object, Object> handler, List<PathRateLimiter> limiters) {
        /** A greedy path parameter ({@code {proxy+}}): API Gateway tries such a route only when no other matches. */
        boolean greedy() {
            return route.path().contains("+}");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Binding> bindings = new ArrayList<>();
    private final JsonLog log =
            new JsonLog("api-gateway", Clock.systemUTC(), System.err);

    LocalApiGateway(int port) throws IOException {
        this.server = LoopbackServers.create(port, 128);
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "http-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    void bind(String functionName, SamTemplate.Route route, RequestHandler<Object, Object> handler,
            List<PathRateLimiter> limiters) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(route.path());
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            boolean greedy = m.group(1).endsWith("+");
            regex.append(Pattern.quote(route.path().substring(last, m.start()))).append(greedy ? "(.+)" : "([^/]+)");
            names.add(greedy ? m.group(1).substring(0, m.group(1).length() - 1) : m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(route.path().substring(last)));
        bindings.add(new Binding(functionName, route, Pattern.compile(regex.toString()), names, handler, List.copyOf(limiters)));
        // the most specific route wins, as in API Gateway: greedy ones last
        bindings.sort(Comparator.comparing(Binding::greedy));
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String rawPath = uri.getRawPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            Binding match = null;
            Matcher matcher = null;
            boolean pathKnown = false;
            for (Binding b : bindings) {
                if (b.greedy() && pathKnown) {
                    break; // a specific route has this path (with another method): 405, as API Gateway would
                }
                Matcher mm = b.pattern().matcher(rawPath);
                if (mm.matches()) {
                    // a greedy GET route matches any path; other methods there are unknown routes (404), not 405
                    pathKnown |= !b.greedy();
                    if (b.route().method().equals(method)) {
                        match = b;
                        matcher = mm;
                        break;
                    }
                }
            }
            if (match == null) {
                send(exchange, pathKnown ? 405 : 404, Map.of("Content-Type", "application/json"),
                        (pathKnown ? "{\"error\":\"method not allowed\"}" : "{\"error\":\"no such route\"}")
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            for (PathRateLimiter limiter : match.limiters()) {
                if (!limiter.admit(rawPath, System.currentTimeMillis())) {
                    log.warn("rate limited", "rule", limiter.rule().rule());
                    send(exchange, limiter.rule().status(), Map.of("Content-Type", limiter.rule().contentType()),
                            limiter.rule().body().getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            if (body == null) {
                send(exchange, 413, Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> pathParameters = new LinkedHashMap<>();
            for (int i = 0; i < match.parameters().size(); i++) {
                pathParameters.put(match.parameters().get(i), percentDecode(matcher.group(i + 1)));
            }
            String requestId = UUID.randomUUID().toString();
            LocalLambdaContext context = new LocalLambdaContext(requestId, match.functionName());
            if (match.route().type() == SamTemplate.ApiType.REST_API) {
                APIGatewayProxyResponseEvent response = (APIGatewayProxyResponseEvent) match.handler().handleRequest(
                        restEvent(exchange, match, rawPath, uri.getRawQuery(), pathParameters, body, requestId), context);
                send(exchange, response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(),
                        bytes(response.getBody(), Boolean.TRUE.equals(response.getIsBase64Encoded())));
            } else {
                APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) match.handler().handleRequest(
                        event(exchange, match, rawPath, uri.getRawQuery(), pathParameters, body, requestId), context);
                send(exchange, response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(),
                        bytes(response.getBody(), response.getIsBase64Encoded()));
            }
        } catch (RuntimeException | Error e) {
            // a handler that throws is a 500 in API Gateway too ("Internal Server Error")
            log.error("handler threw", "exception", e.getClass().getName());
            send(exchange, 500, Map.of("Content-Type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] bytes(String body, boolean base64) {
        return body == null ? new byte[0] : base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_PAYLOAD + 1);
        return body.length > MAX_PAYLOAD ? null : body;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
                query.merge(k, v, (a, c) -> a + "," + c);
            }
        }
        return query;
    }

    /** An HTTP API payload-2.0 event: lower-case headers, route key, base64 for non-text bodies. */
    private static APIGatewayV2HTTPEvent event(HttpExchange exchange, Binding b, String rawPath, String rawQuery,
            Map<String, String> pathParameters, byte[] body, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        Map<String, String> query = query(rawQuery);
        String text = utf8(body);
        boolean base64 = body.length > 0 && (text == null || !isText(headers.get("content-type")));
        String routeKey = b.route().key();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery).withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body.length == 0 ? null : base64 ? Base64.getEncoder().encodeToString(body) : text)
                .withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey)
                        .withAccountId("000000000000").withApiId("local").withStage("$default")
                        .withDomainName("127.0.0.1").withRequestId(requestId)
                        .withTimeEpoch(Instant.now().toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(b.route().method())
                                .withPath(rawPath).withProtocol("HTTP/1.1")
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .withUserAgent(headers.getOrDefault("user-agent", "")).build())
                        .build())
                .build();
    }

    /**
     * A REST API Lambda-proxy event: {@code resource} is the route's path template, headers keep the
     * case they were sent in (last value, all values in multiValueHeaders), the body is text when
     * it is UTF-8 (no binary media types are configured), base64 otherwise.
     */
    private static APIGatewayProxyRequestEvent restEvent(HttpExchange exchange, Binding b, String rawPath, String rawQuery,
            Map<String, String> pathParameters, byte[] body, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> {
            headers.put(k, v.get(v.size() - 1));
            multi.put(k, List.copyOf(v));
        });
        Map<String, String> query = query(rawQuery);
        String text = utf8(body);
        boolean base64 = body.length > 0 && text == null;
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withAccountId("000000000000").withApiId("local").withStage("local").withRequestId(requestId)
                .withResourcePath(b.route().path()).withHttpMethod(b.route().method()).withPath(rawPath)
                .withProtocol("HTTP/1.1")
                .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity()
                        .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                        .withUserAgent(exchange.getRequestHeaders().getFirst("User-Agent")));
        return new APIGatewayProxyRequestEvent().withResource(b.route().path()).withPath(rawPath)
                .withHttpMethod(b.route().method()).withHeaders(headers).withMultiValueHeaders(multi)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context)
                .withBody(body.length == 0 ? null : base64 ? Base64.getEncoder().encodeToString(body) : text)
                .withIsBase64Encoded(base64);
    }

    /** Like API Gateway, text media types arrive as text; anything else base64-encoded. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String media = contentType.toLowerCase(Locale.ROOT);
        return media.startsWith("text/") || media.contains("json") || media.contains("xml")
                || media.startsWith("application/x-www-form-urlencoded");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** %XX decoding without turning '+' into a space, so "+08:00" in a query survives unencoded. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
            if (in[i] == '%' && hi >= 0 && lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
