package com.replyguard.local;

import static com.replyguard.local.Http.batch;
import static com.replyguard.local.Http.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.dynalite.ProjectLayout;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** R20 through the manager API: an agent's timeouts, an audited excuse, and the refusals around it. */
class DisciplineEndToEndTest {

    private static Http.Answer excuse(Http http, String path, String token, String body) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void timeoutsCountAgainstTheAgent_untilAManagerExcusesOne() throws Exception {
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null,
                ProjectLayout.root().resolve("infra/local/merchants.json"), ProjectLayout.template()))) {
            Http http = new Http(system.url());
            StringBuilder events = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                events.append(i > 0 ? "," : "")
                        .append(event("d" + i, "customer.message", "d-chat-" + i, "2026-10-09T1" + i + ":00:00",
                                "\"channel\":\"CS_CHAT\",\"customerId\":\"b\"")).append(',')
                        .append(event("r" + i, "agent.message", "d-chat-" + i, "2026-10-09T1" + i + ":03:00",
                                "\"agentId\":\"presales-zhang\""));
            }
            assertEquals(200, http.postSigned("demo", "demo-webhook-secret", "{\"events\":[" + events + "]}").status());
            JsonNode d = http.get("/merchants/demo/agents/presales-zhang/discipline?cycle=2026-10-H1", "demo-manager-token").json();
            assertEquals(3, d.path("timeouts").asInt(), d.toString());
            assertEquals("DEDUCTION", d.path("level").asText());
            assertEquals(9, d.path("points").asInt());
            assertTrue(d.path("trainingFlag").asBoolean());

            String breachId = d.path("breaches").get(0).path("breachId").asText();
            String path = "/merchants/demo/breaches/" + breachId + "/excuse";
            assertEquals(400, excuse(http, path, "demo-manager-token", "{}").status());
            assertEquals(403, excuse(http, path, "other-manager-token", "{\"reason\":\"x\"}").status());
            Http.Answer ok = excuse(http, path, "demo-manager-token", "{\"reason\":\"客服系统故障 (chat tool outage)\"}");
            assertEquals(200, ok.status(), ok.body());
            assertEquals("客服系统故障 (chat tool outage)", ok.json().path("excuse").path("reason").asText());
            assertTrue(ok.json().path("excuse").path("by").asText().startsWith("manager-token:"));
            assertTrue(!ok.body().contains("demo-manager-token"), "the token itself is never stored or returned");
            assertEquals(409, excuse(http, path, "demo-manager-token", "{\"reason\":\"again\"}").status());
            assertEquals(404, excuse(http, "/merchants/demo/breaches/b_nope/excuse", "demo-manager-token",
                    "{\"reason\":\"x\"}").status());

            JsonNode after = http.get("/merchants/demo/agents/presales-zhang/discipline?cycle=2026-10-H1", "demo-manager-token").json();
            assertEquals(2, after.path("timeouts").asInt());
            assertEquals(1, after.path("excused").asInt());
            assertEquals("WARNING", after.path("level").asText());
            assertEquals(400, http.get("/merchants/demo/agents/presales-zhang/discipline?cycle=soon", "demo-manager-token").status());

            // the buyer of the first chat complains that the response was too slow (R24 SERVICE_SLOW_RESPONSE)
            assertEquals(200, http.postSigned("demo", "demo-webhook-secret", batch(event("k0", "conversation.classified",
                    "d-chat-0", "2026-10-09T10:30:00", "\"category\":\"SERVICE_SLOW_RESPONSE\""))).status());
            JsonNode complained = http.get("/merchants/demo/agents/presales-zhang/discipline?cycle=2026-10-H1",
                    "demo-manager-token").json();
            assertEquals(1, complained.path("slowResponseComplaints").asInt());
            assertEquals("DEDUCTION", complained.path("level").asText());
            assertEquals(8, complained.path("points").asInt());
            Http.Answer csv = http.send(HttpRequest.newBuilder(http.uri("/merchants/demo/agents/presales-zhang/discipline?cycle=2026-10-H1"))
                    .header("Authorization", "Bearer demo-manager-token").header("Accept", "text/csv").GET().build());
            assertEquals(200, csv.status());
            assertTrue(csv.body().startsWith("\uFEFFbreachId,"), csv.body());
            assertTrue(csv.body().contains("客服系统故障 (chat tool outage)"), "the excuse, in Chinese, intact");
        }
    }
}
