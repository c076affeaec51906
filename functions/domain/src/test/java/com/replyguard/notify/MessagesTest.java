package com.replyguard.notify;

import static com.replyguard.notify.Notices.alert;
import static com.replyguard.notify.Notices.channel;
import static com.replyguard.notify.Notices.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a team lead reads: in Chinese by default (English per merchant) what happened, the
 * conversation and its channel, how long the customer has waited against the target, the level,
 * who is responsible and who has taken it, and a link; digests name every alert they carry within
 * the vendor's size limit.
 */
class MessagesTest {
    private static final Instant DUE = Instant.parse("2026-10-03T12:16:00.001Z"); // 20:16:00 China time

    private static NotificationSettings settings(Language l) {
        return new NotificationSettings(l, "https://console.example.com/app", List.of(channel("leads", ChannelKind.DINGTALK)),
                List.of(), people());
    }

    @Test
    void aBreach_inChinese_saysWhatHappenedWhereHowLongWhoAndLinksTheConversation() {
        AlertNotice a = new AlertNotice("a_1", NoticeType.SLA_BREACHED, Notices.DEMO, "dm-012", ClockType.FIRST_REPLY, "FIRST_REPLY",
                Channel.DIRECT_MESSAGE, true, DUE.minusSeconds(30).minusMillis(1), DUE.minusMillis(1), DUE, 1, "presales-zhang");
        NotifyChannel ch = new NotifyChannel("leads", ChannelKind.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=t",
                "SECx", "超时提醒", null);
        Message m = Messages.single(settings(Language.ZH_CN), ch, a, List.of(people().get("lead-wang")),
                Map.of(a, new Acknowledgement("lead-wang", DUE.plusSeconds(20))));
        assertEquals("【ReplyGuard】首次响应超时 超时提醒", m.title(), "the tag, what happened, the robot's keyword");
        String text = String.join("\n", m.lines());
        assertTrue(text.contains("会话：dm-012（私信，紧急）"), text);
        assertTrue(text.contains("客户已等待：30 秒（目标 30 秒）"), text);
        assertTrue(text.contains("级别：L1 · 通知组长"), text);
        assertTrue(text.contains("负责人：张三 (presales-zhang)"), text);
        assertTrue(text.contains("请处理：王组长"), text);
        assertTrue(text.contains("已认领：lead-wang 于 20:16:20（首次响应 L1）"), text);
        assertEquals("https://console.example.com/app/conversations/dm-012", m.link());
        assertEquals("查看会话", m.linkText());
    }

    @Test
    void inEnglish_onRequest_andEscalationsAndWarningsSayTheirLevel() {
        AlertNotice esc = alert("e", NoticeType.SLA_ESCALATED, 2, Channel.LIVE_COMMENT, null, DUE);
        Message m = Messages.single(settings(Language.EN), channel("leads", ChannelKind.DINGTALK), esc, List.of(), Map.of());
        assertEquals("【ReplyGuard】Escalated to L2: first reply breached", m.title());
        String text = String.join("\n", m.lines());
        assertTrue(text.contains("Conversation: chat-e (live-room comment)"), text);
        assertTrue(text.contains("Customer waiting: 3 min (target 60 s)"), text);
        assertTrue(text.contains("Level: L2 - notifies the supervisor"), text);
        AlertNotice risk = alert("r", NoticeType.SLA_AT_RISK, 0, Channel.CS_CHAT, null, DUE);
        assertEquals("【ReplyGuard】首次响应即将超时", Messages.single(settings(Language.ZH_CN), channel("x", ChannelKind.WECOM), risk,
                List.of(), Map.of()).title());
    }

    @Test
    void aConsoleUrlTemplate_getsTheConversationIdEncoded() {
        assertEquals("https://c.example.com/#/c/live%20%2F1", Messages.conversationLink("https://c.example.com/#/c/{conversationId}",
                "live /1"));
        assertEquals(null, Messages.conversationLink(null, "x"));
    }

    @Test
    void durations_readLikePeopleSayThem() {
        assertEquals("45 秒", Messages.duration(Duration.ofSeconds(45), Language.ZH_CN));
        assertEquals("12 分 5 秒", Messages.duration(Duration.ofSeconds(725), Language.ZH_CN));
        assertEquals("2 h 5 min", Messages.duration(Duration.ofMinutes(125), Language.EN));
    }

