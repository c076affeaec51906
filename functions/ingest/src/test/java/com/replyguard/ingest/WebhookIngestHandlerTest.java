package com.replyguard.ingest;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.conversation.ConversationId;
import com.replyguard.intake.WebhookSignature;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import com.replyguard.usecase.IngestEventBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ingest λ on API Gateway REST API Lambda-proxy events (src/test/resources/events), read and
 * answered through the Lambda Java runtime's own event serializer, as in AWS.
 */
class WebhookIngestHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private MutableClock clock;
    private InMemoryConversationStore conversations;
    private WebhookIngestHandler handler;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.ofEpochSecond(1_790_000_000L).plusSeconds(20));
        conversations = new InMemoryConversationStore();
        IngestEventBatch ingest = new IngestEventBatch(conversations, new InMemoryBreachStore(), clock);
        handler = new WebhookIngestHandler(new IngestWiring(
                id -> id.equals(DEMO) ? Optional.of(DEMO_MERCHANT) : Optional.empty(), ingest, clock));
    }

    private static final PojoSerializer<APIGatewayProxyRequestEvent> RUNTIME_IN = LambdaEventSerializers.serializerFor(
            APIGatewayProxyRequestEvent.class, WebhookIngestHandlerTest.class.getClassLoader());
    private static final PojoSerializer<APIGatewayProxyResponseEvent> RUNTIME_OUT = LambdaEventSerializers.serializerFor(
            APIGatewayProxyResponseEvent.class, WebhookIngestHandlerTest.class.getClassLoader());

    /** A captured event, deserialized the way the Lambda Java runtime does it. */
    static APIGatewayProxyRequestEvent fixture(String name) {
        try (InputStream in = WebhookIngestHandlerTest.class.getResourceAsStream("/events/" + name)) {
            return RUNTIME_IN.fromJson(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode body(APIGatewayProxyResponseEvent r) throws IOException {
        return JSON.readTree(r.getBody());
    }

    @Test
    void validSignedBatch_shouldBeStored_andCountedOnce() throws IOException {
        APIGatewayProxyResponseEvent r = handler.handleRequest(fixture("webhook-valid.json"), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("{\"accepted\":3,\"duplicates\":0}", r.getBody(), "the contract's shape and order");
        assertEquals(2, conversations.size());
        APIGatewayProxyResponseEvent again = handler.handleRequest(fixture("webhook-valid.json"), null);
        assertEquals(200, again.getStatusCode());
        assertEquals(3, body(again).path("duplicates").asInt());
        assertEquals(2, conversations.load(DEMO, new ConversationId("chat-42")).orElseThrow().conversation().events().size());
    }

    @Test
    void aConversationWithoutItsChannel_isNamedInTheAnswer_asHeld() throws IOException {
        String body = "{\"events\":[{\"eventId\":\"h1\",\"type\":\"customer.message\",\"conversationId\":\"no-channel\","
                + "\"customerId\":\"buyer-1\",\"occurredAt\":\"2026-09-21T22:13:00+08:00\"}]}";
        String ts = Long.toString(clock.instant().getEpochSecond());
        APIGatewayProxyRequestEvent e = new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                .withResource("/webhooks/{merchantId}/events").withPath("/webhooks/demo/events")
                .withPathParameters(Map.of("merchantId", "demo")).withIsBase64Encoded(false).withBody(body)
                .withHeaders(new HashMap<>(Map.of("content-type", "application/json", "x-timestamp", ts,
                        "x-signature", WebhookSignature.sign("demo-webhook-secret", ts, body.getBytes(StandardCharsets.UTF_8)))));
        APIGatewayProxyResponseEvent r = handler.handleRequest(e, null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("{\"accepted\":1,\"duplicates\":0,\"held\":[\"no-channel\"]}", r.getBody(),
                "stored, and said to wait for its channel");
    }

    @Test
    void base64EncodedBody_shouldVerifyAndStoreTheSame() throws IOException {
        APIGatewayProxyResponseEvent r = handler.handleRequest(fixture("webhook-valid-base64.json"), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals(3, body(r).path("accepted").asInt());
    }

    @Test
    void forgedStaleOrForeignRequests_shouldBe401_andStoreNothing() throws IOException {
        assertEquals(401, handler.handleRequest(fixture("webhook-bad-signature.json"), null).getStatusCode());
        assertEquals(401, handler.handleRequest(fixture("webhook-unknown-merchant.json"), null).getStatusCode());
        clock.set(Instant.ofEpochSecond(1_790_000_000L + 301));
        APIGatewayProxyResponseEvent stale = handler.handleRequest(fixture("webhook-valid.json"), null);
        assertEquals(401, stale.getStatusCode());
        assertTrue(body(stale).path("error").asText().contains("300 s"));
        APIGatewayProxyRequestEvent unsigned = fixture("webhook-valid.json");
        Map<String, String> headers = new HashMap<>(unsigned.getHeaders());
        headers.remove("X-Signature");
        unsigned.setHeaders(headers);
        clock.set(Instant.ofEpochSecond(1_790_000_000L));
        assertEquals(401, handler.handleRequest(unsigned, null).getStatusCode());
        assertEquals(0, conversations.size());
    }

    @Test
    void invalidEvents_shouldBe400_withEveryProblemsIndexAndField_andStoreNothing() throws IOException {
        APIGatewayProxyResponseEvent r = handler.handleRequest(fixture("webhook-invalid-events.json"), null);
        assertEquals(400, r.getStatusCode());
        JsonNode details = body(r).path("details");
        assertEquals(3, details.size(), r.getBody());
        assertEquals(1, details.get(0).path("index").asInt());
        assertEquals("occurredAt", details.get(0).path("field").asText());
        assertEquals(1, details.get(1).path("index").asInt());
        assertEquals("agentId", details.get(1).path("field").asText());
        assertEquals(2, details.get(2).path("index").asInt());
        assertEquals("rating", details.get(2).path("field").asText());
        assertEquals(0, conversations.size(), "the valid first event was not stored either");
    }

    @Test
    void notJson_shouldBe415() {
        assertEquals(415, handler.handleRequest(fixture("webhook-not-json.json"), null).getStatusCode());
        assertEquals(415, handler.handleRequest(fixture("webhook-text-plain.json"), null).getStatusCode());
        assertEquals(0, conversations.size());
    }

    @Test
    void storageOutage_shouldBeA5xx_neverAnAnswerThatLosesTheBatch() {
        WebhookIngestHandler broken = new WebhookIngestHandler(new IngestWiring(id -> {
            throw new IllegalStateException("DynamoDB unreachable");
        }, null, clock));
        clock.set(Instant.ofEpochSecond(1_790_000_000L));
        assertEquals(503, broken.handleRequest(fixture("webhook-valid.json"), null).getStatusCode());
    }

    @Test
    void bodyOver1MiB_shouldBe413() {
        APIGatewayProxyRequestEvent big = fixture("webhook-valid.json");
        big.setBody("{\"events\":[],\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}");
        assertEquals(413, handler.handleRequest(big, null).getStatusCode());
    }

    @Test
    void theAnswerAsTheRuntimeWritesIt_shouldBeTheRestApiProxyShape() throws IOException {
        APIGatewayProxyResponseEvent r = handler.handleRequest(fixture("webhook-valid.json"), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RUNTIME_OUT.toJson(r, out);
        JsonNode written = JSON.readTree(out.toByteArray());
        Set<String> keys = new TreeSet<>();
        written.fieldNames().forEachRemaining(keys::add);
        // API Gateway answers 502 "Malformed Lambda proxy response" to anything else
        assertTrue(Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded").containsAll(keys),
                "REST proxy keys only: " + keys);
        assertEquals(200, written.path("statusCode").asInt());
        assertEquals("{\"accepted\":3,\"duplicates\":0}", written.path("body").asText());
        assertEquals("application/json; charset=utf-8", written.path("headers").path("Content-Type").asText());
    }

    @Test
    void aRouteTheFunctionDoesNotServe_shouldBe404_andStoreNothing() {
        APIGatewayProxyRequestEvent other = fixture("webhook-valid.json");
        other.setResource("/webhooks/{merchantId}/other");
        clock.set(Instant.ofEpochSecond(1_790_000_000L));
        assertEquals(404, handler.handleRequest(other, null).getStatusCode());
        assertEquals(0, conversations.size());
    }
}
