package com.replyguard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ConsoleHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FILES = Map.of(
            "index.html", "<!doctype html><title>ReplyGuard</title><script type=module src=./assets/index-abc.js></script>",
            "assets/index-abc.js", "console.log('查看实时队列');".repeat(50),
            "assets/logo-1.png", "PNG");
    private final AtomicInteger reads = new AtomicInteger();
    private final ConsoleHandler local = new ConsoleHandler(assets(), ConsoleConfig.from(Map.of("MERCHANTS_FILE", "/x.json")));

    private ConsoleAssets assets() {
        return new ConsoleAssets(p -> {
            reads.incrementAndGet();
            String text = FILES.get(p);
            return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        });
    }

    private static APIGatewayV2HTTPEvent get(String proxy, Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(proxy == null ? "GET /" : "GET /{proxy+}")
                .withPathParameters(proxy == null ? null : Map.of("proxy", proxy)).withHeaders(new HashMap<>(headers))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").build()).build())
                .build();
    }

    private static String text(APIGatewayV2HTTPResponse r) throws IOException {
        byte[] body = r.getIsBase64Encoded() ? Base64.getDecoder().decode(r.getBody()) : r.getBody().getBytes(StandardCharsets.UTF_8);
        if ("gzip".equals(r.getHeaders().get("Content-Encoding"))) {
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void theRootIsThePage_neverCachedWithoutRevalidation_andLockedToItsOwnOrigin() throws IOException {
        APIGatewayV2HTTPResponse r = local.handleRequest(get(null, Map.of()), null);
        assertEquals(200, r.getStatusCode());
        assertEquals("text/html; charset=utf-8", r.getHeaders().get("Content-Type"));
        assertEquals("no-cache", r.getHeaders().get("Cache-Control"));
        assertTrue(text(r).contains("<title>ReplyGuard</title>"));
        assertTrue(r.getHeaders().get("Content-Security-Policy").contains("default-src 'self'"), r.getHeaders().toString());
        assertTrue(r.getHeaders().get("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }

    @Test
    void hashedBundlesAreImmutable_typedByExtension_andGzippedWhenAccepted() throws IOException {
        APIGatewayV2HTTPResponse plain = local.handleRequest(get("assets/index-abc.js", Map.of()), null);
        assertEquals("text/javascript; charset=utf-8", plain.getHeaders().get("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", plain.getHeaders().get("Cache-Control"));
        assertFalse(plain.getHeaders().containsKey("Content-Encoding"));
        APIGatewayV2HTTPResponse zipped = local.handleRequest(get("assets/index-abc.js", Map.of("Accept-Encoding", "gzip, br")), null);
        assertEquals("gzip", zipped.getHeaders().get("Content-Encoding"));
        assertEquals(text(plain), text(zipped));
        assertTrue(Base64.getDecoder().decode(zipped.getBody()).length < Base64.getDecoder().decode(plain.getBody()).length / 5);
        assertEquals("image/png", local.handleRequest(get("assets/logo-1.png", Map.of("accept-encoding", "gzip")), null)
                .getHeaders().get("Content-Type"));
        assertFalse(local.handleRequest(get("assets/logo-1.png", Map.of("accept-encoding", "gzip")), null).getHeaders()
                .containsKey("Content-Encoding"), "a PNG is not compressed again");
    }

    @Test
    void aRepeatedRequestWithTheETagIsA304_andEachFileIsReadOnce() {
        APIGatewayV2HTTPResponse first = local.handleRequest(get("assets/index-abc.js", Map.of()), null);
        String etag = first.getHeaders().get("ETag");
        assertTrue(etag.matches("\"[0-9a-f]{24}\""), etag);
        APIGatewayV2HTTPResponse again = local.handleRequest(get("assets/index-abc.js", Map.of("If-None-Match", etag)), null);
        assertEquals(304, again.getStatusCode());
        assertEquals(null, again.getBody());
        assertEquals(1, reads.get(), "read from the jar once per execution environment");
    }

    @Test
    void thePagesOwnViewsAnswerThePage_butAMissingFileOrAnApiPathIs404() throws IOException {
        APIGatewayV2HTTPResponse view = local.handleRequest(get("queue", Map.of("Accept", "text/html,application/xhtml+xml")), null);
        assertEquals(302, view.getStatusCode(), "a browser's navigation to a view by path goes to the page");
        assertEquals("./#/queue", view.getHeaders().get("Location"));
        // the link a robot message carries: <console>/conversations/<id> opens that conversation (the router reads the fragment)
        APIGatewayV2HTTPResponse link = local.handleRequest(get("conversations/live 7", Map.of("Accept", "text/html")), null);
        assertEquals(302, link.getStatusCode());
        assertEquals("../#/conversations/live%207", link.getHeaders().get("Location"), "relative: holds under a stage path too");
        assertEquals("no-store", link.getHeaders().get("Cache-Control"));
        assertEquals("../#/conversations/live.7%2Fb", local.handleRequest(get("conversations/live.7/b", Map.of("Accept", "text/html")), null)
                .getHeaders().get("Location"), "an id with a dot or an encoded slash is still the conversation's id");
        assertEquals(404, local.handleRequest(get("conversations/live-7", Map.of("Accept", "application/json")), null).getStatusCode(),
                "only a browser's navigation is redirected");
        assertEquals(404, local.handleRequest(get("nothing/here", Map.of("Accept", "application/json")), null).getStatusCode(),
                "an API client's unknown route stays a 404");
        assertEquals(404, local.handleRequest(get("nothing/here", Map.of()), null).getStatusCode());
        assertEquals(404, local.handleRequest(get("assets/missing-1.js", Map.of()), null).getStatusCode());
        for (String api : List.of("merchants/demo/no-such-report", "webhooks/demo/nothing", "merchants")) {
            APIGatewayV2HTTPResponse r = local.handleRequest(get(api, Map.of("Accept", "text/html")), null);
            assertEquals(404, r.getStatusCode(), api + ": an unknown API route stays a 404, never the page");
            assertEquals("application/json; charset=utf-8", r.getHeaders().get("Content-Type"));
        }
    }

    @Test
    void noPathReachesAnotherResourceOfTheJar() {
        for (String attack : List.of("../com/replyguard/console/ConsoleHandler.class", "assets/../../merchants.json", "assets//x.js",
                "assets/%2e%2e/x.js", "assets\\\\x.js", "./index.html", "assets/x.js:stream")) {
            assertFalse(ConsoleAssets.isSafe(attack), attack);
            APIGatewayV2HTTPResponse r = local.handleRequest(get(attack, Map.of()), null);
            assertEquals(404, r.getStatusCode(), attack);
        }
        assertEquals(0, reads.get(), "nothing was even looked up");
    }

    @Test
    void theConfigSaysHowToSignIn_locallyWithAToken_inAwsWithTheHostedLoginAndPkce() throws IOException {
        JsonNode localConfig = JSON.readTree(local.handleRequest(get("console/config", Map.of()), null).getBody());
        assertEquals("{\"login\":\"local\"}", localConfig.toString());
        APIGatewayV2HTTPEvent ownRoute = get(null, Map.of());
        ownRoute.setRouteKey("GET /console/config");
        assertEquals(localConfig, JSON.readTree(local.handleRequest(ownRoute, null).getBody()), "its template route");
        ConsoleHandler aws = new ConsoleHandler(assets(), ConsoleConfig.from(Map.of(
                "COGNITO_DOMAIN", "https://replyguard-dev-123.auth.ap-northeast-1.amazoncognito.com",
                "COGNITO_CLIENT_ID", "client-1", "CONSOLE_URL", "https://api.example/dev/")));
        JsonNode c = JSON.readTree(aws.handleRequest(get("console/config", Map.of()), null).getBody());
        assertEquals("cognito", c.path("login").asText());
        assertEquals("client-1", c.path("clientId").asText());
        assertEquals("https://api.example/dev/", c.path("redirectUri").asText());
        assertEquals("[\"openid\",\"email\"]", c.path("scopes").toString());
        assertTrue(c.path("ready").asBoolean());
        assertTrue(aws.handleRequest(get(null, Map.of()), null).getHeaders().get("Content-Security-Policy")
                .contains("connect-src 'self' https://replyguard-dev-123.auth.ap-northeast-1.amazoncognito.com"),
                "the page may post the code to Cognito's token endpoint, nowhere else");
        ConsoleHandler firstDeploy = new ConsoleHandler(assets(), ConsoleConfig.from(Map.of(
                "COGNITO_DOMAIN", "https://d.auth.r.amazoncognito.com", "COGNITO_CLIENT_ID", "client-1", "CONSOLE_URL", "")));
        assertFalse(JSON.readTree(firstDeploy.handleRequest(get("console/config", Map.of()), null).getBody()).path("ready")
                .asBoolean(), "without ConsoleUrl the hosted login cannot call back: the page says so");
    }

    @Test
    void onlyReads() {
        APIGatewayV2HTTPEvent post = get(null, Map.of());
        post.getRequestContext().getHttp().setMethod("POST");
        assertEquals(405, local.handleRequest(post, null).getStatusCode());
    }

    @Test
    void theBuiltConsoleIsInTheJar() {
        // the module's npm build writes target/classes/console before the tests run
        ConsoleAssets built = ConsoleAssets.fromClasspath();
        assertTrue(built.index().isPresent(), "console/index.html on the classpath");
        String html = new String(built.index().get().bytes(), StandardCharsets.UTF_8);
        var script = Pattern.compile("src=\"\\./(assets/[^\"]+\\.js)\"").matcher(html);
        assertTrue(script.find(), html);
        assertTrue(built.find(script.group(1)).isPresent(), "the page's bundle is packaged: " + script.group(1));
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing is fetched from the internet: " + html);
    }
}
