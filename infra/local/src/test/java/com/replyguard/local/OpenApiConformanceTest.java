package com.replyguard.local;

import static com.replyguard.local.Http.batch;
import static com.replyguard.local.Http.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.adapters.doudian.DoudianPush;
import com.replyguard.adapters.dynamodb.DynamoDbNotificationSettings;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.notify.ChannelKind;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every route of docs/openapi.yaml driven on the local runner with real data - a merchant's day of
 * chats, a live-room handoff, platform pushes, reports, excuses, classifications, policy changes,
 * a deletion, notification settings with test messages to robots on a local inbox, a live alert
 * acknowledged - with good and bad requests, each answer held to its operation's schema by
 * {@link Http} (JSON) or to its documented header row (CSV). At the end every documented operation
 * must have had a 2xx and a 4xx answer checked, and a CSV answer where it documents one, so a
 * route nobody drives cannot pass unchecked. Good request bodies are held to the request schemas.
 */
class OpenApiConformanceTest {
    private static final String TOKEN = "demo-manager-token";
    private static final String SECRET = "demo-webhook-secret";
    private static final OpenApiContract DOCUMENT = OpenApiContract.repository();
    /** The platforms' captured pushes, beside the adapters' tests. */
    private static final Path FIXTURES = ProjectLayout.root().resolve("functions/adapters/src/test/resources");

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    /** Statuses and media types seen per documented route. */
    private final Map<String, Set<String>> seen = new TreeMap<>();
    private Http http;
    /** Robots on 127.0.0.1 that check each message as their vendor does (the local runner lets channels point there). */
    private RobotInbox robots;
    /** When the demo's notification settings last changed (the notifier reads them through a cache). */
    private Instant settingsChanged;

    private Http.Answer call(String method, String path, String token, String contentType, String accept, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return record(method, path, body, http.send(b.build()));
    }

    private Http.Answer get(String path) {
        return call("GET", path, TOKEN, null, null, null);
    }

    private Http.Answer csv(String path) {
        Http.Answer a = call("GET", path, TOKEN, null, "text/csv", null);
        assertEquals(200, a.status(), a.body());
        assertTrue(a.header("Content-Type").orElse("").startsWith("text/csv"), path);
        return a;
    }

    private Http.Answer json(String method, String path, String token, String body) {
        return call(method, path, token, "application/json", null, body);
    }

    private Http.Answer record(String method, String path, String requestBody, Http.Answer a) {
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        DOCUMENT.operation(method, rawPath).ifPresent(op -> {
            String media = a.header("Content-Type").orElse("").startsWith("text/csv") ? " csv" : "";
            seen.computeIfAbsent(op.route(), k -> new TreeSet<>()).add(a.status() / 100 + "xx" + media);
            if (a.status() / 100 == 2 && requestBody != null && !op.route().startsWith("POST /webhooks/")) {
                OpenApiContract.assertConforms(DOCUMENT.requestProblems(method, rawPath, requestBody));
            }
        });
        return a;
    }

    private Http.Answer webhook(String body) {
        Http.Answer a = http.postSigned("demo", SECRET, body);
        return record("POST", "/webhooks/demo/events", body, a);
    }

    private static byte[] fixture(String platform, String name) throws Exception {
        return Files.readAllBytes(FIXTURES.resolve(platform).resolve(name));
    }

    private static void status(int expected, Http.Answer a) {
        assertEquals(expected, a.status(), a.body());
    }

