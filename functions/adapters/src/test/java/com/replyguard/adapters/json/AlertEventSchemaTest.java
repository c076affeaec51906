package com.replyguard.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replyguard.alert.Alert;
import com.replyguard.alert.AlertEvent;
import com.replyguard.alert.AlertPlan;
import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.KpiReport;
import com.replyguard.assessment.MetricFigure;
import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaClock;
import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.ConversationId;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.merchant.MerchantId;
import com.replyguard.testing.Policies;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/events.md: every alert the code publishes validates against its versioned schema file, and
 * every field of the version-1 samples is still published with the same type (no field removed or
 * retyped without a new schema version).
 */
class AlertEventSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = ProjectLayout.root().resolve("docs/events");

    private static List<AlertEvent> everyKind() {
        Instant start = Instant.parse("2026-10-03T12:15:00Z");
        SlaClock clock = new SlaClock(ClockType.FIRST_REPLY, "FIRST_REPLY", Channel.CS_CHAT, true, start, "m1",
                start.plusSeconds(30), null, null, null);
        SlaPolicy fourLevels = Policies.withLadder(SlaPolicy.DEFAULT, 0.8, List.of(Duration.ZERO,
                Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10)));
        List<AlertEvent> events = new ArrayList<>();
        for (Alert a : AlertPlan.of(List.of(clock), fourLevels).all()) {
            events.add(AlertEvent.of(new MerchantId("demo"), new ConversationId("chat-042"), a, a.dueAt().plusMillis(8),
                    "presales-zhang"));
        }
        return events;
    }

    private static JsonNode read(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyPublishedAlert_validatesAgainstItsSchema() {
        List<AlertEvent> events = everyKind();
        assertEquals(List.of("SlaAtRisk", "SlaBreached", "SlaEscalated", "SlaEscalated", "SlaEscalated"),
                events.stream().map(AlertEvent::detailType).toList());
        for (AlertEvent e : events) {
            JsonNode detail = JSON.valueToTree(AlertEventJson.detail(e));
            List<String> problems = validate(read(EVENTS.resolve(e.detailType() + ".v1.schema.json")), detail);
            assertTrue(problems.isEmpty(), e.detailType() + " L" + e.alert().level() + ": " + problems);
        }
    }

    @Test
    void samples_validate_andEveryOneOfTheirFieldsIsStillPublishedWithItsType() {
        for (String type : List.of("SlaAtRisk", "SlaBreached", "SlaEscalated")) {
            JsonNode sample = read(EVENTS.resolve("samples/" + type + ".v1.json"));
            assertEquals(type, sample.path("detail-type").asText());
            assertTrue(validate(read(EVENTS.resolve(type + ".v1.schema.json")), sample.path("detail")).isEmpty(), type);
            AlertEvent produced = everyKind().stream().filter(e -> e.detailType().equals(type)).findFirst().orElseThrow();
            JsonNode now = JSON.valueToTree(AlertEventJson.detail(produced));
            for (Iterator<Map.Entry<String, JsonNode>> it = sample.path("detail").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                assertTrue(now.has(f.getKey()), type + " no longer publishes '" + f.getKey() + "'");
                assertEquals(f.getValue().getNodeType(), now.get(f.getKey()).getNodeType(), type + "." + f.getKey());
            }
        }
    }

    @Test
    void cycleClosed_validatesAgainstItsSchema_andKeepsEverySampleField() {
        var cycle = Cycle.parse("2026-10-H1").orElseThrow();
        var report = new KpiReport(new MerchantId("demo"), cycle, Instant.parse("2026-10-15T16:30:00Z"),
                new MetricFigure(2, 3, 0.85), new MetricFigure(2, 3, 0.8),
                new MetricFigure(0, 0, 0.8));
        JsonNode detail = JSON.valueToTree(CycleClosedJson.detail(report, 1));
        JsonNode schema = read(EVENTS.resolve("CycleClosed.v1.schema.json"));
        assertTrue(validate(schema, detail).isEmpty(), validate(schema, detail).toString());
        assertEquals("cycle-closed:demo:2026-10-H1", detail.path("eventId").asText(), "the close keeps the id it always had");
        JsonNode revised = JSON.valueToTree(CycleClosedJson.detail(report, 2));
        assertTrue(validate(schema, revised).isEmpty(), validate(schema, revised).toString());
        assertEquals("cycle-closed:demo:2026-10-H1:r2", revised.path("eventId").asText(), "a re-close is a new event");
        assertEquals(2, revised.path("revision").asInt());
        assertEquals(false, detail.path("passing").asBoolean(), "2/3 first replies bar the merchant (R16)");
        assertTrue(detail.path("metrics").path("satisfaction").path("passing").isNull(), "nothing rated: no verdict");
        assertEquals("2026-10-16T00:30:00+08:00", detail.path("closedAt").asText());
        JsonNode sample = read(EVENTS.resolve("samples/CycleClosed.v1.json"));
        assertEquals("CycleClosed", sample.path("detail-type").asText());
        assertTrue(validate(schema, sample.path("detail")).isEmpty());
        sample.path("detail").fieldNames().forEachRemaining(f -> assertTrue(detail.has(f), "no longer publishes " + f));
    }

    @Test
    void validator_catchesWhatItMust() {
        JsonNode schema = read(EVENTS.resolve("SlaBreached.v1.schema.json"));
        JsonNode ok = read(EVENTS.resolve("samples/SlaBreached.v1.json")).path("detail");
        ObjectNode bad = ok.deepCopy();
        bad.remove("deadline");
        bad.put("level", "1");
        bad.put("clock", "LUNCH_BREAK");
        List<String> problems = validate(schema, bad);
        assertEquals(3, problems.size(), problems.toString());
    }

    /** The subset of JSON Schema the event schemas use: required, type, const, enum, pattern. */
    static List<String> validate(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        for (JsonNode r : schema.path("required")) {
            if (!value.has(r.asText())) {
                problems.add("missing " + r.asText());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode v = value.get(p.getKey());
            if (v == null) {
                continue;
            }
            JsonNode s = p.getValue();
            String type = s.path("type").asText();
            boolean typeOk = switch (type) {
                case "string" -> v.isTextual();
                case "integer" -> v.isIntegralNumber();
                case "number" -> v.isNumber();
                case "boolean" -> v.isBoolean();
                default -> true;
            };
            if (!typeOk) {
                problems.add(p.getKey() + " is not " + type);
                continue;
            }
            if (s.has("const") && !s.get("const").equals(v)) {
                problems.add(p.getKey() + " must be " + s.get("const"));
            }
            if (s.has("enum")) {
                boolean found = false;
                for (JsonNode option : s.get("enum")) {
                    found |= option.equals(v);
                }
                if (!found) {
                    problems.add(p.getKey() + " is not one of " + s.get("enum"));
                }
            }
            if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(v.asText()).find()) {
                problems.add(p.getKey() + " does not match " + s.get("pattern").asText());
            }
        }
        return problems;
    }
}
