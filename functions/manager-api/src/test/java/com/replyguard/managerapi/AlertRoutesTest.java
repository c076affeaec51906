package com.replyguard.managerapi;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.merchant.Manager;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.Delivery;
import com.replyguard.notify.NoticeType;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.RobotAnswer;
import com.replyguard.notify.Verdict;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.Managers;
import com.replyguard.testing.MutableClock;
import com.replyguard.usecase.IngestEventBatch;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The manager API's alert routes: notification settings (supervisors change them; robot URLs and
 * secrets never come back in clear; a refusal lists every problem; masked values keep the stored
 * ones), test messages (the robot's own answer; the channel's budget), the alert list with each
 * channel's delivery state, paged, acknowledgements by role, and the timeline's alerts.
 */
class AlertRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DINGTALK_URL = "https://oapi.dingtalk.com/robot/send?access_token=dt-token-3f9a";
    private static final String SETTINGS = """
            {"language": "zh-CN", "consoleUrl": "https://console.example.com",
             "channels": [{"id": "leads", "kind": "dingtalk", "url": "%s", "secret": "SECdingtalk-signing"},
                          {"id": "floor", "kind": "wecom", "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wc-key-77"},
                          {"id": "erp", "kind": "webhook", "url": "https://erp.shop.example.com/hook", "secret": "erp-secret"}],
             "routes": [{"alerts": ["SlaAtRisk"], "channels": ["floor"]},
                        {"alerts": ["SlaBreached", "SlaEscalated"], "maxLevel": 1, "channels": ["leads"]},
                        {"alerts": ["SlaEscalated"], "minLevel": 2, "channels": ["leads", "floor"]}],
             "people": {"cs-li": {"name": "李娜", "team": "presales", "dingtalkUserId": "dt-li", "mobile": "13800000009"}}}
            """.formatted(DINGTALK_URL);

    private MutableClock clock;
    private TestAlerting fakes;
    private ManagerApiHandler handler;
    private InMemoryConversationStore conversations;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at("2026-10-03T10:05:00"));
        conversations = new InMemoryConversationStore();
        InMemoryBreachStore breaches = new InMemoryBreachStore();
        new IngestEventBatch(conversations, breaches, clock)
                .ingest(DEMO_MERCHANT, List.of(raw("eventId", "e1", "type", "customer.message", "conversationId", "c1",
                        "channel", "CS_CHAT", "occurredAt", "2026-10-03T10:00:00+08:00", "customerId", "buyer-1")));
        fakes = new TestAlerting(conversations, clock);
        handler = fakes.handler(Map.of("sup", Managers.supervisor(DEMO),
                "lead", new Manager(DEMO, Manager.Role.TEAM_LEAD, Set.of("presales-zhang")),
                "ops", new Manager(DEMO, Manager.Role.OPERATIONS, Set.of())),
                id -> id.equals(DEMO) ? Optional.of(DEMO_MERCHANT) : Optional.empty(), conversations, breaches, clock);
    }

    private APIGatewayV2HTTPResponse call(String method, String path, String token, String body, Map<String, String> query,
            Map<String, String> pathParams) {
        Map<String, String> params = new HashMap<>(pathParams);
        params.put("merchantId", "demo");
        Map<String, String> headers = new HashMap<>(Map.of("authorization", "Bearer " + token));
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        return handler.handleRequest(APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + path)
                .withHeaders(headers).withQueryStringParameters(query).withPathParameters(params).withBody(body).build(), null);
    }

    private APIGatewayV2HTTPResponse put(String token, String body) {
        return call("PUT", "/merchants/{merchantId}/notifications", token, body, null, Map.of());
    }

    private static JsonNode json(APIGatewayV2HTTPResponse r) throws IOException {
        return JSON.readTree(r.getBody());
    }

    @Test
    void settings_areChangedBySupervisorsOnly_andNeverShowAUrlOrSecretInClear() throws IOException {
        assertEquals(403, put("lead", SETTINGS).getStatusCode());
        assertEquals(403, put("ops", SETTINGS).getStatusCode());
        APIGatewayV2HTTPResponse ok = put("sup", SETTINGS);
        assertEquals(200, ok.getStatusCode(), ok.getBody());
        for (APIGatewayV2HTTPResponse r : List.of(ok, call("GET", "/merchants/{merchantId}/notifications", "lead", null, null,
                Map.of()))) {
            assertEquals(200, r.getStatusCode());
            for (String secret : List.of("dt-token-3f9a", "SECdingtalk-signing", "wc-key-77", "erp-secret", "/hook")) {
                assertTrue(!r.getBody().contains(secret), "answer shows " + secret + ": " + r.getBody());
            }
            JsonNode leads = json(r).path("channels").get(0);
            assertEquals("https://oapi.dingtalk.com/***", leads.path("url").asText());
            assertEquals("***", leads.path("secret").asText());
            assertEquals(20, leads.path("perMinute").asInt(), "the budget kept to");
            assertTrue(json(r).path("channels").get(1).path("secret").isNull(), "企业微信 robots do not sign");
        }
        assertEquals(DINGTALK_URL, fakes.settings.find(DEMO).orElseThrow().channel("leads").orElseThrow().url());
    }

    @Test
    void aGetThenPutOfTheMaskedSettings_keepsTheStoredCredentials_andAnExplicitNullRemovesASecret() throws IOException {
        put("sup", SETTINGS);
        String masked = call("GET", "/merchants/{merchantId}/notifications", "sup", null, null, Map.of()).getBody();
        assertEquals(200, put("sup", masked).getStatusCode());
        NotifyChannel leads = fakes.settings.find(DEMO).orElseThrow().channel("leads").orElseThrow();
        assertEquals(DINGTALK_URL, leads.url());
        assertEquals("SECdingtalk-signing", leads.secret());
        ObjectNode edited = (ObjectNode) JSON.readTree(masked);
        ((ObjectNode) edited.path("channels").get(0)).putNull("secret");
        assertEquals(200, put("sup", edited.toString()).getStatusCode());
        assertEquals(null, fakes.settings.find(DEMO).orElseThrow().channel("leads").orElseThrow().secret());
    }

    @Test
    void refusedSettings_listEveryProblem_andChangeNothing() throws IOException {
        put("sup", SETTINGS);
        APIGatewayV2HTTPResponse bad = put("sup", """
                {"language": "fr", "channels": [{"id": "leads", "kind": "dingtalk", "url": "http://169.254.169.254/robot/send?access_token=x"},
                  {"id": "erp", "kind": "webhook", "url": "https://10.0.0.8/hook", "secret": "s"}, {"id": "x", "kind": "slack"}],
                 "routes": [{"alerts": ["SlaLate"], "channels": ["nowhere"], "minLevel": "two"}], "colour": "red"}""");
        assertEquals(400, bad.getStatusCode());
        JsonNode details = json(bad).path("details");
        List<String> fields = new ArrayList<>();
        details.forEach(d -> fields.add(d.path("field").asText()));
        assertTrue(fields.containsAll(List.of("colour", "language", "channels[2].kind", "routes[0].alerts", "routes[0].minLevel")),
                fields.toString());
        // a structurally valid body with unsafe URLs is refused by the rules, each problem named
        APIGatewayV2HTTPResponse ssrf = put("sup", "{\"channels\": [{\"id\": \"leads\", \"kind\": \"dingtalk\", \"url\": "
                + "\"http://169.254.169.254/robot/send?access_token=x\"}, {\"id\": \"erp\", \"kind\": \"webhook\", \"url\": "
                + "\"https://10.0.0.8/hook\", \"secret\": \"s\"}]}");
        assertEquals(400, ssrf.getStatusCode());
        assertTrue(ssrf.getBody().contains("channels[0].url") && ssrf.getBody().contains("must use https")
                && ssrf.getBody().contains("oapi.dingtalk.com") && ssrf.getBody().contains("channels[1].url")
                && ssrf.getBody().contains("not an IP address"), ssrf.getBody());
        assertEquals(DINGTALK_URL, fakes.settings.find(DEMO).orElseThrow().channel("leads").orElseThrow().url(), "nothing changed");
        APIGatewayV2HTTPResponse notJson = handler.handleRequest(APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                .withRouteKey("PUT /merchants/{merchantId}/notifications").withHeaders(Map.of("authorization", "Bearer sup",
                        "content-type", "text/plain")).withPathParameters(Map.of("merchantId", "demo")).withBody("x").build(), null);
        assertEquals(415, notJson.getStatusCode());
    }

    @Test
    void aTestMessage_answersWhatTheRobotSaid_andRespectsTheChannelsBudget() throws IOException {
        put("sup", SETTINGS);
        APIGatewayV2HTTPResponse sent = call("POST", "/merchants/{merchantId}/notifications/test", "sup", null,
                Map.of("channel", "leads"), Map.of());
        assertEquals(200, sent.getStatusCode(), sent.getBody());
        assertEquals("SENT", json(sent).path("outcome").asText());
        assertEquals(0, json(sent).path("answer").path("code").asInt());
        assertTrue(fakes.robots.to("leads").get(0).message().title().contains("测试消息"));
        fakes.robots.next("floor", new RobotAnswer(200, 93000, "invalid webhook url"));
        JsonNode refused = json(call("POST", "/merchants/{merchantId}/notifications/test", "sup", null, Map.of("channel", "floor"),
                Map.of()));
        assertEquals("REFUSED", refused.path("outcome").asText());
        assertEquals(93000, refused.path("answer").path("code").asInt());
        assertEquals("invalid webhook url", refused.path("answer").path("message").asText());
        call("POST", "/merchants/{merchantId}/notifications/test", "sup", null, Map.of("channel", "leads"), Map.of());
        APIGatewayV2HTTPResponse busy = call("POST", "/merchants/{merchantId}/notifications/test", "sup", null,
                Map.of("channel", "leads"), Map.of());
        assertEquals(429, busy.getStatusCode(), "the budget's two immediate messages are spent: " + busy.getBody());
        assertTrue(busy.getHeaders().containsKey("Retry-After"));
        assertEquals(2, fakes.robots.to("leads").size());
        assertEquals(400, call("POST", "/merchants/{merchantId}/notifications/test", "sup", null, Map.of("channel", "nope"),
                Map.of()).getStatusCode());
        assertEquals(403, call("POST", "/merchants/{merchantId}/notifications/test", "lead", null, Map.of("channel", "leads"),
                Map.of()).getStatusCode());
    }

    private AlertNotice alert(int i, String agent) {
        Instant due = at("2026-10-03T10:01:00.001").plusSeconds(i);
        return new AlertNotice("a_" + i, NoticeType.SLA_BREACHED, DEMO, "c1", ClockType.FIRST_REPLY, "FIRST_REPLY", Channel.CS_CHAT,
                false, due.minusSeconds(60), due.minusMillis(1), due, 1, agent);
    }

    @Test
    void theAlertList_showsEachChannelsDeliveryState_pagedLikeBreaches() throws IOException {
        NotifyChannel leads = new NotifyChannel("leads", ChannelKind.DINGTALK, DINGTALK_URL, null, null, null);
        for (int i = 0; i < 3; i++) {
            AlertNotice a = alert(i, "presales-zhang");
            fakes.log.record(a, List.of("leads"), clock.instant());
            Delivery d = fakes.log.enqueue(DEMO, Delivery.queued(a, leads, clock.instant()));
            fakes.log.update(DEMO, d.after(i == 2 ? Verdict.REFUSED : Verdict.SENT, i == 2 ? new RobotAnswer(200, 310000,
                    "keywords not in content") : new RobotAnswer(200, 0, "ok"), i == 1, clock.instant()));
        }
        JsonNode page = json(call("GET", "/merchants/{merchantId}/alerts", "ops", null, Map.of("limit", "2"), Map.of()));
        assertEquals(2, page.path("alerts").size());
        JsonNode first = page.path("alerts").get(0);
        for (String f : List.of("alertId", "type", "conversationId", "clock", "clockKey", "channel", "level", "dueAt", "deadline",
                "responsibleAgentId", "acknowledged", "deliveries")) {
            assertTrue(first.has(f), "alert item has " + f + ": " + first);
        }
        assertEquals(List.of("channelId", "kind", "state", "at", "attempts", "answer"), fieldNames(first.path("deliveries").get(0)));
        assertEquals("SENT", first.path("deliveries").get(0).path("state").asText());
        assertEquals("DIGESTED", page.path("alerts").get(1).path("deliveries").get(0).path("state").asText());
        assertTrue(first.path("acknowledged").isNull());
        JsonNode rest = json(call("GET", "/merchants/{merchantId}/alerts", "ops", null, Map.of("limit", "2", "nextToken",
                page.path("nextToken").asText()), Map.of()));
        JsonNode failed = rest.path("alerts").get(0).path("deliveries").get(0);
        assertEquals("FAILED", failed.path("state").asText());
        assertEquals(310000, failed.path("answer").path("code").asInt());
        assertTrue(rest.path("nextToken").isNull());
        assertEquals(400, call("GET", "/merchants/{merchantId}/alerts", "ops", null, Map.of("from", "2026-10-04T00:00:00+08:00",
                "to", "2026-10-03T00:00:00+08:00"), Map.of()).getStatusCode());
        assertEquals(400, call("GET", "/merchants/{merchantId}/alerts", "ops", null, Map.of("limit", "0"), Map.of()).getStatusCode());
        JsonNode timeline = json(call("GET", "/merchants/{merchantId}/conversations/{conversationId}", "ops", null, null,
                Map.of("conversationId", "c1")));
        assertEquals(3, timeline.path("alerts").size(), "the timeline shows its alerts");
        assertEquals("a_0", timeline.path("alerts").get(0).path("alertId").asText());
    }

    @Test
    void acknowledging_isForTeamLeadsOfTheAgentsTeamAndSupervisors_andTheFirstStands() throws IOException {
        fakes.log.record(alert(0, "presales-zhang"), List.of(), clock.instant());
        fakes.log.record(alert(1, "aftersales-wu"), List.of(), clock.instant());
        Map<String, String> a0 = Map.of("alertId", "a_0");
        assertEquals(403, call("POST", "/merchants/{merchantId}/alerts/{alertId}/ack", "ops", "{}", null, a0).getStatusCode());
        assertEquals(403, call("POST", "/merchants/{merchantId}/alerts/{alertId}/ack", "lead", "{}", null,
                Map.of("alertId", "a_1")).getStatusCode(), "another team's agent");
        APIGatewayV2HTTPResponse ok = call("POST", "/merchants/{merchantId}/alerts/{alertId}/ack", "lead", "{\"by\": \"lead-wang\"}",
                null, a0);
        assertEquals(200, ok.getStatusCode(), ok.getBody());
        assertEquals("lead-wang", json(ok).path("acknowledged").path("by").asText());
        assertEquals("2026-10-03T10:05:00+08:00", json(ok).path("acknowledged").path("at").asText());
        APIGatewayV2HTTPResponse again = call("POST", "/merchants/{merchantId}/alerts/{alertId}/ack", "sup", null, null, a0);
        assertEquals(409, again.getStatusCode());
        assertEquals("lead-wang", json(again).path("alert").path("acknowledged").path("by").asText());
        APIGatewayV2HTTPResponse byToken = call("POST", "/merchants/{merchantId}/alerts/{alertId}/ack", "sup", null, null,
                Map.of("alertId", "a_1"));
        assertTrue(json(byToken).path("acknowledged").path("by").asText().startsWith("manager-token:"),
                "without a name: the caller's audit name, never the token: " + byToken.getBody());
        assertTrue(!byToken.getBody().contains("\"sup\""));
        assertEquals(404, call("POST", "/merchants/{merchantId}/alerts/{alertId}/ack", "sup", "{}", null,
                Map.of("alertId", "a_nope")).getStatusCode());
        assertEquals(400, call("POST", "/merchants/{merchantId}/alerts/{alertId}/ack", "sup", "{\"by\": \"<script>\"}", null,
                Map.of("alertId", "a_nope")).getStatusCode());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
