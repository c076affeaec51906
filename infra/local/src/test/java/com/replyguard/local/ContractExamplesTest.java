package com.replyguard.local;

import static com.replyguard.local.Http.batch;
import static com.replyguard.local.Http.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.dynalite.Dynalite;
import com.replyguard.dynalite.ProjectLayout;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every example and error case of the public contract (docs/openapi.yaml), reproduced against the local
 * runner's HTTP port with the shipped merchants (demo / other), exactly as an integrator or manager would send
 * them.
 */
class ContractExamplesTest {
    static LocalSystem system;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        system = LocalSystem.start(new LocalSystem.Options(0, null,
                ProjectLayout.root().resolve("infra/local/merchants.json"), ProjectLayout.template()));
        http = new Http(system.url());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    /**
     * Every item of every table, to prove a refused request changed nothing - except the KPI fold's
     * state items ({@code fold#n}), whose watermark the running KPI function moves on its own every
     * few seconds (it records time, not data; the counters and the ledger are compared).
     */
    static Map<String, Set<String>> everything() {
        Map<String, Set<String>> all = new TreeMap<>();
        try (DynamoDbClient dynamo = Dynalite.client(system.dynamoEndpoint())) {
            for (String table : dynamo.listTables().tableNames()) {
                Set<String> items = new HashSet<>();
                dynamo.scanPaginator(b -> b.tableName(table)).items().stream()
                        .filter(i -> !(table.endsWith("KpisTable") && i.get("pk").s().startsWith("fold#")))
                        .forEach(i -> items.add(i.toString()));
                all.put(table, items);
            }
        }
        return all;
    }

    @Test
    void webhook_storesASignedBatch_andCountsDuplicates() {
        String body = batch(
                event("cx-1", "customer.message", "cx-chat-1", "2026-10-05T10:00:00", "\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-1\",\"text\":\"在吗\""),
                event("cx-2", "agent.message", "cx-chat-1", "2026-10-05T10:00:30", "\"agentId\":\"presales-zhang\""));
        Http.Answer first = http.postSigned("demo", "demo-webhook-secret", body);
        assertEquals(200, first.status(), first.body());
        assertEquals(2, first.json().path("accepted").asInt());
        assertEquals(0, first.json().path("duplicates").asInt());
        Http.Answer again = http.postSigned("demo", "demo-webhook-secret", body);
        assertEquals(200, again.status());
        assertEquals(2, again.json().path("duplicates").asInt());
    }

    @Test
    void webhook_refusesForgedReplayedForeignAndUnknownRequests_with401() {
        byte[] body = batch(event("cx-9", "conversation.closed", "cx-any", "2026-10-05T10:00:00", "\"channel\":\"CS_CHAT\""))
                .getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        Map<String, Set<String>> before = everything();
        assertEquals(401, http.postSigned("demo", "other-webhook-secret", body, now, "application/json").status());
        // the exact 300 s boundary is tested with a fixed clock in WebhookSignatureTest; here: clearly outside
        assertEquals(401, http.postSigned("demo", "demo-webhook-secret", body, Instant.now().getEpochSecond() - 330,
                "application/json").status());
        assertEquals(401, http.postSigned("demo", "demo-webhook-secret", body, Instant.now().getEpochSecond() + 330,
                "application/json").status());
        assertEquals(401, http.postSigned("nobody", "demo-webhook-secret", body, now, "application/json").status());
        assertEquals(401, http.post("/webhooks/demo/events", body, "application/json", Long.toString(now), null).status());
        assertEquals(401, http.post("/webhooks/demo/events", body, "application/json", null, "sha256=00").status());
        Http.Answer forged = http.post("/webhooks/demo/events", body, "application/json", Long.toString(now), "sha256=00");
        assertEquals(401, forged.status());
        assertNotNull(forged.json().path("error").asText(null));
        assertEquals(before, everything());
    }

