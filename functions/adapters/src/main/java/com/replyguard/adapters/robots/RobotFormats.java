package com.replyguard.adapters.robots;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.json.Instants;
import com.replyguard.adapters.json.NoticeJson;
import com.replyguard.intake.WebhookSignature;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.Language;
import com.replyguard.notify.Message;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.Person;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Message} in each vendor's documented format, signed:
 * <ul>
 *   <li>飞书 / Lark: {@code msg_type: post} (rich text) with the title, one paragraph per line, the
 *       link as an {@code a} node and mentions as {@code at} nodes ({@code feishuOpenId});
 *       {@code timestamp} and {@code sign} in the body when the channel has a secret; body at most
 *       20,000 bytes.</li>
 *   <li>钉钉: {@code msgtype: markdown} with {@code at.atUserIds} / {@code at.atMobiles} and the
 *       {@code @id} in the text (where 钉钉 shows the mention); {@code timestamp} and {@code sign}
 *       added to the query when the channel has a secret; body at most 20,000 bytes.</li>
 *   <li>企业微信: {@code msgtype: markdown}, mentions as {@code <@userid>} in the content (the only
 *       way markdown mentions); content at most 4,096 bytes.</li>
 *   <li>webhook: the alert's JSON (its bus detail plus {@code type}), with {@code X-Timestamp} and
 *       {@code X-Signature: sha256=…} over {@code timestamp.body} - the contract's inbound scheme.</li>
 * </ul>
 */
public final class RobotFormats {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int FEISHU_MAX_BODY = 20_000;
    public static final int DINGTALK_MAX_BODY = 20_000;
    public static final int WECOM_MAX_CONTENT = 4_096;
    public static final int WEBHOOK_MAX_BODY = 256 * 1024;

    private RobotFormats() {
    }

    /** A request ready to send; {@code tooLong} names the limit it breaks (null: within it). */
    public record Rendered(URI uri, byte[] body, Map<String, String> headers, String tooLong) {
    }

