package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.dynalite.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decisive edge, on the local runner with its minute schedule and deadline wheel: a chat
 * message nobody answers is warned about, breached within about a second of its deadline with no
 * further event, recorded exactly once, and escalated through the ladder. The merchant's policy
 * shortens the clocks (3 s first reply, levels 2 s apart) so the test takes seconds, not minutes.
 */
@Tag("slow")
@Tag("latency")
class LiveBreachEndToEndTest {

    @Test
    void unansweredClock_breachesWithinASecondOfItsDeadline_onceAndUpTheLadder(@TempDir Path dir) throws Exception {
        Path merchants = dir.resolve("merchants.json");
        Files.writeString(merchants, """
                {"merchants": [{"merchantId": "fast", "webhookSecrets": ["fast-secret"], "managerTokens": ["fast-token"],
                  "customerHashKey": "fast-customer-hash-key",
                  "assessedHours": {"from": "00:00", "to": "00:00"},
                  "policy": {"targets": {"FIRST_REPLY": {"liveRoom": 3, "elsewhere": 3}},
                             "warningShare": 0.5, "escalationDelays": [0, 2, 4]}}]}
                """);
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null, merchants, ProjectLayout.template()))) {
            Http http = new Http(system.url());
            // a first clock warms the JVM up (cold class loading is what SnapStart priming removes in AWS)
            ask(http, "chat-warm-up", Instant.now());
            awaitEvents(system, 4);

            Instant asked = Instant.now();
            ask(http, "chat-live", asked);
            Instant deadline = asked.plusSeconds(3);
            awaitEvents(system, 8);
            List<Map<String, Object>> events = system.events().subList(4, 8);
            List<Object> types = events.stream().map(e -> e.get("detail-type")).toList();
            assertEquals(List.of("SlaAtRisk", "SlaBreached", "SlaEscalated", "SlaEscalated"), types);
            for (Map<String, Object> e : events) {
                @SuppressWarnings("unchecked")
                Map<String, Object> detail = (Map<String, Object>) e.get("detail");
                Duration lag = Duration.between(Instant.parse(OffsetDateTime.parse((String) detail.get("dueAt")).toInstant().toString()),
                        OffsetDateTime.parse((String) detail.get("publishedAt")).toInstant());
                System.out.println("LAG " + e.get("detail-type") + " " + lag.toMillis());
                assertTrue(!lag.isNegative() && lag.compareTo(Duration.ofSeconds(1)) <= 0,
                        e.get("detail-type") + " published " + lag.toMillis() + " ms after it was due");
            }

            JsonNode breaches = http.get("/merchants/fast/breaches", "fast-token").json().path("breaches");
            assertEquals(2, breaches.size(), "exactly one breach per clock");
            assertEquals("chat-live", breaches.get(1).path("conversationId").asText());
            Instant detected = OffsetDateTime.parse(breaches.get(1).path("detectedAt").asText()).toInstant();
            Duration detectionLag = Duration.between(deadline, detected);
            assertTrue(!detectionLag.isNegative() && detectionLag.compareTo(Duration.ofSeconds(1)) <= 0,
                    "detected " + detectionLag.toMillis() + " ms after the deadline");

            Thread.sleep(2_500); // more turns of the wheel change nothing
            assertEquals(8, system.events().size());
            assertEquals(2, http.get("/merchants/fast/breaches", "fast-token").json().path("breaches").size());
        }
    }

    private static void ask(Http http, String conversation, Instant at) {
        String time = OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)).toString();
        Http.Answer posted = http.postSigned("fast", "fast-secret", "{\"events\":[{\"eventId\":\"" + conversation
                + "-1\",\"type\":\"customer.message\",\"conversationId\":\"" + conversation + "\",\"channel\":\"CS_CHAT\","
                + "\"customerId\":\"buyer-1\",\"occurredAt\":\"" + time + "\"}]}");
        assertEquals(200, posted.status(), posted.body());
    }

    private static void awaitEvents(LocalSystem system, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until && system.events().size() < count) {
            Thread.sleep(50);
        }
        assertEquals(count, system.events().size(), "events so far: " + system.events());
    }
}