    @Test
    void everyDocumentedRoute_answersAsDocumented_forGoodAndBadRequests() throws Exception {
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null,
                ProjectLayout.root().resolve("infra/local/merchants.json"), ProjectLayout.template()));
                RobotInbox inbox = RobotInbox.start(null)) {
            http = new Http(system.url());
            robots = inbox;
            webhooks();
            notifications();
            platformPushes();
            reports();
            breachesAndExcuses();
            conversationsAndCases();
            agents();
            policy();
            console();
            customers();
            alerts();
        }
        List<String> unchecked = new ArrayList<>();
        for (OpenApiContract.Operation op : DOCUMENT.operations()) {
            Set<String> s = seen.getOrDefault(op.route(), Set.of());
            if (s.stream().noneMatch(x -> x.startsWith("2xx"))) {
                unchecked.add(op.route() + ": no 2xx answer checked");
            }
            if (s.stream().noneMatch(x -> x.startsWith("4xx"))) {
                unchecked.add(op.route() + ": no 4xx answer checked");
            }
            boolean documentsCsv = op.node().path("responses").path("200").path("content").has("text/csv");
            if (documentsCsv && !s.contains("2xx csv")) {
                unchecked.add(op.route() + ": its CSV answer was not checked");
            }
        }
        assertEquals(List.of(), unchecked, "seen: " + seen);
    }

    /** A day of the demo merchant: chats answered on time and late, a bot, a transfer, a live-room handoff, a held conversation. */
    private void webhooks() {
        List<String> events = new ArrayList<>(List.of(
                event("oa-1", "customer.message", "oa-chat", "2026-10-09T10:00:00",
                        "\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-oa\",\"text\":\"快递一直没到，能帮我查一下吗\""),
                event("oa-2", "agent.message", "oa-chat", "2026-10-09T10:00:05", "\"agentId\":\"bot\",\"auto\":true"),
                event("oa-3", "conversation.transferred", "oa-chat", "2026-10-09T10:00:10", ""),
                event("oa-4", "agent.message", "oa-chat", "2026-10-09T10:00:40",
                        "\"agentId\":\"presales-zhang\",\"agentRole\":\"PRESALES\""),
                event("oa-5", "customer.message", "oa-chat", "2026-10-09T10:01:00", "\"customerId\":\"buyer-oa\""),
                event("oa-6", "agent.message", "oa-chat", "2026-10-09T10:05:00", "\"agentId\":\"presales-zhang\""),
                event("oa-7", "conversation.resolved", "oa-chat", "2026-10-09T10:06:00", "\"agentId\":\"presales-zhang\""),
                event("oa-8", "conversation.rated", "oa-chat", "2026-10-09T10:07:00", "\"rating\":5"),
                event("oa-9", "conversation.closed", "oa-chat", "2026-10-09T10:08:00", ""),
                event("oa-l1", "customer.message", "oa-live", "2026-10-09T20:00:00",
                        "\"channel\":\"LIVE_COMMENT\",\"customerId\":\"viewer-1\",\"complexity\":\"COMPLEX\",\"urgent\":true"),
                event("oa-l2", "conversation.handoff", "oa-live", "2026-10-09T20:00:20", "\"agentId\":\"host-li\",\"agentRole\":\"HOST\""),
                event("oa-h1", "agent.message", "oa-held", "2026-10-09T11:00:00", "\"agentId\":\"presales-li\""),
                event("oa-e1", "customer.message", "oa-esc", "2026-10-09T12:00:00",
                        "\"channel\":\"DIRECT_MESSAGE\",\"customerId\":\"buyer-2\",\"text\":\"客服回复太慢了\""),
                event("oa-e2", "agent.message", "oa-esc", "2026-10-09T12:00:30", "\"agentId\":\"aftersales-wang\""),
                event("oa-e3", "conversation.escalated", "oa-esc", "2026-10-09T12:01:00", "\"agentId\":\"aftersales-wang\""),
                event("oa-e4", "conversation.classified", "oa-esc", "2026-10-09T12:02:00", "\"category\":\"SERVICE_SLOW_RESPONSE\""),
                event("oa-e5", "conversation.rated", "oa-esc", "2026-10-09T12:03:00", "\"rating\":2")));
        // enough quick first responses for presales-zhang to be ranked for the month's award (R21)
        for (int i = 0; i < 10; i++) {
            events.add(event("oa-lb-" + i + "a", "customer.message", "oa-lb-" + i, "2026-10-1" + (i % 5) + "T09:0" + i + ":00",
                    "\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-lb-" + i + "\""));
            events.add(event("oa-lb-" + i + "b", "agent.message", "oa-lb-" + i, "2026-10-1" + (i % 5) + "T09:0" + i + ":25",
                    "\"agentId\":\"presales-zhang\""));
            events.add(event("oa-lb-" + i + "c", "conversation.rated", "oa-lb-" + i, "2026-10-1" + (i % 5) + "T09:0" + i + ":50",
                    "\"rating\":" + (4 + i % 2)));
        }
        String day = batch(events.toArray(String[]::new));
        status(200, webhook(day));
        assertEquals(events.size(), webhook(day).json().path("duplicates").asInt(), "a redelivery is all duplicates");
        OpenApiContract.assertConforms(DOCUMENT.requestProblems("POST", "/webhooks/demo/events", day));

        status(400, webhook(batch(event("oa-x1", "agent.message", "oa-x", "2026-10-09T10:00:00", ""), "\"not an event\"")));
        byte[] any = batch(event("oa-x2", "conversation.closed", "oa-x", "2026-10-09T10:00:00", "")).getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis() / 1000;
        status(401, record("POST", "/webhooks/demo/events", null,
                http.postSigned("demo", "other-webhook-secret", any, now, "application/json")));
        status(401, record("POST", "/webhooks/nobody/events", null, http.postSigned("nobody", SECRET, any, now, "application/json")));
        byte[] big = ("{\"events\":[],\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        status(413, record("POST", "/webhooks/demo/events", null, http.postSigned("demo", SECRET, big, now, "application/json")));
        status(415, record("POST", "/webhooks/demo/events", null,
                http.postSigned("demo", SECRET, "hello".getBytes(StandardCharsets.UTF_8), now, "text/plain")));
    }

    private void platformPushes() throws Exception {
        String douyinSecret = "demo-douyin-client-secret";
        for (String name : List.of("verify_webhook.json", "im_receive_msg.json", "im_enter_direct_msg.json")) {
            byte[] body = fixture("douyin", name);
            status(200, record("POST", "/webhooks/demo/douyin", null,
                    http.postDouyin("demo", body, Http.douyinSignature(douyinSecret, body), "oa-" + name)));
        }
        byte[] message = fixture("douyin", "im_receive_msg.json");
        status(401, record("POST", "/webhooks/demo/douyin", null, http.postDouyin("demo", message, "0".repeat(40), "oa-m")));
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        status(415, record("POST", "/webhooks/demo/douyin", null,
                http.postDouyin("demo", notJson, Http.douyinSignature(douyinSecret, notJson), "oa-n")));

        String key = "demo-doudian-app-key";
        byte[] created = fixture("doudian", "order_paid_and_aftersale.json");
        Http.Answer stored = record("POST", "/webhooks/demo/doudian", null,
                http.postDoudian("demo", created, key, DoudianPush.sign(key, created, "demo-doudian-app-secret")));
        status(200, stored);
        assertEquals(1, stored.json().path("ignored").asInt());
        byte[] object = "{}".getBytes(StandardCharsets.UTF_8);
        status(400, record("POST", "/webhooks/demo/doudian", null,
                http.postDoudian("demo", object, key, DoudianPush.sign(key, object, "demo-doudian-app-secret"))));
        status(401, record("POST", "/webhooks/demo/doudian", null, http.postDoudian("demo", created, key, "0".repeat(32))));
        Http.Answer unknown = record("POST", "/webhooks/nobody/doudian", null, http.postDoudian("nobody", created, key, "0".repeat(32)));
        status(401, unknown);
        assertEquals("unknown merchant", unknown.json().path("error").asText(), "the contract's shape before the merchant is known");
    }

    private void reports() {
        Http.Answer kpis = record("GET", "/merchants/demo/kpis", null,
                http.kpisCountingAllWritesSoFar("/merchants/demo/kpis?cycle=2026-10-H1", TOKEN));
        status(200, kpis);
        status(200, get("/merchants/demo/kpis?cycle=2026-10-H1&groupBy=agent"));
        status(200, get("/merchants/demo/kpis"));
        csv("/merchants/demo/kpis?cycle=2026-10-H1");
        csv("/merchants/demo/kpis?cycle=2026-10-H1&groupBy=channel");
        status(400, get("/merchants/demo/kpis?groupBy=weekday"));
        status(401, call("GET", "/merchants/demo/kpis", null, null, null, null));
        status(401, call("GET", "/merchants/demo/kpis", "nobody-holds-this", null, null, null));
        status(403, call("GET", "/merchants/demo/kpis", "other-manager-token", null, null, null));

        status(200, get("/merchants/demo/operations?cycle=2026-10-H1"));
        status(200, get("/merchants/demo/operations?cycle=2026-10-H1&groupBy=channelCategory"));
        csv("/merchants/demo/operations?cycle=2026-10-H1");
        csv("/merchants/demo/operations?cycle=2026-10-H1&groupBy=agent");
        status(400, get("/merchants/demo/operations?groupBy=moon"));

        Http.Answer board = get("/merchants/demo/leaderboard?month=2026-10");
        status(200, board);
        assertEquals("presales-zhang", board.json().path("award").asText(), board.body());
        csv("/merchants/demo/leaderboard?month=2026-10");
        status(400, get("/merchants/demo/leaderboard?month=October"));

        Http.Answer afterSales = get("/merchants/demo/aftersales?cycle=2026-10-H1");
        status(200, afterSales);
        assertTrue(afterSales.json().path("cases").asInt() >= 1, afterSales.body());
        csv("/merchants/demo/aftersales?cycle=2026-10-H1");
        status(400, get("/merchants/demo/aftersales?cycle=2026-13-H1"));
        JsonNode report = afterSales.json();
        assertTrue(report.has("reopenRate") && report.has("resolutionRate") && report.has("reopened"), afterSales.body());

        // R26: each figure's case list, linked from the report; the rows add up to the figures
        Http.Answer all = get(report.path("caseList").asText());
        status(200, all);
        assertEquals(report.path("cases").asInt(), all.json().path("cases").size(), all.body());
        int resolved = 0;
        for (JsonNode row : all.json().path("cases")) {
            resolved += row.path("resolved").asBoolean() ? 1 : 0;
        }
        assertEquals(report.path("resolved").asInt(), resolved, "the report's resolved cases are the rows resolved");
        JsonNode category = report.path("categories").get(0);
        Http.Answer ofCategory = get(category.path("caseList").asText());
        status(200, ofCategory);
        assertEquals(category.path("cases").asInt(), ofCategory.json().path("cases").size(), ofCategory.body());
        Http.Answer firstCase = get("/merchants/demo/aftersales/cases?cycle=2026-10-H1&limit=1");
        status(200, firstCase);
        if (!firstCase.json().path("nextToken").isNull()) {
            status(200, get("/merchants/demo/aftersales/cases?cycle=2026-10-H1&limit=1&nextToken="
                    + firstCase.json().path("nextToken").asText()));
        }
        csv("/merchants/demo/aftersales/cases?cycle=2026-10-H1");
        Http.Answer badCases = get("/merchants/demo/aftersales/cases?cycle=2026-10-X&category=QUALITY&limit=0");
        status(400, badCases);
        assertEquals(Set.of("cycle", "category", "limit"), fields(badCases));
        Http.Answer forgedCases = get("/merchants/demo/aftersales/cases?cycle=2026-10-H1&nextToken=forged");
        status(400, forgedCases);
        assertEquals(Set.of("nextToken"), fields(forgedCases));

        // R28: the month beside the five before it
        Http.Answer quality = get("/merchants/demo/quality?month=2026-10");
        status(200, quality);
        assertEquals(5, quality.json().path("trend").size());
        assertTrue(quality.json().path("figures").path("conversations").asInt() >= 10, quality.body());
        status(200, get("/merchants/demo/quality"));
        Http.Answer qualitySheet = csv("/merchants/demo/quality?month=2026-10");
        assertEquals(7, qualitySheet.body().split("\r\n").length, "a header and six months");
        Http.Answer badMonth = get("/merchants/demo/quality?month=2026-13");
        status(400, badMonth);
        assertEquals(Set.of("month"), fields(badMonth));
    }

    private void breachesAndExcuses() {
        Http.Answer page = get("/merchants/demo/breaches?from=2026-10-09T00:00:00%2B08:00&to=2026-10-10T00:00:00%2B08:00&limit=1");
        status(200, page);
        String next = page.json().path("nextToken").asText();
        status(200, get("/merchants/demo/breaches?from=2026-10-09T00:00:00%2B08:00&to=2026-10-10T00:00:00%2B08:00&limit=1&nextToken="
                + next));
        Http.Answer sheet = csv("/merchants/demo/breaches?limit=1");
        assertTrue(sheet.header("X-Next-Token").isPresent(), "the CSV's next page");
        status(400, get("/merchants/demo/breaches?limit=0"));
        status(400, get("/merchants/demo/breaches?from=yesterday"));

        String breach = null;
        for (var b : get("/merchants/demo/breaches?limit=1000").json().path("breaches")) {
            if ("presales-zhang".equals(b.path("responsibleAgentId").asText(null))) {
                breach = b.path("breachId").asText();
            }
        }
        assertTrue(breach != null, "presales-zhang answered a round late");
        String excuse = "/merchants/demo/breaches/" + breach + "/excuse";
        status(403, json("POST", excuse, "demo-operations-token", "{\"reason\":\"系统故障\"}"));
        status(400, json("POST", excuse, TOKEN, "{}"));
        status(415, json("POST", excuse, TOKEN, "not json"));
        status(200, json("POST", excuse, TOKEN, "{\"reason\":\"系统故障，消息延迟送达\"}"));
        status(409, json("POST", excuse, TOKEN, "{\"reason\":\"again\"}"));
        status(404, json("POST", "/merchants/demo/breaches/b_000000000000000000000000/excuse", TOKEN, "{\"reason\":\"x\"}"));
    }

    private void conversationsAndCases() {
        status(200, get("/merchants/demo/conversations/oa-chat"));
        status(200, get("/merchants/demo/conversations/oa-live"));
        Http.Answer held = get("/merchants/demo/conversations/oa-held");
        status(200, held);
        assertTrue(held.json().path("channel").isNull(), "held until an event names its channel");
        assertTrue(held.json().path("held").asBoolean(), "the timeline says it waits for its channel");
        assertTrue(!get("/merchants/demo/conversations/oa-chat").json().path("held").asBoolean());
        Http.Answer heldList = get("/merchants/demo/held-conversations");
        status(200, heldList);
        boolean listed = false;
        for (JsonNode h : heldList.json().path("held")) {
            listed |= h.path("conversationId").asText().equals("oa-held");
        }
        assertTrue(listed, "held since 9 October, more than an hour: " + heldList.body());
        status(200, get("/merchants/demo/held-conversations?olderThan=PT0S&limit=5"));
        assertTrue(csv("/merchants/demo/held-conversations?lang=zh").body().contains("\r\ndemo,oa-held,"),
                "the CSV holds the same rows");
        Http.Answer badAge = get("/merchants/demo/held-conversations?olderThan=-PT1H&limit=0");
        status(400, badAge);
        assertEquals(Set.of("olderThan", "limit"), fields(badAge));
        status(200, get("/merchants/demo/conversations/dy:7301122334455"));
        // 抖音 and 抖店 conversations by the platform's own id
        Http.Answer byDouyinId = get("/merchants/demo/conversations/7301122334455");
        status(200, byDouyinId);
        assertEquals("dy:7301122334455", byDouyinId.json().path("conversationId").asText());
        Http.Answer byAfterSaleId = get("/merchants/demo/conversations/6987000000000000002");
        status(200, byAfterSaleId);
        assertEquals("aftersale:6987000000000000002", byAfterSaleId.json().path("conversationId").asText());
        status(404, get("/merchants/demo/conversations/nope"));
        status(400, get("/merchants/demo/conversations/" + "x".repeat(129)));
        status(403, call("GET", "/merchants/demo/conversations/oa-chat", "other-manager-token", null, null, null));

        String category = "/merchants/demo/conversations/oa-chat/category";
        status(200, json("PUT", category, TOKEN, "{\"category\":\"LOGISTICS_LATE\"}"));
        status(400, json("PUT", category, TOKEN, "{\"category\":\"LOST\"}"));
        status(415, json("PUT", category, TOKEN, "{"));
        status(404, json("PUT", "/merchants/demo/conversations/nope/category", TOKEN, "{\"category\":\"LOGISTICS_LATE\"}"));
    }

    private void agents() {
        String discipline = "/merchants/demo/agents/presales-zhang/discipline?cycle=2026-10-H1";
        status(200, get(discipline));
        Http.Answer sheet = csv(discipline);
        assertTrue(sheet.header("X-Discipline-Level").isPresent(), sheet.headers().toString());
        status(200, call("GET", discipline, "demo-teamlead-token", null, null, null));
        status(403, call("GET", "/merchants/demo/agents/aftersales-wang/discipline", "demo-teamlead-token", null, null, null));
        status(400, get("/merchants/demo/agents/presales-zhang/discipline?cycle=soon"));
        Http.Answer blank = get("/merchants/demo/agents/%20/discipline");
        status(400, blank);
        assertEquals(Set.of("agentId"), fields(blank));
        Http.Answer nobody = get("/merchants/demo/agents/presales-nobody/discipline");
        status(404, nobody);
        assertTrue(nobody.json().path("error").asText().contains("'presales-nobody'"), nobody.body());
        status(404, get("/merchants/demo/agents/presales-nobody/scorecard"));
        status(400, get("/merchants/demo/agents/%20/scorecard"));

        String scorecard = "/merchants/demo/agents/presales-zhang/scorecard?cycle=2026-10-H1";
        Http.Answer card = get(scorecard);
        status(200, card);
        assertTrue(card.json().path("firstResponses").asInt() >= 10, card.body());
        csv(scorecard);
        status(400, get("/merchants/demo/agents/presales-zhang/scorecard?cycle=2026-10"));
    }

    private void policy() {
        status(200, get("/merchants/demo/policy"));
        status(403, call("GET", "/merchants/demo/policy", "other-manager-token", null, null, null));
        String change = "{\"targets\":{\"FIRST_REPLY\":{\"liveRoom\":\"PT20S\",\"elsewhere\":45}},"
                + "\"escalationDelays\":[\"PT0S\",\"PT1M\",\"PT3M\"],\"urgentTerms\":[\"少了赠品\"],"
                + "\"businessHours\":{\"pausedClocks\":[\"RESOLUTION\"],\"weekly\":{\"MONDAY\":[\"09:00-12:00\",\"13:30-18:00\"],"
                + "\"SATURDAY\":[\"10:00-24:00\"]},\"holidays\":[\"2026-10-01\"],\"workdays\":[\"2026-10-10\"],\"workdayTemplate\":\"MONDAY\"},"
                + "\"shifts\":[{\"name\":\"day\",\"from\":\"08:30\",\"to\":\"16:30\",\"agents\":[\"presales-zhang\"]},"
                + "{\"name\":\"late\",\"from\":\"16:00\",\"to\":\"24:00\",\"agents\":[\"presales-li\"]}]}";
        status(403, json("PUT", "/merchants/demo/policy", "demo-teamlead-token", change));
        status(400, json("PUT", "/merchants/demo/policy", TOKEN, "{\"targets\":{\"FIRST_REPLY\":{\"elsewhere\":\"soon\"}}}"));
        status(415, call("PUT", "/merchants/demo/policy", TOKEN, "text/plain", null, change));
        Http.Answer changed = json("PUT", "/merchants/demo/policy", TOKEN, change);
        status(200, changed);
        assertEquals("PT45S", changed.json().path("targets").path("FIRST_REPLY").path("elsewhere").asText());
        assertEquals("24:00", changed.json().path("shifts").get(1).path("to").asText());
        status(200, get("/merchants/demo/policy"));
        Http.Answer versions = get("/merchants/demo/policy/versions");
        status(200, versions);
        assertEquals(2, versions.json().path("versions").size(), versions.body());
        status(403, call("GET", "/merchants/demo/policy/versions", "other-manager-token", null, null, null));
    }

    /** What the console reads: the caller and the live queue (the day's clocks are long past: an empty page is fine). */
    private void console() {
        Http.Answer me = call("GET", "/merchants/demo/me", "demo-teamlead-token", null, null, null);
        status(200, me);
        assertEquals("TEAM_LEAD", me.json().path("role").asText());
        status(403, call("GET", "/merchants/demo/me", "other-manager-token", null, null, null));
        status(200, get("/merchants/demo/queue?limit=5"));
        csv("/merchants/demo/queue?channel=LIVE_COMMENT");
        Http.Answer bad = get("/merchants/demo/queue?channel=RADIO&limit=0");
        status(400, bad);
        assertEquals(2, bad.json().path("details").size(), bad.body());
    }

    private void customers() {
        status(403, call("DELETE", "/merchants/demo/customers/buyer-oa?idType=platform", "demo-teamlead-token", null, null, null));
        status(400, call("DELETE", "/merchants/demo/customers/buyer-oa", TOKEN, null, null, null));
        Http.Answer forgotten = call("DELETE", "/merchants/demo/customers/buyer-oa?idType=platform", TOKEN, null, null, null);
        status(200, forgotten);
        assertEquals(1, forgotten.json().path("conversationsUnlinked").asInt(), forgotten.body());
        status(200, call("DELETE", "/merchants/demo/customers/" + forgotten.json().path("customer").asText(), TOKEN, null, null, null));
    }

    private static Set<String> fields(Http.Answer a) {
        Set<String> fields = new TreeSet<>();
        a.json().path("details").forEach(d -> fields.add(d.path("field").asText()));
        return fields;
    }

    /**
     * Where the demo's alerts go: read before anything is set, refused for the wrong role, shape or
     * address (changing nothing), stored with every credential masked, sent back masked (keeping
     * them), then test messages: a signed robot accepts one, a channel's budget answers 429.
     */
    private void notifications() throws Exception {
        String path = "/merchants/demo/notifications";
        Http.Answer none = get(path);
        status(200, none);
        assertEquals(Http.JSON.readTree("{\"language\":\"zh-CN\",\"consoleUrl\":null,\"channels\":[],\"routes\":[],\"people\":{}}"),
                none.json());
        status(403, call("GET", path, "other-manager-token", null, null, null));

        RobotInbox.Robot leads = RobotInbox.Robot.of("oa-leads", ChannelKind.DINGTALK, "SECoa-leads-signing");
        RobotInbox.Robot floor = RobotInbox.Robot.of("oa-floor", ChannelKind.WECOM, null);
        String settings = """
                {"language": "zh-CN", "consoleUrl": "https://console.shop.example.com",
                 "channels": [{"id": "leads", "kind": "dingtalk", "url": "%s", "secret": "SECoa-leads-signing"},
                              {"id": "floor", "kind": "wecom", "url": "%s", "perMinute": 3}],
                 "routes": [{"alerts": ["SlaAtRisk", "SlaBreached", "SlaEscalated"], "channels": ["leads"]}],
                 "people": {"lead-wang": {"name": "王芳", "role": "TEAM_LEAD", "team": "presales", "dingtalkUserId": "dt-wang"}}}
                """.formatted(robots.add(leads), robots.add(floor));
        status(403, json("PUT", path, "demo-teamlead-token", settings));
        status(403, json("PUT", path, "demo-operations-token", settings));
        status(415, call("PUT", path, TOKEN, "text/plain", null, settings));
        Http.Answer shape = json("PUT", path, TOKEN, "{\"channels\": [{\"id\": \"leads\", \"kind\": \"slack\"}], \"colour\": \"red\"}");
        status(400, shape);
        assertEquals(Set.of("channels[0].kind", "colour"), fields(shape), shape.body());
        Http.Answer unsafe = json("PUT", path, TOKEN, "{\"channels\": [{\"id\": \"leads\", \"kind\": \"dingtalk\", \"url\":"
                + " \"https://evil.example.com/robot/send?access_token=x\"}, {\"id\": \"erp\", \"kind\": \"webhook\", \"url\":"
                + " \"https://10.0.0.8/hook\"}]}");
        status(400, unsafe);
        assertEquals(Set.of("channels[0].url", "channels[1].url", "channels[1].secret"), fields(unsafe), unsafe.body());
        assertEquals(none.json(), get(path).json(), "a refusal changes nothing");

        Http.Answer stored = json("PUT", path, TOKEN, settings);
        status(200, stored);
        for (String credential : List.of(leads.token(), floor.token(), "SECoa-leads-signing")) {
            assertTrue(!stored.body().contains(credential), "a credential in clear: " + stored.body());
        }
        JsonNode channels = stored.json().path("channels");
        assertEquals("http://127.0.0.1:" + robots.port() + "/***", channels.get(0).path("url").asText());
        assertEquals("***", channels.get(0).path("secret").asText());
        assertTrue(channels.get(1).path("secret").isNull(), "企业微信 robots do not sign");
        assertEquals(20, channels.get(0).path("perMinute").asInt(), "the kind's budget");
        assertEquals(3, channels.get(1).path("perMinute").asInt(), "the channel's own");
        Http.Answer read = get(path);
        status(200, read);
        assertEquals(stored.json(), read.json());
        // the masked form sent back keeps the stored URLs and secret: the test message below is signed with it
        Http.Answer again = json("PUT", path, TOKEN, read.body());
        status(200, again);
        assertEquals(stored.json(), again.json());
        settingsChanged = Instant.now();

        String test = "/merchants/demo/notifications/test";
        status(403, call("POST", test + "?channel=leads", "demo-teamlead-token", null, null, null));
        status(403, call("POST", test + "?channel=leads", "demo-operations-token", null, null, null));
        Http.Answer noChannel = call("POST", test, TOKEN, null, null, null);
        status(400, noChannel);
        assertEquals(Set.of("channel"), fields(noChannel));
        status(400, call("POST", test + "?channel=nope", TOKEN, null, null, null));
        assertEquals(List.of(), robots.received(), "nothing sent by a refused request");
        Http.Answer sent = call("POST", test + "?channel=leads", TOKEN, null, null, null);
        status(200, sent);
        assertEquals("SENT", sent.json().path("outcome").asText(), sent.body());
        assertEquals(0, sent.json().path("answer").path("code").asInt(), sent.body());
        List<RobotInbox.Received> got = robots.received("oa-leads");
        assertEquals(1, got.size());
        assertTrue(got.get(0).accepted() && got.get(0).title().contains("测试消息"), "signed with the kept secret: " + got.get(0));

        // floor's budget: one message at once, then one a minute - so of three quick tests at most two go out
        status(200, call("POST", test + "?channel=floor", TOKEN, null, null, null));
        Http.Answer busy = call("POST", test + "?channel=floor", TOKEN, null, null, null);
        if (busy.status() == 200) {
            busy = call("POST", test + "?channel=floor", TOKEN, null, null, null); // a grid token fell between the two
        }
        status(429, busy);
        long retryAfter = Long.parseLong(busy.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(OffsetDateTime.parse(busy.json().path("retryAt").asText()).toInstant().isAfter(Instant.now().minusSeconds(1)),
                busy.body());
        assertTrue(robots.received("oa-floor").stream().allMatch(RobotInbox.Received::accepted), "never over the robot's limit");
        assertTrue(robots.received("oa-floor").size() <= 2, "nothing sent on a 429: " + robots.received("oa-floor").size());
    }

    /** The breach alert of {@code conversation} once a robot has accepted it, or null. */
    private JsonNode toldBreach(String listPath, String conversation) {
        Http.Answer page = get(listPath);
        status(200, page);
        for (JsonNode a : page.json().path("alerts")) {
            String state = a.path("deliveries").path(0).path("state").asText();
            if (a.path("conversationId").asText().equals(conversation) && a.path("type").asText().equals("SlaBreached")
                    && (state.equals("SENT") || state.equals("DIGESTED"))) {
                return a;
            }
        }
        return null;
    }

    /**
     * A live alert: a live-room comment that reaches us 40 s late is breached at once, its alert goes
     * to the 钉钉 robot the settings route it to, is listed with that delivery, paged, acknowledged by
     * a team lead (the first acknowledgement stands) and shown in the conversation's timeline.
     */
    private void alerts() throws Exception {
        // the notifier reads settings through a cache: the alert comes once the new settings are surely read afresh
        Instant fresh = settingsChanged.plus(DynamoDbNotificationSettings.CACHE_FOR).plusMillis(500);
        while (Instant.now().isBefore(fresh)) {
            Thread.sleep(50);
        }
        Instant asked = Instant.now().minusSeconds(40);
        String late = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(asked, CHINA).truncatedTo(ChronoUnit.SECONDS));
        status(200, webhook(batch(event("oa-a1", "customer.message", "oa-alert", late,
                "\"channel\":\"LIVE_COMMENT\",\"customerId\":\"viewer-9\""))));
        String from = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(asked.minusSeconds(60), CHINA)
                .truncatedTo(ChronoUnit.SECONDS)).replace("+", "%2B");
        String list = "/merchants/demo/alerts?from=" + from;
        JsonNode alert = null;
        for (Instant giveUp = Instant.now().plus(Duration.ofSeconds(20)); alert == null && Instant.now().isBefore(giveUp); ) {
            alert = toldBreach(list, "oa-alert");
            Thread.sleep(alert == null ? 200 : 0);
        }
        assertTrue(alert != null, "the breach alert of oa-alert reached the robot: " + get(list).body());
        assertEquals(1, alert.path("level").asInt());
        assertEquals("LIVE_COMMENT", alert.path("channel").asText());
        assertTrue(alert.path("acknowledged").isNull() && alert.path("responsibleAgentId").isNull(), alert.toString());
        JsonNode delivery = alert.path("deliveries").get(0);
        assertEquals("leads", delivery.path("channelId").asText());
        assertEquals(0, delivery.path("answer").path("code").asInt(), delivery.toString());
        assertTrue(robots.received("oa-leads").stream().anyMatch(r -> r.accepted() && r.text().contains("oa-alert")),
                "the 钉钉 group read it");

        Http.Answer first = get(list + "&limit=1");
        status(200, first);
        assertEquals(1, first.json().path("alerts").size(), first.body());
        if (!first.json().path("nextToken").isNull()) {
            status(200, get(list + "&limit=1&nextToken=" + first.json().path("nextToken").asText()));
        }
        Http.Answer asCsv = call("GET", list, TOKEN, null, "text/csv", null);
        status(200, asCsv);
        assertTrue(asCsv.header("Content-Type").orElse("").startsWith("application/json"), "the alert list is JSON only");
        Http.Answer forged = get(list + "&nextToken=forged");
        status(400, forged);
        assertEquals(Set.of("nextToken"), fields(forged));
        Http.Answer bad = get("/merchants/demo/alerts?limit=0&from=yesterday");
        status(400, bad);
        assertEquals(Set.of("from", "limit"), fields(bad));
        status(400, get("/merchants/demo/alerts?from=2026-10-10T00:00:00%2B08:00&to=2026-10-09T00:00:00%2B08:00"));
        status(403, call("GET", "/merchants/demo/alerts", "other-manager-token", null, null, null));

        String alertId = alert.path("alertId").asText();
        String ack = "/merchants/demo/alerts/" + alertId + "/ack";
        status(403, json("POST", ack, "demo-operations-token", "{\"by\": \"ops-li\"}"));
        status(415, json("POST", ack, "demo-teamlead-token", "not json"));
        Http.Answer badBy = json("POST", ack, "demo-teamlead-token", "{\"by\": \"王 芳\"}");
        status(400, badBy);
        assertEquals(Set.of("by"), fields(badBy));
        status(404, json("POST", "/merchants/demo/alerts/a_00000000000000000000000000000000/ack", TOKEN, "{}"));
        assertTrue(toldBreach(list, "oa-alert").path("acknowledged").isNull(), "refusals change nothing");
        Http.Answer taken = json("POST", ack, "demo-teamlead-token", "{\"by\": \"lead-wang\"}");
        status(200, taken);
        assertEquals("lead-wang", taken.json().path("acknowledged").path("by").asText(), taken.body());
        Http.Answer twice = call("POST", ack, TOKEN, null, null, null);
        status(409, twice);
        assertEquals("lead-wang", twice.json().path("alert").path("acknowledged").path("by").asText(), "the first stands");

        Http.Answer timeline = get("/merchants/demo/conversations/oa-alert");
        status(200, timeline);
        JsonNode shown = null;
        for (JsonNode a : timeline.json().path("alerts")) {
            shown = a.path("alertId").asText().equals(alertId) ? a : shown;
        }
        assertTrue(shown != null, "the timeline lists the alert: " + timeline.body());
        assertEquals(taken.json(), shown, "as the acknowledgement answered it");
    }
}
