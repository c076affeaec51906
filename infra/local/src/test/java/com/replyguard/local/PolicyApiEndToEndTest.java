package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.dynalite.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET/PUT /merchants/{m}/policy: every problem of a bad policy listed, nothing changed; a good one is
 * the next version, in force from now - clocks starting later are judged by it, back-filled ones by
 * the version of their own time.
 */
class PolicyApiEndToEndTest {

    private static Http.Answer put(Http http, String merchant, String token, String body) {
        return http.put("/merchants/" + merchant + "/policy", token, body);
    }

    @Test
    void policy_isReadReplacedAndApplied_andABadOneIsRefusedWhole(@TempDir Path dir) throws Exception {
        Path merchants = dir.resolve("merchants.json");
        Files.copy(ProjectLayout.root().resolve("infra/local/merchants.json"), merchants);
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null, merchants, ProjectLayout.template()))) {
            Http http = new Http(system.url());
            JsonNode defaults = http.get("/merchants/demo/policy", "demo-manager-token").json();
            assertEquals("PT30S", defaults.path("targets").path("FIRST_REPLY").path("liveRoom").asText());
            assertEquals("PT1M", defaults.path("targets").path("FIRST_REPLY").path("elsewhere").asText());
            assertEquals(0.8, defaults.path("warningShare").asDouble());
            assertEquals(List.of("PT0S", "PT2M", "PT5M"), texts(defaults.path("escalationDelays")));

            Http.Answer bad = put(http, "demo", "demo-manager-token", "{\"targets\": {\"FIRST_REPLY\": {\"elsewhere\": -5},"
                    + " \"LUNCH\": {\"elsewhere\": 60}}, \"warningShare\": 1.5, \"escalationDelays\": [\"soon\"]}");
            assertEquals(400, bad.status(), bad.body());
            List<String> fields = new ArrayList<>();
            bad.json().path("details").forEach(d -> fields.add(d.path("field").asText()));
            assertTrue(fields.contains("policy.targets.LUNCH"), fields.toString());
            assertTrue(fields.contains("policy.escalationDelays[0]"), fields.toString());
            assertEquals(defaults, http.get("/merchants/demo/policy", "demo-manager-token").json(), "nothing changed");

            Http.Answer ok = put(http, "demo", "demo-manager-token", "{\"targets\": {\"FIRST_REPLY\": {\"liveRoom\": \"PT20S\","
                    + " \"elsewhere\": 45}}, \"escalationDelays\": [0, 60], \"urgentTerms\": [\"少了赠品\"],"
                    + " \"businessHours\": {\"pausedClocks\": [\"RESOLUTION\", \"PROGRESS_UPDATE\"],"
                    + " \"weekly\": {\"MONDAY\": [\"09:00-12:00\", \"13:30-18:00\"], \"SATURDAY\": [\"10:00-16:00\"]},"
                    + " \"holidays\": [\"2026-10-01\"], \"workdays\": [\"2026-10-11\"]},"
                    + " \"shifts\": [{\"name\": \"day\", \"from\": \"08:30\", \"to\": \"16:30\", \"agents\": [\"presales-zhang\"]},"
                    + " {\"name\": \"evening\", \"from\": \"16:00\", \"to\": \"24:00\", \"agents\": [\"presales-liu\"]}]}");
            assertEquals(200, ok.status(), ok.body());
            assertEquals("PT45S", ok.json().path("targets").path("FIRST_REPLY").path("elsewhere").asText());
            assertEquals("13:30-18:00", ok.json().path("businessHours").path("weekly").path("MONDAY").get(1).asText());
            assertEquals("2026-10-11", ok.json().path("businessHours").path("workdays").get(0).asText());
            assertEquals("24:00", ok.json().path("shifts").get(1).path("to").asText());
            assertEquals("presales-liu", ok.json().path("shifts").get(1).path("agents").get(0).asText());
            assertEquals(ok.json(), http.get("/merchants/demo/policy", "demo-manager-token").json());
            assertEquals(400, put(http, "demo", "demo-manager-token", "{\"businessHours\": {\"pausedClocks\": [\"RESOLUTION\"],"
                    + " \"weekly\": {\"MONDAY\": [\"18:00-09:00\"]}, \"holidays\": [\"2026-13-01\"]}}").status());
            assertEquals(ok.json(), http.get("/merchants/demo/policy", "demo-manager-token").json(), "a refused PUT changes nothing");
            assertEquals(403, put(http, "demo", "other-manager-token", "{}").status());
            assertEquals(401, put(http, "demo", "nope", "{}").status());

            // the change is version 1, in force from now; version 0 (the configured policy) stays in the history
            assertEquals(0, defaults.path("version").asInt());
            assertTrue(defaults.path("effectiveFrom").isNull(), defaults.toString());
            assertEquals(1, ok.json().path("version").asInt());
            JsonNode versions = http.get("/merchants/demo/policy/versions", "demo-manager-token").json().path("versions");
            assertEquals(2, versions.size(), versions.toString());
            assertEquals(defaults, versions.get(0));
            assertEquals(ok.json(), versions.get(1));

            // the ingest function caches policies for at most 10 s; this merchant was never read before. A message
            // written now is judged by version 1: the merchant's own urgency term makes it urgent (30 s)
            String nowLocal = Instant.now()
                    .atOffset(ZoneOffset.ofHours(8)).toString();
            Http.Answer posted = http.postSigned("demo", "demo-webhook-secret", "{\"events\":[{\"eventId\":\"pol-1\","
                    + "\"type\":\"customer.message\",\"conversationId\":\"pol-chat\",\"channel\":\"CS_CHAT\","
                    + "\"customerId\":\"b\",\"text\":\"赠品呢？少了赠品\",\"occurredAt\":\"" + nowLocal + "\"}]}");
            assertEquals(200, posted.status(), posted.body());
            JsonNode clock = http.get("/merchants/demo/conversations/pol-chat", "demo-manager-token").json().path("clocks").get(0);
            assertEquals(30.0, clock.path("targetSeconds").asDouble(), "the merchant's own urgency term made it urgent (30 s)");
            assertTrue(clock.path("urgent").asBoolean());
            assertEquals(1, clock.path("policyVersion").asInt());
            // back-filled history is judged by the policy of its own time (version 0): the same words, not urgent, 60 s
            Http.Answer old = http.postSigned("demo", "demo-webhook-secret", "{\"events\":[{\"eventId\":\"pol-2\","
                    + "\"type\":\"customer.message\",\"conversationId\":\"pol-old\",\"channel\":\"CS_CHAT\","
                    + "\"customerId\":\"b\",\"text\":\"赠品呢？少了赠品\",\"occurredAt\":\"2026-10-05T10:00:00+08:00\"}]}");
            assertEquals(200, old.status(), old.body());
            JsonNode backfilled = http.get("/merchants/demo/conversations/pol-old", "demo-manager-token").json().path("clocks").get(0);
            assertEquals(60.0, backfilled.path("targetSeconds").asDouble(), backfilled.toString());
            assertEquals(0, backfilled.path("policyVersion").asInt());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