    @Test
    void webhook_answers413_415_and400_changingNothing() {
        Map<String, Set<String>> before = everything();
        byte[] big = ("{\"events\":[],\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, http.postSigned("demo", "demo-webhook-secret", big, Instant.now().getEpochSecond(),
                "application/json").status());
        byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
        assertEquals(415, http.postSigned("demo", "demo-webhook-secret", text, Instant.now().getEpochSecond(),
                "text/plain").status());
        assertEquals(415, http.postSigned("demo", "demo-webhook-secret", text, Instant.now().getEpochSecond(),
                "application/json").status());
        String future = Instant.now().plusSeconds(120).atOffset(ZoneOffset.ofHours(8)).toLocalDateTime().toString();
        Http.Answer bad = http.postSigned("demo", "demo-webhook-secret", batch(
                event("cx-50", "customer.message", "cx-chat-50", "2026-10-05T10:00:00", "\"channel\":\"CS_CHAT\",\"customerId\":\"b\""),
                event("cx-51", "agent.message", "cx-chat-50", "2026-10-05T10:00:10", ""),
                event("cx-52", "customer.message", "cx-chat-51", future, "\"channel\":\"CS_CHAT\",\"customerId\":\"b\""),
                "\"not an event\""));
        assertEquals(400, bad.status(), bad.body());
        JsonNode details = bad.json().path("details");
        assertEquals(3, details.size(), bad.body());
        assertEquals(1, details.get(0).path("index").asInt());
        assertEquals("agentId", details.get(0).path("field").asText());
        assertEquals(2, details.get(1).path("index").asInt());
        assertEquals("occurredAt", details.get(1).path("field").asText());
        assertEquals(3, details.get(2).path("index").asInt());
        assertEquals(400, http.postSigned("demo", "demo-webhook-secret", "{\"events\":[]}").status());
        assertEquals(before, everything(), "a refused request leaves no trace in any table");
    }

    @Test
    void kpis_answerTheContractExampleShape_andRefuseBadCallers() {
        http.postSigned("demo", "demo-webhook-secret", batch(
                event("kx-1", "customer.message", "kx-chat-1", "2026-10-06T10:00:00", "\"channel\":\"CS_CHAT\",\"customerId\":\"b1\""),
                event("kx-2", "agent.message", "kx-chat-1", "2026-10-06T10:01:00", "\"agentId\":\"a1\""),
                event("kx-3", "conversation.rated", "kx-chat-1", "2026-10-06T10:05:00", "\"rating\":5")));
        Http.Answer r = http.kpisCountingAllWritesSoFar("/merchants/demo/kpis?cycle=2026-10-H1", "demo-manager-token");
        assertEquals(200, r.status(), r.body());
        JsonNode k = r.json();
        assertEquals("demo", k.path("merchantId").asText());
        assertEquals("2026-10-H1", k.path("cycle").asText());
        assertEquals("2026-10-01T00:00:00+08:00", k.path("from").asText());
        assertEquals("2026-10-16T00:00:00+08:00", k.path("to").asText());
        for (String metric : new String[] {"firstReply2Min", "reply3Min", "satisfaction"}) {
            JsonNode m = k.path(metric);
            assertTrue(m.has("met") && m.has("total") && m.has("rate") && m.has("target") && m.has("passing"), metric);
        }
        assertEquals(0.85, k.path("firstReply2Min").path("target").asDouble());
        assertEquals(0.80, k.path("reply3Min").path("target").asDouble());
        assertTrue(k.path("satisfaction").path("total").asInt() >= 1);
        JsonNode empty = http.get("/merchants/demo/kpis?cycle=2020-01-H1", "demo-manager-token").json();
        assertTrue(empty.path("firstReply2Min").path("rate").isNull());
        assertTrue(empty.path("firstReply2Min").path("passing").isNull());
        assertEquals(400, http.get("/merchants/demo/kpis?cycle=2026-10-X", "demo-manager-token").status());
        assertEquals(403, http.get("/merchants/demo/kpis?cycle=2026-10-H1", "other-manager-token").status());
        assertEquals(401, http.get("/merchants/demo/kpis?cycle=2026-10-H1", null).status());
        assertEquals(401, http.get("/merchants/demo/kpis?cycle=2026-10-H1", "nope").status());
        JsonNode other = http.get("/merchants/other/kpis?cycle=2026-10-H1", "other-manager-token").json();
        assertEquals(0, other.path("satisfaction").path("total").asInt(), "tenants are sealed");
    }

    @Test
    void breaches_areListedByDeadline_inPages_withFilters() {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            if (i > 0) {
                events.append(',');
            }
            events.append(event("bx-" + i, "customer.message", "bx-chat-" + i, "2026-10-07T1" + i + ":00:00",
                    "\"channel\":\"CS_CHAT\",\"customerId\":\"b\""));
        }
        assertEquals(200, http.postSigned("demo", "demo-webhook-secret", "{\"events\":[" + events + "]}").status());
        String window = "from=2026-10-07T10:00:00%2B08:00&to=2026-10-07T15:00:00%2B08:00";
        Http.Answer page1 = http.get("/merchants/demo/breaches?" + window + "&limit=2", "demo-manager-token");
        assertEquals(200, page1.status(), page1.body());
        assertEquals(2, page1.json().path("breaches").size());
        String deadline0 = page1.json().path("breaches").get(0).path("deadline").asText();
        assertEquals("2026-10-07T10:01:00+08:00", deadline0);
        JsonNode b = page1.json().path("breaches").get(0);
        for (String f : new String[] {"breachId", "conversationId", "clock", "deadline", "detectedAt"}) {
            assertTrue(b.hasNonNull(f), f);
        }
        String token = page1.json().path("nextToken").asText();
        Http.Answer page2 = http.get("/merchants/demo/breaches?" + window + "&limit=2&nextToken=" + token, "demo-manager-token");
        assertEquals("2026-10-07T12:01:00+08:00", page2.json().path("breaches").get(0).path("deadline").asText());
        Http.Answer page3 = http.get("/merchants/demo/breaches?" + window + "&limit=2&nextToken="
                + page2.json().path("nextToken").asText(), "demo-manager-token");
        assertEquals(1, page3.json().path("breaches").size());
        assertTrue(page3.json().path("nextToken").isNull());
        assertEquals(400, http.get("/merchants/demo/breaches?limit=0", "demo-manager-token").status());
        assertEquals(400, http.get("/merchants/demo/breaches?limit=1001", "demo-manager-token").status());
        assertEquals(400, http.get("/merchants/demo/breaches?from=tomorrow", "demo-manager-token").status());
        assertEquals(400, http.get("/merchants/other/breaches?nextToken=" + token, "other-manager-token").status());
        assertEquals(403, http.get("/merchants/demo/breaches", "other-manager-token").status());
    }

    @Test
    void conversation_showsItsTimelineAndEachClocksOutcome() {
        http.postSigned("demo", "demo-webhook-secret", batch(
                event("vx-1", "customer.message", "vx-live-1", "2026-10-08T20:00:00", "\"channel\":\"LIVE_COMMENT\",\"customerId\":\"v\""),
                event("vx-2", "agent.message", "vx-live-1", "2026-10-08T20:00:20", "\"agentId\":\"host-li\",\"agentRole\":\"HOST\"")));
        Http.Answer r = http.get("/merchants/demo/conversations/vx-live-1", "demo-manager-token");
        assertEquals(200, r.status(), r.body());
        assertEquals(2, r.json().path("timeline").size());
        JsonNode clock = r.json().path("clocks").get(0);
        assertEquals("FIRST_REPLY", clock.path("clock").asText());
        assertEquals(30.0, clock.path("targetSeconds").asDouble());
        assertEquals("MET", clock.path("outcome").asText());
        assertTrue(r.body().indexOf("\"v\"") < 0, "the raw customer id is never returned");
        assertEquals(404, http.get("/merchants/demo/conversations/nope", "demo-manager-token").status());
        assertEquals(403, http.get("/merchants/demo/conversations/vx-live-1", "other-manager-token").status());
        assertEquals(404, http.get("/merchants/other/conversations/vx-live-1", "other-manager-token").status());
    }

    @Test
    void unknownRoutesAndMethods_are404And405() {
        assertEquals(404, http.get("/nothing/here", "demo-manager-token").status());
        assertEquals(405, http.get("/webhooks/demo/events", null).status());
    }
}
