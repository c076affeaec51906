package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replyguard.dynalite.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariants 1 and 2 end to end: the demo session's events and a customer report posted through the
 * signed HTTP webhook in time order, then shuffled, re-sent and split into random batches for other
 * (isolated) merchants, give the same KPI report and the same breaches.
 */
@Tag("slow")
class OrderIndependenceEndToEndTest {
    private static final int TRIALS = 4;

    @Test
    void anyOrderAnyBatchSplitAnyDuplicates_giveTheSameKpisAndBreaches(@TempDir Path dir) throws Exception {
        Path merchants = dir.resolve("merchants.json");
        ObjectNode root = Http.JSON.createObjectNode();
        ArrayNode list = root.putArray("merchants");
        for (int t = 0; t <= TRIALS; t++) {
            ObjectNode m = list.addObject();
            m.put("merchantId", "trial" + t);
            m.putArray("webhookSecrets").add("secret-" + t);
            m.putArray("managerTokens").add("token-" + t);
            m.put("customerHashKey", "trial-customer-hash-key-" + t);
        }
        Files.writeString(merchants, Http.JSON.writeValueAsString(root));
        List<JsonNode> events = new ArrayList<>();
        Http.JSON.readTree(ProjectLayout.root().resolve("infra/local/demo/live-session.json").toFile())
                .path("events").forEach(events::add);
        // a customer report (R13, R14): buyer-837530 of dm-012 writes again in dm-rep and is reported there; the
        // report must reach dm-012 whichever of the two arrives first, and in whatever batch
        events.add(Http.JSON.readTree(Http.event("rep-1", "customer.message", "dm-rep", "2026-10-03T20:30:00",
                "\"channel\":\"DIRECT_MESSAGE\",\"customerId\":\"buyer-837530\"")));
        events.add(Http.JSON.readTree(Http.event("rep-2", "customer.reported", "dm-rep", "2026-10-03T20:31:00",
                "\"customerId\":\"buyer-837530\"")));

        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null, merchants, ProjectLayout.template()))) {
            Http http = new Http(system.url());
            post(http, 0, events, 100);
            String expected = outcome(http, 0);
            // the demo's 60 first-reply units less dm-012's, which the report leaves out (dm-rep's own unit is out too)
            assertTrue(expected.contains("\"firstReply2Min\":{\"met\":49,\"total\":59"), expected);

            Random random = new Random(615);
            for (int t = 1; t <= TRIALS; t++) {
                List<JsonNode> shuffled = new ArrayList<>(events);
                Collections.shuffle(shuffled, random);
                for (int d = 0; d < 60; d++) {
                    shuffled.add(random.nextInt(shuffled.size()), shuffled.get(random.nextInt(shuffled.size())));
                }
                int i = 0;
                while (i < shuffled.size()) {
                    int size = 1 + random.nextInt(t % 2 == 0 ? 150 : 12);
                    post(http, t, shuffled.subList(i, Math.min(shuffled.size(), i + size)), Integer.MAX_VALUE);
                    i += size;
                }
                post(http, t, events.subList(0, 100), 100); // a whole batch delivered again
                assertEquals(expected, outcome(http, t), "trial " + t);
            }
        }
    }

    private static void post(Http http, int trial, List<JsonNode> events, int batchSize) throws IOException {
        for (int from = 0; from < events.size(); from += batchSize) {
            ObjectNode body = Http.JSON.createObjectNode();
            ArrayNode batch = body.putArray("events");
            events.subList(from, Math.min(events.size(), from + batchSize)).forEach(batch::add);
            Http.Answer a = http.postSigned("trial" + trial, "secret-" + trial, Http.JSON.writeValueAsString(body));
            assertEquals(200, a.status(), a.body());
        }
    }

    /** The KPI report (less its asOf) and every breach's identity and deadline. */
    private static String outcome(Http http, int trial) {
        Http.Answer kpis = http.kpisCountingAllWritesSoFar("/merchants/trial" + trial + "/kpis?cycle=2026-10-H1", "token-" + trial);
        ObjectNode k = (ObjectNode) kpis.json();
        k.remove("asOf");
        k.remove("countedThrough");
        k.remove("merchantId");
        StringBuilder s = new StringBuilder(k.toString());
        JsonNode breaches = http.get("/merchants/trial" + trial + "/breaches?limit=1000", "token-" + trial).json();
        for (JsonNode b : breaches.path("breaches")) {
            s.append('\n').append(b.path("breachId").asText()).append(' ').append(b.path("conversationId").asText())
                    .append(' ').append(b.path("clock").asText()).append(' ').append(b.path("deadline").asText())
                    .append(' ').append(b.path("answeredAt").asText());
        }
        return s.toString();
    }
}
