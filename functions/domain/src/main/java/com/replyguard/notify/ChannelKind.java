package com.replyguard.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a channel's messages go, and what its vendor allows: the group robots of 飞书 (and Lark, its
 * international host), 钉钉 and 企业微信, each with the host and path its incoming webhooks live on,
 * and the merchant's own systems ({@code webhook}, signed like our inbound webhooks).
 *
 * <p>{@code perMinute} is the budget we keep to (the vendor's own limit where it has one: 钉钉 and
 * 企业微信 accept 20 messages a minute per robot, 钉钉 blocks a robot for 10 minutes above it; 飞书
 * accepts 100 a minute and 5 a second, and throttles bursts at the full and half hour, so we keep to
 * 80). {@code contentBytes} is what a message may use within the vendor's size limit (企业微信
 * markdown 4,096 bytes of content; 钉钉 and 飞书 20,000 bytes of request body) before the envelope
 * around it, {@code lineOverhead} what each line costs in the vendor's markup.
 */
public enum ChannelKind {
    FEISHU("feishu", "open.feishu.cn", "/open-apis/bot/v2/hook/", null, 80, 18_000, 40, Secret.OPTIONAL, true),
    LARK("lark", "open.larksuite.com", "/open-apis/bot/v2/hook/", null, 80, 18_000, 40, Secret.OPTIONAL, true),
    DINGTALK("dingtalk", "oapi.dingtalk.com", "/robot/send", "access_token", 20, 18_000, 8, Secret.OPTIONAL, true),
    WECOM("wecom", "qyapi.weixin.qq.com", "/cgi-bin/webhook/send", "key", 20, 3_950, 4, Secret.NONE, true),
    WEBHOOK("webhook", null, null, null, 240, 0, 0, Secret.REQUIRED, false);

    /** Whether a channel of the kind signs its messages with a secret of its own. */
    public enum Secret { NONE, OPTIONAL, REQUIRED }

    private final String wireName;
    private final String host;
    private final String path;
    private final String credentialParameter;
    private final int perMinute;
    private final int contentBytes;
    private final int lineOverhead;
    private final Secret secret;
    private final boolean digests;

    ChannelKind(String wireName, String host, String path, String credentialParameter, int perMinute, int contentBytes,
            int lineOverhead, Secret secret, boolean digests) {
        this.wireName = wireName;
        this.host = host;
        this.path = path;
        this.credentialParameter = credentialParameter;
        this.perMinute = perMinute;
        this.contentBytes = contentBytes;
        this.lineOverhead = lineOverhead;
        this.secret = secret;
        this.digests = digests;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ChannelKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ChannelKind::wireName).toList();
    }

    /** The vendor's webhook host; null for {@code webhook} (any public host). */
    public String host() {
        return host;
    }

    /** The path the vendor's robot URLs start with (a 飞书 hook ends with the robot's token); null for {@code webhook}. */
    public String path() {
        return path;
    }

    /** The query parameter holding the robot's credential (钉钉 access_token, 企业微信 key); null where it is in the path. */
    public String credentialParameter() {
        return credentialParameter;
    }

    /** The most messages a minute we send to one robot of this kind. */
    public int perMinute() {
        return perMinute;
    }

    public Budget budget() {
        return Budget.forPerMinute(perMinute);
    }

    public int contentBytes() {
        return contentBytes;
    }

    /** Bytes each line of a message costs in the vendor's format beyond its text (飞书 wraps each in a JSON node). */
    public int lineOverhead() {
        return lineOverhead;
    }

    public Secret secret() {
        return secret;
    }

    /** Whether alerts may be coalesced into one message (a group robot); a merchant's system gets each alert alone. */
    public boolean digests() {
        return digests;
    }

    public boolean isRobot() {
        return host != null;
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
