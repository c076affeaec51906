package com.replyguard.notify;

import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.Channel;
import com.replyguard.time.ChinaTime;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What people read, in the merchant's language (Chinese by default, English on request): what
 * happened (「首次响应超时」), the conversation and its channel (直播间评论 / 私信 / 客服聊天 …), how long the
 * customer has waited against the target, the level and whom it notifies, who is responsible, who
 * has already taken it ("I am on it"), and a link into the console. Never the customer's id or
 * message text: a notice carries neither. Every title starts with {@value #TAG} - a keyword a
 * robot's filter can require - and carries the channel's own keyword when it has one.
 *
 * <p>A digest tells of several alerts in one message, one short line each, as many as fit the
 * vendor's size limit ({@link #digest}); the rest wait for the next message.
 */
public final class Messages {
    public static final String TAG = "【ReplyGuard】";
    /** Mentions in one digest at most. */
    public static final int DIGEST_MENTIONS = 10;
    /** Bytes a mention costs beyond the person's name: the vendor's id and its markup. */
    static final int MENTION_BYTES = 80;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private static final Map<ClockType, String> CLOCK_ZH = new EnumMap<>(Map.of(
            ClockType.FIRST_REPLY, "首次响应", ClockType.NEXT_REPLY, "后续回复", ClockType.HANDOFF, "转交客服",
            ClockType.HANDOFF_PICKUP, "接手联系", ClockType.RESOLUTION, "给出解决方案", ClockType.PROGRESS_UPDATE, "进度更新",
            ClockType.SUPERVISOR_GUIDANCE, "主管指导", ClockType.CLOSING_FOLLOW_UP, "结束回访"));
    private static final Map<ClockType, String> CLOCK_EN = new EnumMap<>(Map.of(
            ClockType.FIRST_REPLY, "first reply", ClockType.NEXT_REPLY, "next reply", ClockType.HANDOFF, "handoff",
            ClockType.HANDOFF_PICKUP, "handoff pickup", ClockType.RESOLUTION, "resolution", ClockType.PROGRESS_UPDATE,
            "progress update", ClockType.SUPERVISOR_GUIDANCE, "supervisor guidance", ClockType.CLOSING_FOLLOW_UP,
            "closing follow-up"));
    private static final Map<Channel, String> CHANNEL_ZH = new EnumMap<>(Map.of(Channel.LIVE_COMMENT, "直播间评论",
            Channel.DIRECT_MESSAGE, "私信", Channel.CS_CHAT, "客服聊天", Channel.HOTLINE, "热线", Channel.EMAIL, "邮件"));
    private static final Map<Channel, String> CHANNEL_EN = new EnumMap<>(Map.of(Channel.LIVE_COMMENT, "live-room comment",
            Channel.DIRECT_MESSAGE, "private message", Channel.CS_CHAT, "service chat", Channel.HOTLINE, "hotline",
            Channel.EMAIL, "e-mail"));
    private static final Map<String, String> ROLE_ZH = Map.of("TEAM_LEAD", "组长", "SUPERVISOR", "主管", "MANAGER", "经理",
            "DIRECTOR", "总监");
    private static final Map<String, String> ROLE_EN = Map.of("TEAM_LEAD", "team lead", "SUPERVISOR", "supervisor",
            "MANAGER", "manager", "DIRECTOR", "director");
    private static final Map<String, String> METRIC_ZH = Map.of("firstReply2Min", "2分钟首次回复率", "reply3Min",
            "3分钟回复率", "satisfaction", "满意度");
    private static final Map<String, String> METRIC_EN = Map.of("firstReply2Min", "2-minute first-reply rate", "reply3Min",
            "3-minute reply rate", "satisfaction", "satisfaction");

    private Messages() {
    }

    public static String clockName(ClockType clock, Language l) {
        return (l == Language.EN ? CLOCK_EN : CLOCK_ZH).get(clock);
    }

    public static String channelName(Channel channel, Language l) {
        return (l == Language.EN ? CHANNEL_EN : CHANNEL_ZH).get(channel);
    }

    /** The level as people say it: 预警 / at risk, L1 … L4. */
    public static String levelName(int level, Language l) {
        return level == 0 ? (l == Language.EN ? "at risk" : "预警") : "L" + level;
    }

    static String roleOf(int level, Language l) {
        String role = SlaPolicy.LEVEL_ROLES.get(Math.min(level, SlaPolicy.LEVEL_ROLES.size()) - 1);
        return (l == Language.EN ? ROLE_EN : ROLE_ZH).get(role);
    }

    /** How long, as people say it: 45 秒, 12 分 5 秒 / 45 s, 12 min 5 s. */
    public static String duration(Duration d, Language l) {
        long s = Math.max(0, (d.toMillis() + 500) / 1000);
        boolean en = l == Language.EN;
        if (s < 120) {
            return s + (en ? " s" : " 秒");
        }
        long m = s / 60;
        long rest = s % 60;
        if (m < 120) {
            return m + (en ? " min" : " 分") + (rest == 0 ? "" : " " + rest + (en ? " s" : " 秒"));
        }
        return (m / 60) + (en ? " h " : " 小时 ") + (m % 60) + (en ? " min" : " 分");
    }

    static String time(Instant t) {
        return TIME.format(t.atZone(ChinaTime.ZONE));
    }

    /** What an alert says happened: 「首次响应即将超时」「首次响应超时」「首次响应超时 · 升级 L2」. */
    public static String headline(AlertNotice a, Language l) {
        String clock = clockName(a.clock(), l);
        boolean en = l == Language.EN;
        return switch (a.type()) {
            case SLA_AT_RISK -> en ? "At risk: " + clock : clock + "即将超时";
            case SLA_BREACHED -> en ? "Breached: " + clock : clock + "超时";
            case SLA_ESCALATED -> en ? "Escalated to L" + a.level() + ": " + clock + " breached"
                    : clock + "超时 · 升级 L" + a.level();
            default -> throw new IllegalStateException(a.type().name());
        };
    }

    private static String title(String text, NotifyChannel channel) {
        String t = TAG + text;
        return channel.keyword() == null || t.contains(channel.keyword()) ? t : t + " " + channel.keyword();
    }

    static String conversationLink(String consoleUrl, String conversationId) {
        if (consoleUrl == null) {
            return null;
        }
        String id = URLEncoder.encode(conversationId, StandardCharsets.UTF_8).replace("+", "%20");
        if (consoleUrl.contains("{conversationId}")) {
            return consoleUrl.replace("{conversationId}", id);
        }
        return (consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl) + "/conversations/" + id;
    }

    static String consoleHome(String consoleUrl) {
        if (consoleUrl == null) {
            return null;
        }
        int template = consoleUrl.indexOf("{conversationId}");
        return template < 0 ? consoleUrl : consoleUrl.substring(0, template);
    }

    private static String person(String agentId, NotificationSettings s) {
        Person p = agentId == null ? null : s.people().get(agentId);
        return p == null ? agentId : p.display() + (p.display().equals(agentId) ? "" : " (" + agentId + ")");
    }

    /**
     * One alert alone. {@code taken}: the conversation's alerts someone has acknowledged (this one
     * included, when it was), shown so nobody else runs to the same customer.
     */
    public static Message single(NotificationSettings s, NotifyChannel channel, AlertNotice a, List<Person> mentions,
            Map<AlertNotice, Acknowledgement> taken) {
        Language l = s.language();
        boolean en = l == Language.EN;
        List<String> lines = new ArrayList<>();
        lines.add((en ? "Conversation: " : "会话：") + a.conversationId() + (en ? " (" : "（") + channelName(a.channel(), l)
                + (a.urgent() ? (en ? ", urgent" : "，紧急") : "") + (en ? ")" : "）"));
        lines.add((en ? "Customer waiting: " : "客户已等待：") + duration(a.waited(), l) + (en ? " (target " : "（目标 ")
                + duration(a.target(), l) + (en ? ")" : "）"));
        lines.add((en ? "Level: " : "级别：") + levelName(a.level(), l) + (a.level() > 0
                ? (en ? " - notifies the " : " · 通知") + roleOf(a.level(), l) : ""));
        if (a.responsibleAgentId() != null) {
            lines.add((en ? "Responsible: " : "负责人：") + person(a.responsibleAgentId(), s));
        }
        if (!mentions.isEmpty()) {
            lines.add((en ? "Please act: " : "请处理：") + String.join(en ? ", " : "、",
                    mentions.stream().map(Person::display).toList()));
        }
        taken.forEach((alert, ack) -> lines.add((en ? "Taken: " : "已认领：") + ack.by() + (en ? " at " : " 于 ")
                + time(ack.at()) + (en ? " (" : "（") + clockName(alert.clock(), l) + " " + levelName(alert.level(), l)
                + (en ? ")" : "）")));
        lines.add((en ? "Due at: " : "发生时间：") + time(a.dueAt()));
        return new Message(title(headline(a, l), channel), lines, en ? "Open the conversation" : "查看会话",
                conversationLink(s.consoleUrl(), a.conversationId()), mentions, List.of(a), false, l);
    }

    /** A digest line, short so that many fit: conversation, channel, clock and level, how long the customer waited. */
    static String digestLine(AlertNotice a, Language l) {
        boolean en = l == Language.EN;
        return a.conversationId() + " · " + channelName(a.channel(), l) + " · " + clockName(a.clock(), l) + " "
                + levelName(a.level(), l) + " · " + (en ? "waited " : "等 ") + duration(a.waited(), l);
    }

    private static int bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Several alerts in one message: the first of {@code candidates} (oldest first), as many as fit
     * the vendor's size limit ({@link ChannelKind#contentBytes}, counting each line's markup and the
     * mentions), at least one; {@link Message#about} says which. {@code mentionsOf} gives each
     * alert's people; a digest mentions at most {@value #DIGEST_MENTIONS}.
     */
    public static Message digest(NotificationSettings s, NotifyChannel channel, List<AlertNotice> candidates,
            Function<AlertNotice, List<Person>> mentionsOf) {
        Language l = s.language();
        boolean en = l == Language.EN;
        ChannelKind kind = channel.kind();
        String link = consoleHome(s.consoleUrl());
        // title (钉钉 shows it twice: list preview and heading), its count's digits, the time line, the link
        int used = 2 * bytes(title(en ? "Alert digest: 0000 conversations (at risk 0000, breached 0000, escalated 0000)"
                : "告警汇总：0000 个会话（预警 0000，超时 0000，升级 0000）", channel)) + 120 + bytes(link) + 40;
        List<AlertNotice> chosen = new ArrayList<>();
        Map<String, Person> mentions = new LinkedHashMap<>();
        for (AlertNotice a : candidates) {
            int cost = bytes(digestLine(a, l)) + kind.lineOverhead();
            List<Person> added = new ArrayList<>();
            for (Person p : mentionsOf.apply(a)) {
                if (!mentions.containsKey(p.id()) && mentions.size() + added.size() < DIGEST_MENTIONS) {
                    added.add(p);
                    cost += bytes(p.display()) + MENTION_BYTES;
                }
            }
            if (!chosen.isEmpty() && used + cost > kind.contentBytes()) {
                break;
            }
            used += cost;
            chosen.add(a);
            added.forEach(p -> mentions.put(p.id(), p));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AlertNotice a : chosen) {
            counts.merge(a.type() == NoticeType.SLA_AT_RISK ? (en ? "at risk" : "预警")
                    : a.type() == NoticeType.SLA_BREACHED ? (en ? "breached" : "超时") : (en ? "escalated" : "升级"), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " " + v));
        String head = (en ? "Alert digest: " + chosen.size() + " conversations (" : "告警汇总：" + chosen.size() + " 个会话（")
                + String.join(en ? ", " : "，", parts) + (en ? ")" : "）");
        List<String> lines = new ArrayList<>();
        Instant first = chosen.stream().map(AlertNotice::dueAt).min(Instant::compareTo).orElseThrow();
        Instant last = chosen.stream().map(AlertNotice::dueAt).max(Instant::compareTo).orElseThrow();
        lines.add((en ? "Between " : "时间：") + time(first) + " - " + time(last)
                + (en ? "; sent together so the group is not flooded" : "（合并发送，避免刷屏）"));
        for (AlertNotice a : chosen) {
            lines.add(digestLine(a, l));
        }
        List<Person> people = List.copyOf(mentions.values());
        if (!people.isEmpty()) {
            lines.add((en ? "Please act: " : "请处理：") + String.join(en ? ", " : "、", people.stream().map(Person::display).toList()));
        }
        return new Message(title(head, channel), lines, en ? "Open the console" : "打开控制台", link, people, List.copyOf(chosen),
                true, l);
    }

    /** A closed cycle (R13-R17): each metric against its target, and whether the merchant passes. */
    public static Message cycleClosed(NotificationSettings s, NotifyChannel channel, CycleNotice c) {
        Language l = s.language();
        boolean en = l == Language.EN;
        String head = en ? "Cycle " + c.cycle() + (c.revision() > 1 ? " revised (revision " + c.revision() + ")" : " closed")
                + ": " + (c.passing() ? "passing" : "FAILING")
                : "考核周期 " + c.cycle() + (c.revision() > 1 ? " 结算已更新（第" + c.revision() + "版）" : " 已结算") + "："
                + (c.passing() ? "达标" : "未达标");
        List<String> lines = new ArrayList<>();
        for (CycleNotice.Metric m : c.metrics()) {
            String name = (en ? METRIC_EN : METRIC_ZH).getOrDefault(m.name(), m.name());
            String rate = m.rate() == null ? (en ? "nothing counted" : "无数据")
                    : String.format(Locale.ROOT, "%.1f%%", m.rate() * 100);
            String verdict = m.passing() == null ? "" : m.passing() ? (en ? " ✓" : " ✓ 达标") : (en ? " ✗" : " ✗ 未达标");
            lines.add(name + (en ? ": " : "：") + rate + " (" + m.met() + "/" + m.total() + (en ? ", target " : "，目标 ")
                    + String.format(Locale.ROOT, "%.0f%%", m.target() * 100) + ")" + verdict);
        }
        if (c.revision() > 1) {
            lines.add(en ? "History for this cycle arrived after its close; these are its final figures now."
                    : "该周期结算后又收到了历史数据，以上为更新后的最终数据。");
        }
        lines.add((en ? "Closed at: " : "结算时间：") + time(c.closedAt()));
        return new Message(title(head, channel), lines, en ? "Open the console" : "打开控制台", consoleHome(s.consoleUrl()),
                List.of(), List.of(c), false, l);
    }

    /** {@code POST /notifications/test}: proves the channel's URL, signature and keyword, mentions nobody. */
    public static Message test(NotificationSettings s, NotifyChannel channel, Instant now) {
        boolean en = s.language() == Language.EN;
        return new Message(title(en ? "Test message" : "测试消息", channel), List.of(
                en ? "This channel (" + channel.id() + ") will receive ReplyGuard alerts." : "此群（" + channel.id()
                        + "）将收到 ReplyGuard 的超时告警。", (en ? "Sent at: " : "发送时间：") + time(now)),
                en ? "Open the console" : "打开控制台", consoleHome(s.consoleUrl()), List.of(), List.of(), false, s.language());
    }
}
