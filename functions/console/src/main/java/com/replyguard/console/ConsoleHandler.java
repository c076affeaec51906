package com.replyguard.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Manager HTTP API → console λ: the team-lead console's page and assets from this function's jar
 * ({@code console/} on the classpath, built by the module's npm build), on the same origin as the
 * manager API (docs/decisions/0008). {@code GET /} answers index.html; any other path a browser
 * navigates to is sent there with the path as the view in the fragment ({@code /conversations/c-1}
 * → {@code /#/conversations/c-1}: the links robot messages carry, old bookmarks); {@code GET /assets/...} the hashed bundles, cached for a year; {@code GET /console/config}
 * how to sign in (local token or Cognito hosted login). A path of the APIs ({@code merchants/},
 * {@code webhooks/}) that reaches this function matched no API route: 404, never the page.
 */
public final class ConsoleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The path of a robot message's link to a conversation: {@code consoleUrl + /conversations/<id>}. */
    static final String CONVERSATION_LINK = "conversations/";

    private final ConsoleAssets assets;
    private final ConsoleConfig config;

    public ConsoleHandler() {
        this(System.getenv());
    }

    public ConsoleHandler(Map<String, String> environment) {
        this(ConsoleAssets.fromClasspath(), ConsoleConfig.from(environment));
    }

    ConsoleHandler(ConsoleAssets assets, ConsoleConfig config) {
        this.assets = assets;
        this.config = config;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String path = event.getPathParameters() == null ? "" : event.getPathParameters().getOrDefault("proxy", "");
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null ? "GET"
                : event.getRequestContext().getHttp().getMethod();
        if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
            return error(405, "method not allowed");
        }
        if (path.equals(ConsoleConfig.PATH) || ConsoleConfig.ROUTE.equals(event.getRouteKey())) {
            return json(config.answer());
        }
        if (path.startsWith("merchants/") || path.startsWith("webhooks/") || path.equals("merchants")
                || path.equals("webhooks")) {
            return error(404, "no such route");
        }
        boolean gzip = accepts(event, "gzip");
        Optional<ConsoleAssets.Asset> asset = path.isEmpty() ? assets.index() : assets.find(path);
        if (asset.isEmpty()) {
            // a browser navigating to a view by path (a robot message's <console>/conversations/<id>, a
            // hand-typed /queue) is sent to the page with the view in the fragment, where the views live:
            // served here, the page's relative assets and API root would resolve under the wrong directory.
            // Anything else - a missing file, an API client's unknown route - stays a 404 (contract)
            if (navigation(event) && path.startsWith(CONVERSATION_LINK) && path.length() > CONVERSATION_LINK.length()) {
                return toView("../", List.of("conversations", path.substring(CONVERSATION_LINK.length())));
            }
            if (ConsoleAssets.looksLikeFile(path) || !ConsoleAssets.isSafe(path) || !navigation(event)) {
                return error(404, "no such route");
            }
            List<String> segments = List.of(path.split("/"));
            return toView(segments.size() == 1 ? "./" : "../".repeat(segments.size() - 1), segments);
        }
        if (asset.isEmpty()) {
            return error(503, "the console was not built into this package (run the Maven build with npm)");
        }
        ConsoleAssets.Asset a = asset.get();
        String etag = a.etag();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", a.contentType());
        headers.put("Cache-Control", a.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
        headers.put("ETag", etag);
        headers.put("X-Content-Type-Options", "nosniff");
        if (a.isHtml()) {
            // everything the page loads comes from this origin; the sign-in goes to Cognito by navigation
            headers.put("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; font-src 'self' data:; connect-src 'self' " + config.connectSource()
                    + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
            headers.put("Referrer-Policy", "no-referrer");
        }
        String match = header(event, "if-none-match");
        if (etag.equals(match)) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(304).withHeaders(headers).build();
        }
        byte[] body = a.bytes();
        if (gzip && a.compressible()) {
            headers.put("Content-Encoding", "gzip");
            headers.put("Vary", "Accept-Encoding");
            body = a.gzipped();
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers)
                .withBody(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true).build();
    }

    /** A browser's page navigation asks for HTML first; fetch() and API clients do not. */
    private static boolean navigation(APIGatewayV2HTTPEvent event) {
        String accept = header(event, "accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    private static boolean accepts(APIGatewayV2HTTPEvent event, String encoding) {
        String accept = header(event, "accept-encoding");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(encoding);
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, String> h : event.getHeaders().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    private static APIGatewayV2HTTPResponse json(Object body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store"))
                    .withBody(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the console configuration", e);
        }
    }

    /**
     * 302 to the page ({@code root}, relative to where the browser is, so it holds under an API stage
     * path as well as at /) with the view's segments as its fragment, each percent-encoded again (the
     * gateway passes the path decoded): {@code queue} → {@code ./#/queue}, a conversation's link
     * {@code conversations/<id>} → {@code ../#/conversations/<id>} whatever the id holds (a dot, a
     * space, an encoded slash: the whole rest is the id, as the notifier encodes it in one segment).
     */
    static APIGatewayV2HTTPResponse toView(String root, List<String> segments) {
        StringBuilder location = new StringBuilder(root).append("#");
        for (String segment : segments) {
            location.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(302)
                .withHeaders(Map.of("Location", location.toString(), "Cache-Control", "no-store")).withBody("").build();
    }

    private static APIGatewayV2HTTPResponse error(int status, String message) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store"))
                    .withBody(JSON.writeValueAsString(Map.of("error", message))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
