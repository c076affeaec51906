package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.notify.ChannelKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * R29, invariant 8: the functions' logs of a full scenario - the demo live stream through the
 * signed webhook, refused requests, the wheel's alerts, the notifier telling robots of every kind,
 * every manager report - contain no raw customer id, no message text, no token, no robot URL and no
 * secret; and no robot message carries a customer's id or words.
 */
@Tag("slow")
class NoPersonalDataInLogsTest {

    @Test
    void aFullScenario_logsNoCustomerIdNoTextNoTokenNoSecret() throws Exception {
        JsonNode session = Http.JSON.readTree(ProjectLayout.root().resolve("infra/local/demo/live-session.json").toFile());
        Set<String> forbidden = new LinkedHashSet<>(List.of("demo-webhook-secret", "demo-manager-token",
                "other-manager-token", "demo-local-customer-hash-key", "demo-douyin-client-secret"));
        for (JsonNode e : session.path("events")) {
            if (e.hasNonNull("customerId")) {
                forbidden.add(e.get("customerId").asText());
            }
            if (e.hasNonNull("text")) {
                forbidden.add(e.get("text").asText());
            }
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try (RobotInbox inbox = RobotInbox.start(null); LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null,
                ProjectLayout.root().resolve("infra/local/merchants.json"), ProjectLayout.template()))) {
            Http http = new Http(system.url());
            // the notifier too: the demo merchant's alerts go to robots of every kind, with secrets and people's contacts
            String dingtalk = inbox.add(RobotInbox.Robot.of("pii-dingtalk", ChannelKind.DINGTALK, "SECpii-dingtalk-signing"));
            String wecom = inbox.add(RobotInbox.Robot.of("pii-wecom", ChannelKind.WECOM, null));
            String feishu = inbox.add(RobotInbox.Robot.of("pii-feishu", ChannelKind.FEISHU, "pii-feishu-signing"));
            String hook = inbox.add(RobotInbox.Robot.of("pii-hook", ChannelKind.WEBHOOK, "pii-hook-signing"));
            for (String url : List.of(dingtalk, wecom, feishu, hook)) {
                forbidden.add(url);
                forbidden.add(url.replaceAll(".*[=/]", "")); // the robot's token alone
            }
            forbidden.addAll(List.of("SECpii-dingtalk-signing", "pii-feishu-signing", "pii-hook-signing", "13911112222"));
            assertEquals(200, http.put("/merchants/demo/notifications", "demo-manager-token", """
                    {"channels": [{"id": "leads", "kind": "dingtalk", "url": "%s", "secret": "SECpii-dingtalk-signing"},
                                  {"id": "floor", "kind": "wecom", "url": "%s"},
                                  {"id": "ops", "kind": "feishu", "url": "%s", "secret": "pii-feishu-signing"},
                                  {"id": "erp", "kind": "webhook", "url": "%s", "secret": "pii-hook-signing"}],
                     "routes": [{"alerts": ["SlaAtRisk", "SlaBreached", "SlaEscalated"], "channels": ["leads", "floor", "ops", "erp"]}],
                     "people": {"lead-wang": {"name": "王组长", "role": "TEAM_LEAD", "mobile": "13911112222"}}}"""
                    .formatted(dingtalk, wecom, feishu, hook)).status());
            List<JsonNode> events = new ArrayList<>();
            session.path("events").forEach(events::add);
            for (int from = 0; from < events.size(); from += 100) {
                var body = Http.JSON.createObjectNode();
                var batch = body.putArray("events");
                events.subList(from, Math.min(events.size(), from + 100)).forEach(batch::add);
                assertEquals(200, http.postSigned("demo", "demo-webhook-secret", Http.JSON.writeValueAsString(body)).status());
            }
            // a live, urgent chat with text, so the wheel warns and breaches while we watch
            String now = OffsetDateTime.now(ZoneOffset.ofHours(8)).toString();
            http.postSigned("demo", "demo-webhook-secret", "{\"events\":[{\"eventId\":\"pii-1\",\"type\":\"customer.message\","
                    + "\"conversationId\":\"pii-chat\",\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-13800138000\","
                    + "\"text\":\"我的手机号13800138000，地址北京市朝阳区，东西是破的马上处理\",\"occurredAt\":\"" + now + "\"}]}");
            forbidden.add("buyer-13800138000");
            forbidden.add("13800138000");
            forbidden.add("北京市朝阳区");
            // refused requests are logged too
            http.postSigned("demo", "wrong-secret", "{\"events\":[]}");
            http.postSigned("demo", "demo-webhook-secret", "{\"events\":[{\"eventId\":\"x\",\"type\":\"customer.message\","
                    + "\"conversationId\":\"c\",\"customerId\":\"buyer-refused-77\",\"text\":\"拒收的消息\",\"occurredAt\":\"bad\"}]}");
            forbidden.add("buyer-refused-77");
            forbidden.add("拒收的消息");
            for (String path : List.of("/merchants/demo/kpis?cycle=2026-10-H1", "/merchants/demo/breaches?limit=1000",
                    "/merchants/demo/operations?cycle=2026-10-H1", "/merchants/demo/leaderboard?month=2026-10",
                    "/merchants/demo/conversations/pii-chat", "/merchants/demo/policy")) {
                assertEquals(200, http.get(path, "demo-manager-token").status(), path);
            }
            http.get("/merchants/demo/kpis", "nope-not-a-token");
            long until = System.currentTimeMillis() + 70_000;
            while (System.currentTimeMillis() < until && system.events().stream()
                    .noneMatch(e -> "SlaBreached".equals(e.get("detail-type")))) {
                Thread.sleep(200);
            }
            assertTrue(system.events().stream().anyMatch(e -> "SlaBreached".equals(e.get("detail-type"))), "alerts were logged");
            until = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < until && inbox.received().stream().filter(r -> r.text().contains("pii-chat"))
                    .map(RobotInbox.Received::robot).distinct().count() < 4) {
                Thread.sleep(100);
            }
            assertEquals(4, inbox.received().stream().filter(r -> r.accepted() && r.text().contains("pii-chat"))
                    .map(RobotInbox.Received::robot).distinct().count(), "every robot was told of the live breach");
            for (RobotInbox.Received r : inbox.received()) {
                for (String f : List.of("buyer-13800138000", "13800138000", "北京市朝阳区", "东西是破的")) {
                    assertTrue(!r.body().toString().contains(f), r.robot() + "'s message contains '" + f + "'");
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("events stored") && logs.contains("webhook refused") && logs.contains("SlaBreached")
                && logs.contains("\"notified\"") && logs.contains("notifications changed"), "the scenario was logged");
        for (String f : forbidden) {
            assertTrue(!logs.contains(f), "the logs contain '" + f + "'");
        }
    }
}
