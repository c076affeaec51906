package com.replyguard.managerapi;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.breach.Breach;
import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaClock;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.Manager;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.Managers;
import com.replyguard.testing.MutableClock;
import com.replyguard.usecase.ListBreaches;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CSV that Excel users can use (docs/decisions/0010): China-time date cells, rounded fractions,
 * Chinese headers and names on request, the whole range of breaches in one file up to its bound, the
 * JSON's columns from the same rows, file names that say what they hold.
 */
class CsvForExcelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FIRST = at("2026-10-03T10:01:00");
    private final MutableClock clock = new MutableClock(at("2026-10-20T09:00:00"));
    private final InMemoryBreachStore breaches = new InMemoryBreachStore();
    private final TestAlerting fakes = new TestAlerting(new InMemoryConversationStore(), clock);
    private final ManagerApiHandler handler = fakes.handler(
            Map.of("sup", Managers.supervisor(DEMO), "lead", new Manager(DEMO, Manager.Role.TEAM_LEAD, Set.of("zhang"))),
            id -> id.equals(DEMO) ? Optional.of(DEMO_MERCHANT) : Optional.empty(), new InMemoryConversationStore(), breaches, clock);

    {
        // the agents the breaches below are held against, known to the merchant as if their events had named them
        fakes.agents.record(DEMO, List.of("zhang", "客服王", "a\"b/../c"));
    }

    /** Breaches a minute apart from 3 October 10:01, every third answered late by zhang, every fifth excused. */
    private List<Breach> record(int n, String reason) {
        List<Breach> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant deadline = FIRST.plusSeconds(60L * i);
            boolean answered = i % 3 == 0;
            SlaClock c = new SlaClock(ClockType.FIRST_REPLY, "FIRST_REPLY", Channel.CS_CHAT, false, deadline.minusSeconds(60), "m" + i,
                    deadline, answered ? deadline.plusMillis(30_500) : null, answered ? "a" + i : null, answered ? "zhang" : null, 1);
            Breach b = Breach.of(DEMO, new ConversationId("chat-" + i), c, deadline.plusMillis(412), "zhang");
            breaches.record(b, 1);
            if (i % 5 == 0) {
                breaches.excuse(DEMO, b.breachId(), new Breach.Excuse(reason, "manager-token:1f2e3d4c5b6a", deadline.plusSeconds(3600)));
            }
            all.add(b);
        }
        return all;
    }

    private APIGatewayV2HTTPResponse get(String route, Map<String, String> query, Map<String, String> path, boolean csv) {
        Map<String, String> headers = new HashMap<>(Map.of("authorization", "Bearer sup"));
        if (csv) {
            headers.put("accept", "text/csv");
        }
        Map<String, String> p = new HashMap<>(path);
        p.put("merchantId", "demo");
        return handler.handleRequest(APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /merchants/{merchantId}" + route)
                .withHeaders(headers).withQueryStringParameters(query).withPathParameters(p).build(), null);
    }

    private static List<List<String>> rows(String csv) {
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark for Excel");
        List<List<String>> rows = new ArrayList<>();
        for (String line : csv.substring(1).split("\r\n")) {
            rows.add(cells(line));
        }
        return rows;
    }

    /** RFC 4180 cells of one line (no line breaks inside cells here). */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void theBreachExport_holdsEveryBreachOfTheRange_inOneFile_namedForIt() {
        record(2_345, "系统故障, 客服工具\"卡死\"");
        APIGatewayV2HTTPResponse r = get("/breaches", Map.of("from", "2026-10-01T00:00:00+08:00", "to", "2026-10-16T00:00:00+08:00"),
                Map.of(), true);
        assertEquals(200, r.getStatusCode(), r.getBody());
        List<List<String>> rows = rows(r.getBody());
        assertEquals(2_345 + 1, rows.size(), "every breach of the range, not the first page of " + ListBreaches.DEFAULT_LIMIT);
        assertFalse(r.getHeaders().containsKey("X-Next-Token"), "nothing left for another page");
        assertEquals("attachment; filename=\"breaches-demo-2026-10-01_2026-10-16.csv\"", r.getHeaders().get("Content-Disposition"));
        assertEquals(List.of("breachId", "conversationId", "clock", "deadline", "detectedAt", "clockStart", "targetSeconds", "channel",
                "urgent", "answeredAt", "answeringAgentId", "responsibleAgentId", "policyVersion", "excusedAt", "excusedBy",
                "excuseReason"), rows.get(0));
        assertEquals(List.of("chat-0", "FIRST_REPLY", "2026-10-03 10:01:00", "2026-10-03 10:01:00", "2026-10-03 10:00:00", "60.0",
                "CS_CHAT", "false", "2026-10-03 10:01:30", "zhang", "zhang", "1", "2026-10-03 11:01:00", "manager-token:1f2e3d4c5b6a",
                "系统故障, 客服工具\"卡死\""), rows.get(1).subList(1, 16), "Excel date cells in China time, to the second");
        assertEquals("2026-10-05 01:05:00", rows.get(2_345).get(3), "the last breach, by deadline");
        APIGatewayV2HTTPResponse since = get("/breaches", Map.of("from", "2026-10-04T00:00:00+08:00"), Map.of(), true);
        assertTrue(since.getHeaders().get("Content-Disposition").contains("breaches-demo-since-2026-10-04.csv"));
        assertEquals(2_345 - 839 + 1, rows(since.getBody()).size(), "the breaches due from 4 October 00:00 on");
    }

    @Test
    void eachCsvColumn_isAJsonField_ofTheSameRow() throws Exception {
        record(40, "客服系统故障");
        JsonNode page = JSON.readTree(get("/breaches", Map.of("limit", "1000"), Map.of(), false).getBody()).path("breaches");
        List<List<String>> rows = rows(get("/breaches", Map.of(), Map.of(), true).getBody());
        assertEquals(page.size() + 1, rows.size());
        Map<String, String> pointers = Map.of("excusedAt", "/excuse/at", "excusedBy", "/excuse/by", "excuseReason", "/excuse/reason");
        for (int i = 0; i < page.size(); i++) {
            JsonNode item = page.get(i);
            List<String> leaves = new ArrayList<>();
            leaves(item, "", leaves);
            for (int c = 0; c < rows.get(0).size(); c++) {
                String column = rows.get(0).get(c);
                String pointer = pointers.getOrDefault(column, "/" + column);
                leaves.remove(pointer);
                JsonNode v = item.at(pointer);
                String expected = v.isMissingNode() || v.isNull() ? "" : v.isTextual() && v.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*")
                        ? v.asText().substring(0, 10) + " " + v.asText().substring(11, 19) : v.asText();
                assertEquals(expected, rows.get(i + 1).get(c), column + " of " + item);
            }
            assertEquals(List.of(), leaves, "every field of the JSON item has its column");
        }
    }

    private static void leaves(JsonNode n, String at, List<String> out) {
        if (!n.isObject()) {
            out.add(at);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            leaves(e.getValue(), at + "/" + e.getKey(), out);
        }
    }

    @Test
    void inChinese_theHeadersAndTheNamesOfCodesAreTheConsoles_andABadLanguageIsRefused() throws Exception {
        record(2, "系统故障");
        List<List<String>> rows = rows(get("/breaches", Map.of("lang", "zh"), Map.of(), true).getBody());
        assertEquals(List.of("超时编号", "会话", "时效", "截止时间"), rows.get(0).subList(0, 4));
        assertEquals("首次回复", rows.get(1).get(2));
        assertEquals("客服会话", rows.get(1).get(7));
        assertEquals("chat-0", rows.get(1).get(1), "ids stay as they are");
        List<List<String>> discipline = rows(get("/agents/{agentId}/scorecard", Map.of("cycle", "2026-10-H1", "lang", "zh"),
                Map.of("agentId", "zhang"), true).getBody());
        assertEquals("纪律等级", discipline.get(0).get(11));
        assertEquals("警告", discipline.get(1).get(11), "one timeout: WARNING, as the console says it");
        APIGatewayV2HTTPResponse bad = get("/breaches", Map.of("lang", "fr"), Map.of(), true);
        assertEquals(400, bad.getStatusCode());
        assertEquals("lang", JSON.readTree(bad.getBody()).path("details").get(0).path("field").asText());
        assertTrue(bad.getBody().contains("en or zh"), bad.getBody());
    }

    @Test
    void aRangeBeyondTheBound_isRefused_withWhatToDo() throws Exception {
        record(ListBreaches.EXPORT_LIMIT + 1, "outage");
        APIGatewayV2HTTPResponse r = get("/breaches", Map.of(), Map.of(), true);
        assertEquals(400, r.getStatusCode());
        JsonNode problem = JSON.readTree(r.getBody()).path("details").get(0);
        assertEquals("from", problem.path("field").asText());
        assertTrue(problem.path("message").asText().contains("more than " + ListBreaches.EXPORT_LIMIT + " breaches"), problem.toString());
        assertTrue(problem.path("message").asText().contains("narrow it with from and to"), problem.toString());
        assertEquals(200, get("/breaches", Map.of("limit", "1000"), Map.of(), true).getStatusCode(), "a page still answers");
    }

    @Test
    void aFileBeyondTheLambdasAnswerLimit_isRefused_beforeItIsSent() throws Exception {
        // every fifth breach excused with the longest reason, in Chinese: 1,500 UTF-8 bytes (3,000 escaped) a row
        record(10_000, "系".repeat(500));
        APIGatewayV2HTTPResponse r = get("/breaches", Map.of(), Map.of(), true);
        assertEquals(400, r.getStatusCode(), "2,000 rows of 3 kB and 8,000 plain ones would pass " + Csv.MAX_BYTES + " bytes");
        assertTrue(JSON.readTree(r.getBody()).path("details").get(0).path("message").asText().contains("bytes of CSV"), r.getBody());
    }

    @Test
    void aBreachRow_weighsWhatTheBoundAssumes() {
        List<Breach> sample = record(ListBreaches.MAX_LIMIT, "系统故障，消息延迟送达");
        String csv = get("/breaches", Map.of(), Map.of(), true).getBody();
        long utf8 = csv.getBytes(StandardCharsets.UTF_8).length;
        long envelope = Csv.envelopeBytes(csv, 0);
        double perRow = (double) envelope / sample.size();
        System.out.printf("breach CSV: %d rows, %d bytes UTF-8, %d in the JSON envelope at worst: %.0f bytes a row;"
                + " %d rows ≈ %.1f MB of the %d-byte bound%n", sample.size(), utf8, envelope, perRow, ListBreaches.EXPORT_LIMIT,
                perRow * ListBreaches.EXPORT_LIMIT / 1e6, Csv.MAX_BYTES);
        assertTrue(perRow * ListBreaches.EXPORT_LIMIT < Csv.MAX_BYTES, "a full export of such rows fits: " + perRow);
    }

    @Test
    void theDisciplineFile_namesItsAgent_andANameBeyondAsciiTravelsAsUtf8() {
        record(1, "outage");
        APIGatewayV2HTTPResponse r = get("/agents/{agentId}/discipline", Map.of("cycle", "2026-10-H1"), Map.of("agentId", "zhang"), true);
        assertEquals("attachment; filename=\"discipline-demo-zhang-2026-10-H1.csv\"", r.getHeaders().get("Content-Disposition"));
        APIGatewayV2HTTPResponse wang = get("/agents/{agentId}/discipline", Map.of("cycle", "2026-10-H1"), Map.of("agentId", "客服王"), true);
        assertEquals("attachment; filename=\"discipline-demo-___-2026-10-H1.csv\"; filename*=UTF-8''discipline-demo-"
                + "%E5%AE%A2%E6%9C%8D%E7%8E%8B-2026-10-H1.csv", wang.getHeaders().get("Content-Disposition"));
        APIGatewayV2HTTPResponse odd = get("/agents/{agentId}/scorecard", Map.of("cycle", "2026-10-H1"), Map.of("agentId", "a\"b/../c"), true);
        assertEquals("attachment; filename=\"scorecard-demo-a_b_.._c-2026-10-H1.csv\"", odd.getHeaders().get("Content-Disposition"));
    }

    @Test
    void cells_roundFractions_andWriteInstantsAsChinaTime() {
        assertEquals("0.92", Sheet.NUMBER.show(0.9200000000000002, Lang.EN));
        assertEquals("166.6667", Sheet.NUMBER.show(166.66666666666666, Lang.EN));
        assertEquals("0.8333", Sheet.NUMBER.show(5 / 6.0, Lang.EN));
        assertEquals("1.0", Sheet.NUMBER.show(1.0, Lang.EN));
        assertEquals("0.0", Sheet.NUMBER.show(0.00001, Lang.EN));
        assertEquals("12", Sheet.NUMBER.show(12L, Lang.EN));
        assertEquals("2026-10-03 10:01:00", Sheet.INSTANT.show(Instant.parse("2026-10-03T02:01:00.999Z"), Lang.EN));
        assertEquals("2026-10-04 00:30:00", Sheet.INSTANT.show("2026-10-03T16:30:00Z", Lang.EN), "the day changes at China's midnight");
        assertEquals("全部", Sheet.code(ChineseNames.CHANNELS).show(Sheet.ALL, Lang.ZH));
        assertEquals("ALL", Sheet.code(ChineseNames.CHANNELS).show(Sheet.ALL, Lang.EN));
        assertEquals("渠道:客服会话", new Sheet.GroupKey("channel", "CS_CHAT", true).show(Lang.ZH));
        assertEquals("客服会话/物流延迟", new Sheet.GroupKey("channelCategory", "CS_CHAT/LOGISTICS_LATE", false).show(Lang.ZH));
    }
}
