package com.replyguard.notify;

import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test vocabulary for notices, channels, routes and people. */
final class Notices {
    static final MerchantId DEMO = new MerchantId("demo");

    private Notices() {
    }

    static AlertNotice alert(String id, NoticeType type, int level, Channel channel, String agent, Instant dueAt) {
        Instant start = dueAt.minusSeconds(level == 0 ? 48 : 60 + (level - 1) * 120L);
        return new AlertNotice(id, type, DEMO, "chat-" + id, ClockType.FIRST_REPLY, "FIRST_REPLY", channel, false, start,
                start.plusSeconds(60), dueAt, level, agent);
    }

    static NotifyChannel channel(String id, ChannelKind kind) {
        String url = switch (kind) {
            case FEISHU -> "https://open.feishu.cn/open-apis/bot/v2/hook/" + id;
            case LARK -> "https://open.larksuite.com/open-apis/bot/v2/hook/" + id;
            case DINGTALK -> "https://oapi.dingtalk.com/robot/send?access_token=" + id;
            case WECOM -> "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + id;
            case WEBHOOK -> "https://hooks.example.com/" + id;
        };
        return new NotifyChannel(id, kind, url, kind == ChannelKind.WEBHOOK ? "hook-secret" : null, null, null);
    }

    static NotifyRoute route(Set<NoticeType> types, Integer min, Integer max, String... channels) {
        return new NotifyRoute(types, min, max, Set.of(), Set.of(), null, List.of(channels));
    }

    static Map<String, Person> people() {
        return Map.of(
                "presales-zhang", new Person("presales-zhang", "张三", Person.Role.AGENT, "presales", "dt-zhang", "13800000001",
                        "ou_zhang", "wc-zhang"),
                "aftersales-wu", new Person("aftersales-wu", "吴六", Person.Role.AGENT, "aftersales", null, null, null, null),
                "lead-wang", new Person("lead-wang", "王组长", Person.Role.TEAM_LEAD, "presales", "dt-wang", null, "ou_wang", "wc-wang"),
                "lead-zhao", new Person("lead-zhao", "赵组长", Person.Role.TEAM_LEAD, "aftersales", null, "13800000002", null, null),
                "sup-chen", new Person("sup-chen", "陈主管", Person.Role.SUPERVISOR, null, "dt-chen", null, "ou_chen", "wc-chen"));
    }
}
