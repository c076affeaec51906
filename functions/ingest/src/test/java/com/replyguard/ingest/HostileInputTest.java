package com.replyguard.ingest;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.doudian.DoudianPush;
import com.replyguard.intake.WebhookSignature;
import com.replyguard.merchant.DoudianApp;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.ConversationStore;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import com.replyguard.usecase.IngestEventBatch;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs an adversary (or a broken integration) sends, correctly signed, to every webhook route:
 * each is refused whole with a 4xx that names what is wrong and writes nothing, or - for a bug of
 * ours - a 5xx the platform retries; never a 400 for a bug, never a 500 for bad input.
 */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-10-03T02:00:00Z");
    private static final Merchant MERCHANT = DEMO_MERCHANT.withDouyinClientSecret("dy-secret")
            .withDoudian(new DoudianApp("dd-key", List.of("dd-secret")));

    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final WebhookIngestHandler handler = handler(conversations);

    private WebhookIngestHandler handler(ConversationStore store) {
        return new WebhookIngestHandler(new IngestWiring(id -> id.equals(DEMO) ? Optional.of(MERCHANT) : Optional.empty(),
                new IngestEventBatch(store, new InMemoryBreachStore(), clock), clock));
    }

    private static APIGatewayProxyRequestEvent post(String route, String body, Map<String, String> headers) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withResource(route)
                .withPath(route.replace("{merchantId}", "demo")).withPathParameters(Map.of("merchantId", "demo"))
                .withHeaders(new HashMap<>(headers)).withBody(body).withIsBase64Encoded(false);
    }

    private static APIGatewayProxyRequestEvent events(String body, long timestamp) {
        String ts = Long.toString(timestamp);
        return post("/webhooks/{merchantId}/events", body, Map.of("content-type", "application/json", "x-timestamp", ts,
                "x-signature", WebhookSignature.sign("demo-webhook-secret", ts, body.getBytes(StandardCharsets.UTF_8))));
    }

    private static APIGatewayProxyRequestEvent events(String body) {
        return events(body, NOW.getEpochSecond());
    }

    private static APIGatewayProxyRequestEvent douyin(String body) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update("dy-secret".getBytes(StandardCharsets.UTF_8));
        return post("/webhooks/{merchantId}/douyin", body, Map.of("x-douyin-signature",
                HexFormat.of().formatHex(sha1.digest(body.getBytes(StandardCharsets.UTF_8))), "msg-id", "m-1"));
    }

    private static APIGatewayProxyRequestEvent doudian(String body) {
        return post("/webhooks/{merchantId}/doudian", body, Map.of("app-id", "dd-key",
                "event-sign", DoudianPush.sign("dd-key", body.getBytes(StandardCharsets.UTF_8), "dd-secret")));
    }

    /** One valid customer message with {@code field} set to a raw JSON value. */
    private static String event(String field, String rawJsonValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("eventId", "\"e-1\"");
        fields.put("type", "\"customer.message\"");
        fields.put("conversationId", "\"chat-1\"");
        fields.put("channel", "\"CS_CHAT\"");
        fields.put("customerId", "\"buyer-1\"");
        fields.put("occurredAt", "\"2026-10-03T10:00:00+08:00\"");
        fields.put(field, rawJsonValue);
        StringBuilder b = new StringBuilder("{\"events\":[{");
        fields.forEach((k, v) -> b.append('"').append(k).append("\":").append(v).append(','));
        b.setLength(b.length() - 1);
        return b.append("}]}").toString();
    }

    /** A 抖店 push of one message whose data (a JSON string) is {@code data}. */
    private static String push(String tag, String data) {
        return "[{\"tag\":\"" + tag + "\",\"msg_id\":\"m-" + tag + "\",\"data\":" + JSON.getNodeFactory().textNode(data) + "}]";
    }

    private JsonNode refused(APIGatewayProxyRequestEvent request, int status) throws IOException {
        int before = conversations.saves;
        APIGatewayProxyResponseEvent r = handler.handleRequest(request, null);
        assertEquals(status, r.getStatusCode(), r.getBody());
        assertEquals(before, conversations.saves, "a refused request writes nothing");
        return JSON.readTree(r.getBody());
    }

    /** The field named by the only problem of a 400 answer (contract shape or 抖店's). */
    private static String field(JsonNode answer) {
        JsonNode details = answer.has("details") ? answer.get("details") : answer.path("problems");
        assertEquals(1, details.size(), answer.toString());
        return details.get(0).path("field").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1969-12-31T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"1999-12-31T23:59:59Z\""})
    void anInstantOutsideTheSaneRange_shouldBe400_namingTheRange(String occurredAt) throws IOException {
        JsonNode answer = refused(events(event("occurredAt", occurredAt)), 400);
        assertEquals("occurredAt", field(answer));
        assertTrue(answer.toString().contains("2000-01-01T00:00:00Z"), answer.toString());
    }

    @Test
    void aDouyinCreateTimeOutsideTheSaneRange_shouldBe400_namingTheField() throws Exception {
        for (String createTime : List.of("-86400000", "0", "9223372036854775807", "-9223372036854775808", "1e18", "1e1000000000")) {
            String content = "{\"text\":\"在吗\",\"create_time\":" + createTime + ",\"conversation_short_id\":\"1\"}";
            String body = "{\"event\":\"im_receive_msg\",\"from_user_id\":\"b\",\"to_user_id\":\"s\",\"content\":"
                    + JSON.getNodeFactory().textNode(content) + "}";
            JsonNode answer = refused(douyin(body), 400);
            assertEquals("content.create_time", field(answer), createTime + ": " + answer);
        }
    }

    @Test
    void aDouyinContentThatIsNotJson_shouldBe400_notIngestedWithoutItsFields() throws Exception {
        String body = "{\"event\":\"im_receive_msg\",\"from_user_id\":\"b\",\"to_user_id\":\"s\",\"content\":\"{not json\"}";
        assertEquals("content", field(refused(douyin(body), 400)));
    }

    @Test
    void doudianTimesThatNoSaneInstantHolds_shouldBe400_namingTheField() throws IOException {
        for (String t : List.of("9223372036854775808", "-9223372036854775808", "9223372036854775807", "1e18", "-1",
                "1e1000000000")) {
            JsonNode answer = refused(doudian(push("200", "{\"aftersale_id\":\"a1\",\"p_id\":\"p1\",\"apply_time\":" + t + "}")), 400);
            assertEquals(1, answer.path("code").asInt(), answer.toString());
            assertEquals("data.apply_time", field(answer), t + ": " + answer);
            answer = refused(doudian(push("206", "{\"aftersale_id\":\"a1\",\"update_time\":" + t + "}")), 400);
            assertEquals("data.update_time", field(answer), t + ": " + answer);
        }
    }

    @Test
    void aBugWhileIngestingADoudianPush_shouldBeA5xxThePlatformRetries_notA400ThatLosesIt() {
        // a store that fails the way a bug does: an IllegalArgumentException from deep inside
        ConversationStore broken = (ConversationStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConversationStore.class}, (proxy, method, args) -> {
                    throw new IllegalArgumentException("a bug deep inside the ingest");
                });
        String body = push("200", "{\"aftersale_id\":\"a1\",\"p_id\":\"p1\",\"apply_time\":" + NOW.getEpochSecond() + "}");
        APIGatewayProxyResponseEvent r = handler(broken).handleRequest(doudian(body), null);
        assertEquals(500, r.getStatusCode(), r.getBody());
        assertFalse(r.getBody().contains("a bug deep inside"), "internal messages are not returned: " + r.getBody());
        APIGatewayProxyResponseEvent contract = handler(broken).handleRequest(events(event("text", "\"在吗\"")), null);
        assertEquals(500, contract.getStatusCode(), contract.getBody());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "conversationId", "channel", "customerId", "occurredAt", "text", "urgent", "rating"})
    void aNumberTooLargeForAnyType_inAnyField_shouldBe400_namingTheField(String f) throws IOException {
        assertEquals(f, field(refused(events(event(f, "1e1000000000")), 400)));
        assertEquals(f, field(refused(events(event(f, "1e2147483648")), 400)));
        assertEquals(f, field(refused(events(event(f, "-1e2147483648")), 400)));
    }

    @Test
    void aHugeRating_shouldBe400_namingRating() throws IOException {
        String body = "{\"events\":[{\"eventId\":\"r\",\"type\":\"conversation.rated\",\"conversationId\":\"c\","
                + "\"occurredAt\":\"2026-10-03T10:00:00+08:00\",\"rating\":1e2147483648}]}";
        assertEquals("rating", field(refused(events(body), 400)));
    }

    @Test
    void aValidBodyFollowedByGarbage_orTwoDocuments_shouldBeRefusedWhole() throws IOException {
        String valid = event("text", "\"在吗\"");
        for (String body : List.of(valid + "garbage", valid + " " + valid, valid + "{\"events\":[]}", valid + "]")) {
            JsonNode answer = refused(events(body), 415);
            assertTrue(answer.path("error").asText().contains("one JSON document"), answer.toString());
        }
        String data = "{\"aftersale_id\":\"a1\",\"p_id\":\"p1\",\"apply_time\":" + NOW.getEpochSecond() + "}";
        // 抖店 gets its own {code, msg} shape, and a 400, for every unreadable body
        assertTrue(refused(doudian(push("200", data) + push("200", data)), 400).path("msg").asText().contains("one JSON document"));
        assertEquals("data", field(refused(doudian(push("200", data + " x")), 400)));
        assertEquals(200, handler.handleRequest(events(valid + " \n"), null).getStatusCode(), "trailing white space is fine");
    }

    @Test
    void aSignedTimestampOfMinusTwoToThe63_shouldBe401_outsideTheReplayWindow() throws IOException {
        String body = event("text", "\"在吗\"");
        // now - 2^63 wraps to Long.MIN_VALUE + now: |now - ts| overflows to Long.MIN_VALUE, which Math.abs keeps negative
        for (long ts : List.of(NOW.getEpochSecond() + Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE,
                NOW.getEpochSecond() + Long.MAX_VALUE, NOW.getEpochSecond() - 301)) {
            JsonNode answer = refused(events(body, ts), 401);
            assertTrue(answer.path("error").asText().contains("300 s"), ts + ": " + answer);
        }
    }
}
