package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.notify.ChannelKind;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Alerts reach people, on the local runner with its deadline wheel, the bus's rules and the
 * notifier in process, against a capture inbox that checks each message as its vendor does: a live
 * breach reaches every kind of channel with a valid signature within about a second of its
 * deadline; a refusing robot fails visibly at once while a healthy one gets its message and a
 * hanging one delays nobody; a burst is told in digests that name every alert without a robot going
 * over its limit; repeated deliveries of an event send nothing twice; an acknowledgement stops the
 * ladder. Clocks are shortened by the merchants' policies (3 s first reply).
 */
@Tag("slow")
@Tag("latency")
class NotifierEndToEndTest {
    private static final String POLICY = "\"policy\": {\"targets\": {\"FIRST_REPLY\": {\"liveRoom\": 3, \"elsewhere\": 3}},"
            + " \"warningShare\": 0, \"escalationDelays\": [0, 4, 8]}";
    private static RobotInbox inbox;
    private static LocalSystem system;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("notifier-e2e");
        Path merchants = dir.resolve("merchants.json");
        StringBuilder m = new StringBuilder("{\"merchants\": [");
        List<String> ids = List.of("warm", "kinds", "fails", "burst", "acks");
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            m.append(i == 0 ? "" : ",").append("{\"merchantId\": \"").append(id).append("\", \"webhookSecrets\": [\"").append(id)
                    .append("-secret\"], \"managerTokens\": [\"").append(id).append("-token\", {\"token\": \"").append(id)
                    .append("-lead\", \"role\": \"TEAM_LEAD\", \"team\": [\"presales-zhang\"]}], \"customerHashKey\": \"").append(id)
                    .append("-customer-hash-key\", \"assessedHours\": {\"from\": \"00:00\", \"to\": \"00:00\"}, ").append(POLICY)
                    .append("}");
        }
        Files.writeString(merchants, m.append("]}").toString());
        inbox = RobotInbox.start(null);
        system = LocalSystem.start(new LocalSystem.Options(0, null, merchants, ProjectLayout.template()));
        http = new Http(system.url());
        // the first clock warms the JVM (what SnapStart priming does in AWS); a merchant of its own, as the notifier
        // keeps a merchant's settings - or their absence - for 10 s
        ask("warm", "warm-up", Instant.now());
        await(() -> system.events().size() >= 1, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        system.close();
        inbox.close();
    }

    private static void ask(String merchant, String conversation, Instant at) {
        String time = OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)).toString();
        Http.Answer a = http.postSigned(merchant, merchant + "-secret", "{\"events\":[{\"eventId\":\"" + conversation
                + "-1\",\"type\":\"customer.message\",\"conversationId\":\"" + conversation + "\",\"channel\":\"CS_CHAT\","
                + "\"customerId\":\"buyer-77\",\"text\":\"在吗？我的订单有问题\",\"occurredAt\":\"" + time + "\"}]}");
        assertEquals(200, a.status(), a.body());
    }

    private static void configure(String merchant, String settings) {
        Http.Answer a = http.put("/merchants/" + merchant + "/notifications", merchant + "-token", settings);
        assertEquals(200, a.status(), a.body());
    }

    private static void await(Supplier<Boolean> condition, Duration within) throws InterruptedException {
        long until = System.currentTimeMillis() + within.toMillis();
        while (!condition.get() && System.currentTimeMillis() < until) {
            Thread.sleep(25);
        }
        assertTrue(condition.get(), "not within " + within);
    }

    private static List<RobotInbox.Received> accepted(String robot) {
        return inbox.received(robot).stream().filter(RobotInbox.Received::accepted).toList();
    }

    private static JsonNode alerts(String merchant) {
        return http.get("/merchants/" + merchant + "/alerts", merchant + "-token").json().path("alerts");
    }

    @Test
    void aLiveBreach_reachesEveryKindOfChannel_signedAsItsVendorChecks_once() throws Exception {
        String dingtalk = inbox.add(RobotInbox.Robot.of("k-dingtalk", ChannelKind.DINGTALK, "SECkinds-dingtalk"));
        String wecom = inbox.add(RobotInbox.Robot.of("k-wecom", ChannelKind.WECOM, null));
        String feishu = inbox.add(RobotInbox.Robot.of("k-feishu", ChannelKind.FEISHU, "kinds-feishu-secret").withKeyword("ReplyGuard"));
        String lark = inbox.add(RobotInbox.Robot.of("k-lark", ChannelKind.LARK, "kinds-lark-secret"));
        String webhook = inbox.add(RobotInbox.Robot.of("k-webhook", ChannelKind.WEBHOOK, "kinds-webhook-secret"));
        configure("kinds", """
                {"consoleUrl": "https://console.example.com",
                 "channels": [{"id": "leads", "kind": "dingtalk", "url": "%s", "secret": "SECkinds-dingtalk"},
                              {"id": "floor", "kind": "wecom", "url": "%s"},
                              {"id": "ops", "kind": "feishu", "url": "%s", "secret": "kinds-feishu-secret", "keyword": "ReplyGuard"},
                              {"id": "intl", "kind": "lark", "url": "%s", "secret": "kinds-lark-secret"},
                              {"id": "erp", "kind": "webhook", "url": "%s", "secret": "kinds-webhook-secret"}],
                 "routes": [{"alerts": ["SlaBreached"], "channels": ["leads", "floor", "ops", "intl", "erp"]}]}
                """.formatted(dingtalk, wecom, feishu, lark, webhook));
        Instant asked = Instant.now();
        ask("kinds", "chat-kinds", asked);
        Instant deadline = asked.plusSeconds(3);
        List<String> robots = List.of("k-dingtalk", "k-wecom", "k-feishu", "k-lark", "k-webhook");
        await(() -> robots.stream().allMatch(r -> accepted(r).size() == 1), Duration.ofSeconds(15));
        for (String r : robots) {
            RobotInbox.Received got = accepted(r).get(0);
            assertEquals(1, inbox.received(r).size(), r + ": one message, accepted (signature, keyword, limits checked)");
            Duration lag = Duration.between(deadline, got.at());
            System.out.println("NOTIFY-LAG " + r + " " + lag.toMillis() + " ms");
            assertTrue(lag.compareTo(Duration.ofSeconds(2)) < 0, r + " heard " + lag.toMillis() + " ms after the deadline");
            assertTrue(!got.body().toString().contains("buyer-77") && !got.body().toString().contains("订单"),
                    "no customer id or message text: " + got.body());
        }
        assertTrue(accepted("k-dingtalk").get(0).text().contains("首次响应超时") && accepted("k-dingtalk").get(0).text()
                .contains("会话：chat-kinds（客服聊天）"), accepted("k-dingtalk").get(0).text());
        JsonNode hook = accepted("k-webhook").get(0).body();
        assertEquals("SlaBreached", hook.path("type").asText());
        assertEquals("chat-kinds", hook.path("conversationId").asText());
        assertEquals("FIRST_REPLY", hook.path("clock").asText());
        // a robot records a message before it answers, the notifier records SENT once it has the answer: wait for that
        await(() -> {
            JsonNode a = findAlert(alerts("kinds"), "chat-kinds");
            return a.path("deliveries").size() == 5 && a.findValuesAsText("state").stream().allMatch("SENT"::equals);
        }, Duration.ofSeconds(5));
        JsonNode alert = findAlert(alerts("kinds"), "chat-kinds");
        assertEquals(5, alert.path("deliveries").size());
        alert.path("deliveries").forEach(d -> assertEquals("SENT", d.path("state").asText(), d.toString()));

        // EventBridge delivers at least once: the same event again, twice, sends nothing more
        Map<String, Object> event = system.events().stream().filter(e -> "SlaBreached".equals(e.get("detail-type"))
                && ((Map<?, ?>) e.get("detail")).get("conversationId").equals("chat-kinds")).findFirst().orElseThrow();
        system.redeliver(event);
        system.redeliver(event);
        Thread.sleep(1500);
        for (String r : robots) {
            assertEquals(1, inbox.received(r).size(), r + " got a repeat");
        }
    }

    private static JsonNode findAlert(JsonNode alerts, String conversation) {
        for (JsonNode a : alerts) {
            if (a.path("conversationId").asText().equals(conversation) && a.path("type").asText().equals("SlaBreached")) {
                return a;
            }
        }
        throw new AssertionError("no breach alert of " + conversation + " in " + alerts);
    }

    @Test
    void aRefusingRobot_failsVisiblyAtOnce_aHealthyOneGetsItsMessage_andAHangingOneDelaysNobody() throws Exception {
        String feishu = inbox.add(RobotInbox.Robot.of("f-feishu", ChannelKind.FEISHU, "the-robots-real-secret"));
        String wecom = inbox.add(RobotInbox.Robot.of("f-wecom", ChannelKind.WECOM, null));
        String slow = inbox.add(RobotInbox.Robot.of("f-slow", ChannelKind.DINGTALK, null));
        inbox.scriptAlways("f-slow", 0, null, Duration.ofSeconds(4));
        configure("fails", """
                {"channels": [{"id": "ops", "kind": "feishu", "url": "%s", "secret": "a-mistyped-secret"},
                              {"id": "slow", "kind": "dingtalk", "url": "%s"},
                              {"id": "floor", "kind": "wecom", "url": "%s"}],
                 "routes": [{"alerts": ["SlaBreached"], "channels": ["ops", "slow", "floor"]}]}""".formatted(feishu, slow, wecom));
        Instant asked = Instant.now();
        ask("fails", "chat-fails", asked);
        await(() -> accepted("f-wecom").size() == 1, Duration.ofSeconds(15));
        Duration lag = Duration.between(asked.plusSeconds(3), accepted("f-wecom").get(0).at());
        assertTrue(lag.compareTo(Duration.ofSeconds(2)) < 0, "the healthy robot heard " + lag.toMillis()
                + " ms after the deadline, not held up by the one that hangs for 4 s");
        await(() -> accepted("f-slow").size() == 1, Duration.ofSeconds(15));
        await(() -> {
            JsonNode a = findAlert(alerts("fails"), "chat-fails");
            return a.path("deliveries").size() == 3 && a.path("deliveries").get(1).path("state").asText().equals("SENT");
        }, Duration.ofSeconds(10));
        JsonNode ops = findAlert(alerts("fails"), "chat-fails").path("deliveries").get(0);
        assertEquals("ops", ops.path("channelId").asText());
        assertEquals("FAILED", ops.path("state").asText(), "a signature mismatch is never retried");
        assertEquals(19021, ops.path("answer").path("code").asInt());
        assertEquals(1, ops.path("attempts").asInt());
        assertEquals(1, inbox.received("f-feishu").size());
        assertTrue(!ops.toString().contains("http://") && !ops.toString().contains("127.0.0.1"), "no URL in the answer: " + ops);
    }

    @Test
    void aBurstOfBreaches_isToldInDigestsThatNameEveryOne_withoutTheRobotGoingOverItsLimit() throws Exception {
        String dingtalk = inbox.add(RobotInbox.Robot.of("b-dingtalk", ChannelKind.DINGTALK, "SECburst"));
        configure("burst", """
                {"channels": [{"id": "leads", "kind": "dingtalk", "url": "%s", "secret": "SECburst"}],
                 "routes": [{"alerts": ["SlaBreached"], "channels": ["leads"]}]}""".formatted(dingtalk));
        String time = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.ofHours(8)).toString();
        List<String> events = new ArrayList<>();
        Set<String> conversations = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String c = String.format("burst-%03d", i);
            conversations.add(c);
            events.add("{\"eventId\":\"" + c + "\",\"type\":\"customer.message\",\"conversationId\":\"" + c
                    + "\",\"channel\":\"LIVE_COMMENT\",\"customerId\":\"b" + i + "\",\"occurredAt\":\"" + time + "\"}");
        }
        assertEquals(200, http.postSigned("burst", "burst-secret", "{\"events\":[" + String.join(",", events) + "]}").status());
        await(() -> named(accepted("b-dingtalk")).containsAll(conversations), Duration.ofSeconds(30));
        List<RobotInbox.Received> all = inbox.received("b-dingtalk");
        assertTrue(all.stream().allMatch(RobotInbox.Received::accepted), "never refused as too fast: " + all.stream()
                .map(RobotInbox.Received::answer).toList());
        assertTrue(all.size() <= 6, "40 alerts in a few messages, not 40: " + all.size());
        assertTrue(all.stream().anyMatch(r -> r.text().contains("告警汇总")), "digests");
        await(() -> {
            int told = 0;
            for (JsonNode a : alerts("burst")) {
                String state = a.path("deliveries").path(0).path("state").asText();
                told += state.equals("SENT") || state.equals("DIGESTED") ? 1 : 0;
            }
            return told == 40;
        }, Duration.ofSeconds(10));
    }

    private static Set<String> named(List<RobotInbox.Received> messages) {
        Set<String> names = new HashSet<>();
        for (RobotInbox.Received r : messages) {
            Matcher m = Pattern.compile("burst-\\d{3}").matcher(r.text());
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    @Test
    void anAcknowledgement_stopsTheLadder_andTheTimelineShowsWhoTookIt() throws Exception {
        String wecom = inbox.add(RobotInbox.Robot.of("a-wecom", ChannelKind.WECOM, null));
        configure("acks", """
                {"channels": [{"id": "floor", "kind": "wecom", "url": "%s"}],
                 "routes": [{"alerts": ["SlaBreached", "SlaEscalated"], "channels": ["floor"]}]}""".formatted(wecom));
        ask("acks", "chat-acks", Instant.now());
        await(() -> accepted("a-wecom").size() == 1, Duration.ofSeconds(15));
        String alertId = findAlert(alerts("acks"), "chat-acks").path("alertId").asText();
        Http.Answer ack = http.send(HttpRequest.newBuilder(http.uri("/merchants/acks/alerts/" + alertId + "/ack"))
                .header("Authorization", "Bearer acks-lead").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"by\": \"lead-wang\"}")).build());
        assertEquals(200, ack.status(), ack.body());
        Thread.sleep(9_500); // past levels 2 (4 s) and 3 (8 s)
        assertTrue(system.events().stream().noneMatch(e -> "SlaEscalated".equals(e.get("detail-type"))
                && ((Map<?, ?>) e.get("detail")).get("conversationId").equals("chat-acks")), "the ladder stopped");
        assertEquals(1, inbox.received("a-wecom").size());
        assertTrue(http.get("/merchants/acks/breaches", "acks-token").body().contains("chat-acks"), "the breach stays");
        JsonNode timeline = http.get("/merchants/acks/conversations/chat-acks", "acks-token").json();
        assertEquals("lead-wang", timeline.path("alerts").get(0).path("acknowledged").path("by").asText());
    }
}
