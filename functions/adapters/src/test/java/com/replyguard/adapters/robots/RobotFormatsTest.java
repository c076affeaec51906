package com.replyguard.adapters.robots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.intake.WebhookSignature;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.Language;
import com.replyguard.notify.Message;
import com.replyguard.notify.Messages;
import com.replyguard.notify.NoticeType;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.Person;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each vendor's message as documented: 飞书 post with at nodes and the signature in the body, 钉钉
 * markdown with at.atUserIds/atMobiles and the signature in the query, 企业微信 markdown with
 * {@code <@userid>}, the merchant's webhook with the alert's JSON signed like our inbound webhooks;
 * the largest digest of each kind stays within the vendor's size limit.
 */
class RobotFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.ofEpochSecond(1700000000L);
    private static final MerchantId DEMO = new MerchantId("demo");
    private static final Person LEAD = new Person("lead-wang", "王组长", Person.Role.TEAM_LEAD, "presales", "dt-wang", "13800000001",
            "ou_wang", "wc-wang");

    private static AlertNotice alert(String conversation) {
        return new AlertNotice("a_" + conversation, NoticeType.SLA_BREACHED, DEMO, conversation, ClockType.FIRST_REPLY,
                "FIRST_REPLY", Channel.CS_CHAT, false, NOW.minusSeconds(60), NOW.minusMillis(1), NOW, 1, "presales-zhang");
    }

    private static Message single(NotifyChannel c) {
        NotificationSettings s = new NotificationSettings(Language.ZH_CN, "https://console.example.com", List.of(c), List.of(),
                Map.of());
        return Messages.single(s, c, alert("dm-012"), List.of(LEAD), Map.of());
    }

    @Test
    void feishu_postWithTitleLinesLinkAndAt_signedInTheBody() throws Exception {
        NotifyChannel c = new NotifyChannel("ops", ChannelKind.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/tok",
                "test-secret-for-unit-tests", null, null);
        RobotFormats.Rendered r = RobotFormats.render(c, single(c), NOW);
        JsonNode b = JSON.readTree(r.body());
        assertEquals("1700000000", b.path("timestamp").asText(), "seconds, as a string");
        assertEquals("wTEcZA0XeYkHavFUfihGCaDpwLlIv9jmOhPLETODUh8=", b.path("sign").asText());
        assertEquals("post", b.path("msg_type").asText());
        JsonNode post = b.path("content").path("post").path("zh_cn");
        assertEquals("【ReplyGuard】首次响应超时", post.path("title").asText());
        List<String> tags = new ArrayList<>();
        post.path("content").forEach(p -> p.forEach(n -> tags.add(n.path("tag").asText())));
        assertTrue(tags.contains("text") && tags.contains("a") && tags.contains("at"), tags.toString());
        assertTrue(b.toString().contains("\"user_id\":\"ou_wang\""));
        assertEquals("https://open.feishu.cn/open-apis/bot/v2/hook/tok", r.uri().toString(), "nothing added to the URL");
        assertNull(r.tooLong());
    }

    @Test
    void dingtalk_markdownWithAt_signedInTheQuery() throws Exception {
        NotifyChannel c = new NotifyChannel("leads", ChannelKind.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=tok",
                "SECtest-secret-for-unit-tests", null, null);
        RobotFormats.Rendered r = RobotFormats.render(c, single(c), Instant.ofEpochMilli(1700000000008L));
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=tok&timestamp=1700000000008"
                + "&sign=yn6fALy1sAI%2FdmiZUW%2Fs%2B3aiCfkltlDd%2B8eIi9Coa3o%3D", r.uri().toString());
        String sign = r.uri().getRawQuery().replaceAll(".*sign=", "");
        assertEquals(RobotSignatures.dingtalk(1700000000008L, "SECtest-secret-for-unit-tests"), URLDecoder.decode(sign,
                StandardCharsets.UTF_8), "what 钉钉 decodes is the Base64 signature");
        JsonNode b = JSON.readTree(r.body());
        assertEquals("markdown", b.path("msgtype").asText());
        assertEquals("【ReplyGuard】首次响应超时", b.path("markdown").path("title").asText());
        String text = b.path("markdown").path("text").asText();
        assertTrue(text.startsWith("### 【ReplyGuard】首次响应超时") && text.contains("[查看会话](https://console.example.com/conversations/dm-012)")
                && text.contains("@dt-wang"), text);
        assertEquals("dt-wang", b.path("at").path("atUserIds").get(0).asText());
        assertEquals(false, b.path("at").path("isAtAll").asBoolean());
    }

    @Test
    void wecom_markdownWithUseridMentions_andNoMarkupFromIds() throws Exception {
        NotifyChannel c = new NotifyChannel("floor", ChannelKind.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
                null, null, null);
        NotificationSettings s = new NotificationSettings(Language.ZH_CN, null, List.of(c), List.of(), Map.of());
        Message m = Messages.single(s, c, alert("<@all>"), List.of(LEAD), Map.of());
        JsonNode b = JSON.readTree(RobotFormats.render(c, m, NOW).body());
        assertEquals("markdown", b.path("msgtype").asText());
        String content = b.path("markdown").path("content").asText();
        assertTrue(content.startsWith("**【ReplyGuard】首次响应超时**") && content.endsWith("<@wc-wang>"), content);
        assertTrue(!content.contains("<@all>") && content.contains("‹@all›"), "an id cannot mention everyone: " + content);
    }

    @Test
    void webhook_theAlertsJson_signedLikeOurInboundWebhooks() throws Exception {
        NotifyChannel c = new NotifyChannel("erp", ChannelKind.WEBHOOK, "https://erp.example.com/hook", "erp-secret", null, null);
        RobotFormats.Rendered r = RobotFormats.render(c, single(c), NOW);
        JsonNode b = JSON.readTree(r.body());
        for (String f : List.of("type", "eventId", "merchantId", "conversationId", "clock", "level", "dueAt", "deadline")) {
            assertTrue(b.has(f), "carries " + f + ": " + b);
        }
        assertEquals("SlaBreached", b.path("type").asText());
        assertEquals("1700000000", r.headers().get("X-Timestamp"));
        assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verify(List.of("erp-secret"), r.headers().get("X-Timestamp"),
                r.headers().get("X-Signature"), r.body(), NOW), "the merchant verifies it with the code they wrote for us");
    }

    @Test
    void theLargestDigestOfEachKind_staysWithinTheVendorsLimit() throws Exception {
        List<AlertNotice> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(alert("conversation-" + "会".repeat(30) + "-" + i));
        }
        for (ChannelKind kind : List.of(ChannelKind.FEISHU, ChannelKind.DINGTALK, ChannelKind.WECOM)) {
            NotifyChannel c = new NotifyChannel("c", kind, switch (kind) {
                case FEISHU -> "https://open.feishu.cn/open-apis/bot/v2/hook/t";
                case DINGTALK -> "https://oapi.dingtalk.com/robot/send?access_token=t";
                default -> "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=t";
            }, kind == ChannelKind.WECOM ? null : "SECs", "关键词", null);
            NotificationSettings s = new NotificationSettings(Language.ZH_CN, "https://console.example.com/" + "x".repeat(200),
                    List.of(c), List.of(), Map.of());
            // every alert mentions another person, up to the digest's ten
            Message digest = Messages.digest(s, c, many, a -> List.of(new Person("p-" + a.id(), "名字很长的一位组长" + a.id(),
                    Person.Role.TEAM_LEAD, null, "dingtalk-user-" + a.id(), "13800000000", "ou_" + "f".repeat(32), "wecom-" + a.id())));
            int n = digest.about().size();
            RobotFormats.Rendered r = RobotFormats.render(c, digest, NOW);
            assertNull(r.tooLong(), kind + " with " + n + " alerts: " + r.tooLong());
            assertTrue(n >= 5, kind + " still names several of these long-named alerts per message: " + n);
            assertEquals(Math.min(n, Messages.DIGEST_MENTIONS), digest.mentions().size(), "one person per alert, ten at most");
        }
    }
}
