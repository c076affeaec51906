package com.replyguard.local;

import static com.replyguard.local.Http.batch;
import static com.replyguard.local.Http.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.dynalite.MotoServer;
import com.replyguard.dynalite.ProjectLayout;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's examples, and every other read and write path, on the local runner with
 * {@code --dynamodb-endpoint} pointed at moto_server: a DynamoDB emulator that refuses what
 * DynamoDB refuses (an empty string as a key value, for one), where dynalite lets it pass. Each
 * request must succeed there exactly as on dynalite. Skipped with a message where moto_server is
 * not installed (machines of this project's kind have it under pyenv).
 */
@Tag("slow")
class StrictDynamoDbEndToEndTest {
    static MotoServer moto;
    static LocalSystem system;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(MotoServer.find().isPresent(),
                "moto_server not installed: the strict-DynamoDB run is skipped (pip install 'moto[server]')");
        moto = MotoServer.start();
        system = LocalSystem.start(new LocalSystem.Options(0, moto.endpoint(),
                ProjectLayout.root().resolve("infra/local/merchants.json"), ProjectLayout.template()));
        http = new Http(system.url());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static JsonNode ok(Http.Answer a, String what) {
        assertEquals(200, a.status(), what + ": " + a.body());
        return a.json();
    }

    private static JsonNode get(String pathAndQuery) {
        return ok(http.get(pathAndQuery, "demo-manager-token"), "GET " + pathAndQuery);
    }

    @Test
    void theReadmeExamples_andEveryRoute_answerOnAStrictDynamoDb() {
        // README: "Send a signed event"
        String readme = "{\"events\":[{\"eventId\":\"e-1\",\"type\":\"customer.message\",\"conversationId\":\"chat-1\","
                + "\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-1\",\"occurredAt\":\"2026-10-03T10:00:00+08:00\",\"text\":\"在吗？\"}]}";
        JsonNode stored = ok(http.postSigned("demo", "demo-webhook-secret", readme), "README webhook");
        assertEquals(1, stored.path("accepted").asInt());
        ok(http.kpisCountingAllWritesSoFar("/merchants/demo/kpis?cycle=2026-10-H1", "demo-manager-token"), "kpis");
        get("/merchants/demo/kpis?cycle=2026-10-H1&groupBy=agent");
        get("/merchants/demo/operations?cycle=2026-10-H1&groupBy=category");
        get("/merchants/demo/aftersales?cycle=2026-10-H1");
        get("/merchants/demo/aftersales/cases?cycle=2026-10-H1");
        get("/merchants/demo/quality?month=2026-10");
        get("/merchants/demo/held-conversations?olderThan=PT0S");
        JsonNode breaches = get("/merchants/demo/breaches?limit=10");
        assertEquals("chat-1", breaches.path("breaches").get(0).path("conversationId").asText(), breaches.toString());
        get("/merchants/demo/conversations/chat-1");
        get("/merchants/demo/policy");
        ok(http.put("/merchants/demo/policy", "demo-manager-token",
                "{\"targets\":{\"FIRST_REPLY\":{\"liveRoom\":\"PT20S\",\"elsewhere\":\"PT45S\"}},\"escalationDelays\":[\"PT0S\",\"PT1M\",\"PT3M\"]}"),
                "README policy");

        // the breach list with each kind of bound, and its pages
        ok(http.postSigned("demo", "demo-webhook-secret", batch(
                event("s-1", "customer.message", "chat-2", "2026-10-04T10:00:00", "\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-2\""),
                event("s-2", "customer.message", "chat-3", "2026-10-05T10:00:00", "\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-1\""),
                event("s-3", "agent.message", "chat-3", "2026-10-05T10:05:00", "\"agentId\":\"presales-zhang\""),
                event("s-4", "conversation.classified", "chat-3", "2026-10-05T10:06:00", "\"category\":\"SERVICE_SLOW_RESPONSE\""),
                event("s-5", "customer.reported", "chat-3", "2026-10-05T10:07:00", "\"customerId\":\"buyer-1\""))), "more events");
        for (String q : List.of("from=2026-10-04T00:00:00%2B08:00", "to=2026-10-04T23:00:00%2B08:00",
                "from=2026-10-01T00:00:00Z&to=2026-10-31T00:00:00Z")) {
            assertTrue(get("/merchants/demo/breaches?" + q).path("breaches").size() >= 1, q);
        }
        JsonNode page = get("/merchants/demo/breaches?limit=1");
        assertNotNull(page.path("nextToken").textValue(), page.toString());
        assertEquals(1, get("/merchants/demo/breaches?limit=1&nextToken=" + page.path("nextToken").asText()).path("breaches").size());
        String breachId = page.path("breaches").get(0).path("breachId").asText();

        get("/merchants/demo/agents/presales-zhang/discipline?cycle=2026-10-H1");
        get("/merchants/demo/agents/presales-zhang/scorecard?cycle=2026-10-H1");
        get("/merchants/demo/leaderboard?month=2026-10");
        get("/merchants/demo/operations?cycle=2026-10-H1");
        ok(http.send(HttpRequest.newBuilder(http.uri("/merchants/demo/breaches/" + breachId + "/excuse"))
                .header("Authorization", "Bearer demo-manager-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"系统故障\"}")).build()), "excuse");
        ok(http.put("/merchants/demo/conversations/chat-2/category", "demo-manager-token", "{\"category\":\"LOGISTICS_LATE\"}"),
                "classify");
        ok(http.send(HttpRequest.newBuilder(http.uri("/merchants/demo/customers/buyer-2?idType=platform"))
                .header("Authorization", "Bearer demo-manager-token").DELETE().build()), "forget customer");

        // a live clock: the deadline wheel's due-index reads and the escalation's writes, on the strict endpoint
        ok(http.put("/merchants/demo/policy", "demo-manager-token", "{\"targets\":{\"FIRST_REPLY\":{\"liveRoom\":\"PT1S\",\"elsewhere\":\"PT1S\"}}}"),
                "short policy");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String local = now.atOffset(ZoneOffset.ofHours(8)).toLocalDateTime().toString();
        ok(http.postSigned("demo", "demo-webhook-secret", batch(event("live-1", "customer.message", "live-1", local,
                "\"channel\":\"LIVE_COMMENT\",\"customerId\":\"viewer-1\""))), "live comment");
        Instant giveUp = Instant.now().plusSeconds(30);
        while (get("/merchants/demo/breaches?from=" + now.minusSeconds(5)).path("breaches").size() == 0) {
            assertTrue(Instant.now().isBefore(giveUp), "the live clock's breach was not recorded within 30 s on moto");
            sleep(250);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