    @Test
    void aDigest_namesEveryAlertItCarries_andAsManyFitAsTheVendorsLimitAllows() {
        List<AlertNotice> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(new AlertNotice("a_" + i, NoticeType.SLA_BREACHED, Notices.DEMO, "conversation-" + "x".repeat(100) + i,
                    ClockType.NEXT_REPLY, "NEXT_REPLY#" + i, Channel.CS_CHAT, false, DUE.minusSeconds(180), DUE.minusMillis(1), DUE,
                    1, "presales-zhang"));
        }
        for (ChannelKind kind : List.of(ChannelKind.WECOM, ChannelKind.DINGTALK, ChannelKind.FEISHU)) {
            Message d = Messages.digest(settings(Language.ZH_CN), channel("c", kind), many, a -> List.of());
            int n = d.about().size();
            assertTrue(n > 1 && n < many.size(), kind + ": " + n);
            assertEquals(many.subList(0, n), d.about(), "the oldest first");
            assertTrue(d.digest());
            String body = String.join("\n", d.lines());
            for (AlertNotice a : many.subList(0, n)) {
                assertTrue(body.contains(a.conversationId() + " ·"), kind + " names " + a.conversationId());
            }
            int bytes = (d.title() + body).getBytes(StandardCharsets.UTF_8).length + n * kind.lineOverhead();
            assertTrue(bytes <= kind.contentBytes(), kind + ": " + bytes + " bytes");
            assertTrue(d.title().startsWith("【ReplyGuard】告警汇总：" + n + " 个会话（超时 " + n + "）"), d.title());
        }
        assertEquals(1, Messages.digest(settings(Language.ZH_CN), channel("c", ChannelKind.WECOM), many.subList(0, 1),
                a -> List.of()).about().size());
    }

    @Test
    void aDigestLine_isShort_soThatA企业微信MessageNamesAboutSeventyConversations() {
        List<AlertNotice> typical = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            typical.add(alert(String.format("%06d", i), NoticeType.SLA_BREACHED, 1, Channel.DIRECT_MESSAGE, "presales-zhang", DUE));
        }
        assertEquals("chat-000000 · 私信 · 首次响应 L1 · 等 60 秒", Messages.digestLine(typical.get(0), Language.ZH_CN));
        Message d = Messages.digest(settings(Language.ZH_CN), channel("c", ChannelKind.WECOM), typical,
                a -> List.of(people().get("lead-wang")));
        assertTrue(d.about().size() >= 60, "a 20-a-minute robot names " + d.about().size() + " conversations per message");
        assertEquals(List.of("lead-wang"), d.mentions().stream().map(Person::id).toList(), "each person mentioned once");
    }

    @Test
    void aClosedCycle_saysEachMetricAgainstItsTarget() {
        CycleNotice c = new CycleNotice("cycle-closed:demo:2026-10-H1", Notices.DEMO, "2026-10-H1", DUE, List.of(
                new CycleNotice.Metric("firstReply2Min", 82, 100, 0.82, 0.85, false),
                new CycleNotice.Metric("satisfaction", 0, 0, null, 0.8, null)), false, 1);
        Message m = Messages.cycleClosed(settings(Language.ZH_CN), channel("ops", ChannelKind.FEISHU), c);
        assertEquals("【ReplyGuard】考核周期 2026-10-H1 已结算：未达标", m.title());
        assertTrue(m.lines().get(0).equals("2分钟首次回复率：82.0% (82/100，目标 85%) ✗ 未达标"), m.lines().get(0));
        assertTrue(m.lines().get(1).contains("无数据"), m.lines().get(1));
    }

    @Test
    void aRevisedCycle_saysItsFiguresWereUpdated() {
        CycleNotice c = new CycleNotice("cycle-closed:demo:2026-10-H1:r2", Notices.DEMO, "2026-10-H1", DUE, List.of(
                new CycleNotice.Metric("firstReply2Min", 90, 100, 0.9, 0.85, true)), true, 2);
        Message zh = Messages.cycleClosed(settings(Language.ZH_CN), channel("ops", ChannelKind.FEISHU), c);
        assertEquals("【ReplyGuard】考核周期 2026-10-H1 结算已更新（第2版）：达标", zh.title());
        assertTrue(zh.lines().contains("该周期结算后又收到了历史数据，以上为更新后的最终数据。"), zh.lines().toString());
        Message en = Messages.cycleClosed(settings(Language.EN), channel("ops", ChannelKind.FEISHU), c);
        assertTrue(en.title().contains("Cycle 2026-10-H1 revised (revision 2): passing"), en.title());
    }
}