    public static Rendered render(NotifyChannel channel, Message m, Instant now) {
        return switch (channel.kind()) {
            case FEISHU, LARK -> feishu(channel, m, now);
            case DINGTALK -> dingtalk(channel, m, now);
            case WECOM -> wecom(channel, m);
            case WEBHOOK -> webhook(channel, m, now);
        };
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode message", e);
        }
    }

    private static Map<String, String> jsonHeaders() {
        return Map.of("Content-Type", "application/json; charset=utf-8");
    }

    private static String tooLong(int size, int limit, String what) {
        return size <= limit ? null : what + " is " + size + " bytes, over the limit of " + limit;
    }

    /** Markdown of 钉钉 and 企业微信 read {@code <…>} as markup (企业微信 {@code <@id>} mentions): ids must not inject it. */
    static String plain(String text) {
        return text.replace('<', '‹').replace('>', '›');
    }

    private static Rendered feishu(NotifyChannel c, Message m, Instant now) {
        List<List<Map<String, Object>>> paragraphs = new ArrayList<>();
        for (String line : m.lines()) {
            paragraphs.add(List.of(node("tag", "text", "text", line)));
        }
        if (m.link() != null) {
            paragraphs.add(List.of(node("tag", "a", "text", m.linkText(), "href", m.link())));
        }
        List<Map<String, Object>> ats = new ArrayList<>();
        for (Person p : m.mentions()) {
            if (p.feishuOpenId() != null) {
                ats.add(node("tag", "at", "user_id", p.feishuOpenId(), "user_name", p.display()));
            }
        }
        if (!ats.isEmpty()) {
            paragraphs.add(ats);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (c.secret() != null) {
            long ts = now.getEpochSecond();
            body.put("timestamp", Long.toString(ts));
            body.put("sign", RobotSignatures.feishu(ts, c.secret()));
        }
        body.put("msg_type", "post");
        body.put("content", Map.of("post", Map.of(m.language() == Language.EN ? "en_us" : "zh_cn",
                Map.of("title", m.title(), "content", paragraphs))));
        byte[] b = bytes(body);
        return new Rendered(URI.create(c.url()), b, jsonHeaders(), tooLong(b.length, FEISHU_MAX_BODY, "the request body"));
    }

    private static Map<String, Object> node(Object... kv) {
        Map<String, Object> n = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            n.put((String) kv[i], kv[i + 1]);
        }
        return n;
    }

    private static Rendered dingtalk(NotifyChannel c, Message m, Instant now) {
        StringBuilder text = new StringBuilder("### ").append(plain(m.title())).append("\n\n");
        for (String line : m.lines()) {
            text.append(m.digest() && !line.equals(m.lines().get(0)) ? "- " : "").append(plain(line)).append("\n\n");
        }
        if (m.link() != null) {
            text.append("[").append(m.linkText()).append("](").append(m.link()).append(")\n\n");
        }
        List<String> userIds = new ArrayList<>();
        List<String> mobiles = new ArrayList<>();
        for (Person p : m.mentions()) {
            if (p.dingtalkUserId() != null) {
                userIds.add(p.dingtalkUserId());
                text.append("@").append(p.dingtalkUserId()).append(" ");
            } else if (p.mobile() != null) {
                mobiles.add(p.mobile());
                text.append("@").append(p.mobile()).append(" ");
            }
        }
        Map<String, Object> at = new LinkedHashMap<>();
        at.put("atUserIds", userIds);
        at.put("atMobiles", mobiles);
        at.put("isAtAll", false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "markdown");
        body.put("markdown", Map.of("title", m.title(), "text", text.toString().strip()));
        body.put("at", at);
        String url = c.url();
        if (c.secret() != null) {
            long ts = now.toEpochMilli();
            url = url + (url.contains("?") ? "&" : "?") + "timestamp=" + ts + "&sign=" + RobotSignatures.dingtalkQueryValue(ts,
                    c.secret());
        }
        byte[] b = bytes(body);
        return new Rendered(URI.create(url), b, jsonHeaders(), tooLong(b.length, DINGTALK_MAX_BODY, "the request body"));
    }

    private static Rendered wecom(NotifyChannel c, Message m) {
        StringBuilder content = new StringBuilder("**").append(plain(m.title())).append("**\n");
        for (String line : m.lines()) {
            content.append(m.digest() && !line.equals(m.lines().get(0)) ? "- " : "> ").append(plain(line)).append("\n");
        }
        if (m.link() != null) {
            content.append("[").append(m.linkText()).append("](").append(m.link()).append(")\n");
        }
        for (Person p : m.mentions()) {
            if (p.wecomUserId() != null) {
                content.append("<@").append(p.wecomUserId()).append("> ");
            }
        }
        String text = content.toString().strip();
        byte[] b = bytes(Map.of("msgtype", "markdown", "markdown", Map.of("content", text)));
        return new Rendered(URI.create(c.url()), b, jsonHeaders(),
                tooLong(text.getBytes(StandardCharsets.UTF_8).length, WECOM_MAX_CONTENT, "the markdown content"));
    }

    private static Rendered webhook(NotifyChannel c, Message m, Instant now) {
        Object payload;
        if (m.about().size() == 1) {
            payload = NoticeJson.write(m.about().get(0));
        } else {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("type", "NotificationTest");
            test.put("channelId", c.id());
            test.put("sentAt", Instants.format(now));
            payload = test;
        }
        byte[] b = bytes(payload);
        String ts = Long.toString(now.getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>(jsonHeaders());
        headers.put("X-Timestamp", ts);
        headers.put("X-Signature", WebhookSignature.sign(c.secret(), ts, b));
        return new Rendered(URI.create(c.url()), b, headers, tooLong(b.length, WEBHOOK_MAX_BODY, "the request body"));
    }

    /** The kinds whose limits {@link ChannelKind#contentBytes} keeps digests within (for the tests). */
    public static int limitOf(ChannelKind kind) {
        return switch (kind) {
            case FEISHU, LARK -> FEISHU_MAX_BODY;
            case DINGTALK -> DINGTALK_MAX_BODY;
            case WECOM -> WECOM_MAX_CONTENT;
            case WEBHOOK -> WEBHOOK_MAX_BODY;
        };
    }
}
