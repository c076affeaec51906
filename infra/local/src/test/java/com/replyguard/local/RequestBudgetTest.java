package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replyguard.dynalite.ProjectLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * architecture.md: at most 3 DynamoDB requests per ingested event on average, everything included,
 * counted from outside at the DynamoDB endpoint (dynalite counts what it serves). Workload: the
 * demo live-stream session in platform-sized batches of 100, then the same events again one per
 * request (the worst case a platform can choose), numbers printed for docs/benchmarks.md. The
 * deadline wheel is off here: its reads are a constant rate per second, whatever the volume
 * (measured by the wheel benchmark), and the due-index costs ingest nothing (same PutItem).
 */
class RequestBudgetTest {

    @Test
    void ingest_staysWithin3DynamoDbRequestsPerEvent_onTheDemoSession() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        Http.JSON.readTree(ProjectLayout.root().resolve("infra/local/demo/live-session.json").toFile())
                .path("events").forEach(events::add);
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null,
                ProjectLayout.root().resolve("infra/local/merchants.json"), ProjectLayout.template()).withoutSchedules())) {
            Http http = new Http(system.url());
            system.dynalite().resetRequestCounts();
            for (int from = 0; from < events.size(); from += 100) {
                post(http, "demo", "demo-webhook-secret", events.subList(from, Math.min(events.size(), from + 100)));
            }
            long batched = total(system.dynalite().requestCounts());
            double perEvent = (double) batched / events.size();
            System.out.printf("BUDGET batches of 100: %d events, %d DynamoDB requests, %.2f per event %s%n",
                    events.size(), batched, perEvent, system.dynalite().requestCounts());
            assertTrue(perEvent <= 3.0, "requests per event " + perEvent);

            system.dynalite().resetRequestCounts();
            for (JsonNode e : events) {
                post(http, "other", "other-webhook-secret", List.of(e));
            }
            long single = total(system.dynalite().requestCounts());
            System.out.printf("BUDGET one event per request: %d events, %d DynamoDB requests, %.2f per event %s%n",
                    events.size(), single, (double) single / events.size(), system.dynalite().requestCounts());
            assertTrue((double) single / events.size() <= 3.0, "single-event requests per event " + (double) single / events.size());
        }
    }

    private static void post(Http http, String merchant, String secret, List<JsonNode> events) throws Exception {
        ObjectNode body = Http.JSON.createObjectNode();
        ArrayNode batch = body.putArray("events");
        events.forEach(batch::add);
        Http.Answer a = http.postSigned(merchant, secret, Http.JSON.writeValueAsString(body));
        assertEquals(200, a.status(), a.body());
    }

    private static long total(String countsJson) throws Exception {
        long sum = 0;
        for (JsonNode n : Http.JSON.readTree(countsJson)) {
            sum += n.asLong();
        }
        return sum;
    }
}
