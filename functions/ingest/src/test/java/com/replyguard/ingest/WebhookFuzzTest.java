package com.replyguard.ingest;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replyguard.adapters.doudian.DoudianPush;
import com.replyguard.intake.WebhookSignature;
import com.replyguard.merchant.DoudianApp;
import com.replyguard.merchant.Merchant;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import com.replyguard.usecase.IngestEventBatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Abuse limits (docs/security.md, event flooding): arbitrary bytes and mutated valid batches, correctly signed, to every
 * public webhook route. Always an answer below 500, and a refused request writes nothing (the
 * conversation store's write count is unchanged). Fixed seed, bounded tries: part of the normal suite.
 */
class WebhookFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.ofEpochSecond(1_790_000_000L);
    private static final Merchant MERCHANT = DEMO_MERCHANT.withDouyinClientSecret("dy-secret")
            .withDoudian(new DoudianApp("dd-key", List.of("dd-secret")));

    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final WebhookIngestHandler handler = new WebhookIngestHandler(new IngestWiring(
            id -> id.equals(DEMO) ? Optional.of(MERCHANT) : Optional.empty(),
            new IngestEventBatch(conversations, new InMemoryBreachStore(), new MutableClock(NOW)),
            new MutableClock(NOW)));

    private static APIGatewayProxyRequestEvent post(String route, byte[] body, Map<String, String> headers) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withResource(route)
                .withPath(route.replace("{merchantId}", "demo"))
                .withPathParameters(Map.of("merchantId", "demo")).withHeaders(new HashMap<>(headers))
                .withBody(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true);
    }

    private static APIGatewayProxyRequestEvent signedEvents(byte[] body) {
        String ts = Long.toString(NOW.getEpochSecond());
        return post("/webhooks/{merchantId}/events", body, Map.of("content-type", "application/json", "x-timestamp", ts,
                "x-signature", WebhookSignature.sign("demo-webhook-secret", ts, body)));
    }

    private static APIGatewayProxyRequestEvent signedDouyin(byte[] body) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update("dy-secret".getBytes(StandardCharsets.UTF_8));
        return post("/webhooks/{merchantId}/douyin", body, Map.of("x-douyin-signature", HexFormat.of().formatHex(sha1.digest(body)),
                "msg-id", "m-1"));
    }

    private static APIGatewayProxyRequestEvent signedDoudian(byte[] body) {
        return post("/webhooks/{merchantId}/doudian", body, Map.of("app-id", "dd-key",
                "event-sign", DoudianPush.sign("dd-key", body, "dd-secret")));
    }

    /** Answers below 500; when refused, nothing was written. Answers the status. */
    private int check(APIGatewayProxyRequestEvent event, String what) {
        int before = conversations.saves;
        APIGatewayProxyResponseEvent r = handler.handleRequest(event, null);
        if (r.getStatusCode() >= 500) {
            throw new AssertionError(what + ": answered " + r.getStatusCode() + " " + r.getBody());
        }
        if (r.getStatusCode() >= 300 && conversations.saves != before) {
            throw new AssertionError(what + ": refused with " + r.getStatusCode() + " but wrote " + (conversations.saves - before));
        }
        return r.getStatusCode();
    }

    @Property(tries = 150, seed = "20261125")
    void arbitraryBytes_toEveryWebhookRoute(@ForAll @Size(max = 2000) byte[] body) throws Exception {
        check(signedEvents(body), "events");
        check(signedDouyin(body), "douyin");
        check(signedDoudian(body), "doudian");
    }

    private static ObjectNode validBatch() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode events = root.putArray("events");
        String[] types = {"customer.message", "agent.message", "conversation.transferred", "conversation.rated",
                "conversation.classified", "conversation.resolved", "customer.reported"};
        for (int i = 0; i < 7; i++) {
            ObjectNode e = events.addObject();
            e.put("eventId", "f-" + i);
            e.put("type", types[i]);
            e.put("conversationId", "fz-" + (i % 3));
            e.put("occurredAt", NOW.minusSeconds(3600 - i * 30L).toString());
            e.put("channel", "CS_CHAT");
            e.put("customerId", "buyer-" + (i % 3));
            e.put("agentId", "agent-" + i);
            e.put("rating", 4);
            e.put("category", "LOGISTICS_LATE");
            e.put("text", "快递怎么还没到，很急");
        }
        return root;
    }

    private static final JsonNode[] ODD_VALUES = {JSON.nullNode(), JSON.getNodeFactory().numberNode(-1),
            JSON.getNodeFactory().numberNode(1e308), JSON.getNodeFactory().textNode(""),
            JSON.getNodeFactory().textNode("x".repeat(5000)), JSON.getNodeFactory().textNode("9999-99-99T99:99:99Z"),
            JSON.getNodeFactory().textNode("2999-01-01T00:00:00Z"), JSON.getNodeFactory().booleanNode(true),
            JSON.createArrayNode(), JSON.createObjectNode(), JSON.getNodeFactory().textNode("LIVE_COMMENT"),
            JSON.getNodeFactory().textNode("\u0000\ud83d\ude00"), JSON.getNodeFactory().numberNode(6)};

    @Property(tries = 200, seed = "20261125")
    void mutatedValidBatches(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int mutations) throws Exception {
        Random random = new Random(seed);
        ObjectNode batch = validBatch();
        ArrayNode events = (ArrayNode) batch.get("events");
        for (int m = 0; m < mutations; m++) {
            ObjectNode e = (ObjectNode) events.get(random.nextInt(events.size()));
            List<String> fields = new ArrayList<>();
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                fields.add(it.next());
            }
            switch (random.nextInt(6)) {
                case 0 -> e.remove(fields.get(random.nextInt(fields.size())));
                case 1 -> e.set(fields.get(random.nextInt(fields.size())), ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
                case 2 -> events.add(e.deepCopy().put("type", "agent.message")); // same eventId, other content
                case 3 -> e.put("unexpected" + random.nextInt(3), random.nextInt());
                case 4 -> {
                    ObjectNode deep = JSON.createObjectNode();
                    ObjectNode cursor = deep;
                    for (int d = 0; d < 80; d++) {
                        cursor = cursor.putObject("n");
                    }
                    e.set("text", deep);
                }
                default -> {
                    for (int i = 0; i < 200; i++) {
                        events.add(e.deepCopy().put("eventId", "many-" + i));
                    }
                }
            }
        }
        byte[] body = JSON.writeValueAsBytes(batch);
        int status = check(signedEvents(body), "events");
        // the mutations must reach the validation, not stop at the signature: both outcomes occur
        Statistics.label("status").collect(status);
        Statistics.label("status").coverage(c -> {
            c.check(200).count(n -> n > 0);
            c.check(400).percentage(p -> p > 30);
            c.check(401).count(n -> n == 0);
        });
        if (random.nextBoolean()) {
            int cut = random.nextInt(body.length);
            check(signedEvents(Arrays.copyOf(body, cut)), "truncated events");
        }
    }

    @Property(tries = 100, seed = "20261125")
    void mutatedDoudianPushes(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        ArrayNode push = JSON.createArrayNode();
        ObjectNode m = push.addObject();
        m.put("tag", random.nextBoolean() ? "200" : List.of("206", "207", "101", "999").get(random.nextInt(4)));
        m.put("msg_id", Long.toString(random.nextLong()));
        ObjectNode data = JSON.createObjectNode();
        data.put("aftersale_id", "a" + random.nextInt(5));
        data.put("aftersale_type", random.nextInt(5) - 1);
        data.put("apply_time", NOW.getEpochSecond() - random.nextInt(100_000) + (random.nextInt(10) == 0 ? 10_000_000 : 0));
        data.put("update_time", NOW.getEpochSecond() - random.nextInt(1000));
        data.put("p_id", "p" + random.nextInt(9));
        String[] keys = {"aftersale_id", "apply_time", "update_time", "p_id", "aftersale_type"};
        if (random.nextBoolean()) {
            data.set(keys[random.nextInt(keys.length)], ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
        }
        m.put("data", random.nextBoolean() ? data.toString() : data.toString().substring(0, random.nextInt(data.toString().length())));
        int status = check(signedDoudian(JSON.writeValueAsBytes(push)), "doudian " + push);
        Statistics.label("status").collect(status);
        Statistics.label("status").coverage(c -> {
            c.check(200).count(n -> n > 0);
            c.check(400).count(n -> n > 0);
        });
    }
}
