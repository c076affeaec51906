package com.replyguard.notify;

import static com.replyguard.notify.Notices.alert;
import static com.replyguard.notify.Notices.channel;
import static com.replyguard.notify.Notices.people;
import static com.replyguard.notify.Notices.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.conversation.Channel;
import com.replyguard.discipline.Shifts;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The routing matrix: which channels hear of a notice by type and level, conversation channel,
 * responsible agent's team and quiet hours; and whom a message mentions at each level (agent,
 * team lead of the agent's team, supervisor), among those on duty.
 */
class RoutingTest {
    private static final Instant DAY = Instant.parse("2026-10-03T06:00:00Z");    // 14:00 China time
    private static final Instant NIGHT = Instant.parse("2026-10-03T16:30:00Z");  // 00:30 China time

    private final NotificationSettings settings = new NotificationSettings(Language.ZH_CN, "https://console.example.com",
            List.of(channel("floor", ChannelKind.WECOM), channel("leads", ChannelKind.DINGTALK), channel("ops", ChannelKind.FEISHU),
                    channel("live", ChannelKind.LARK)),
            List.of(route(Set.of(NoticeType.SLA_AT_RISK), null, null, "floor"),
                    route(Set.of(NoticeType.SLA_BREACHED, NoticeType.SLA_ESCALATED), null, 1, "leads"),
                    route(Set.of(NoticeType.SLA_ESCALATED), 2, null, "leads", "floor"),
                    new NotifyRoute(Set.of(NoticeType.SLA_BREACHED), null, null, Set.of(Channel.LIVE_COMMENT), Set.of(), null,
                            List.of("live")),
                    new NotifyRoute(Set.of(NoticeType.SLA_BREACHED, NoticeType.SLA_ESCALATED), null, null, Set.of(),
                            Set.of("aftersales"), new QuietHours(LocalTime.of(23, 0), LocalTime.of(8, 0)), List.of("ops")),
                    route(Set.of(NoticeType.CYCLE_CLOSED), null, null, "ops")),
            people());

    private List<String> channelsOf(NoticeType type, int level, Channel conv, String agent, Instant at) {
        return Routing.channels(settings, alert("x", type, level, conv, agent, at));
    }

    @Test
    void byTypeAndLevel() {
        assertEquals(List.of("floor"), channelsOf(NoticeType.SLA_AT_RISK, 0, Channel.CS_CHAT, null, DAY));
        assertEquals(List.of("leads"), channelsOf(NoticeType.SLA_BREACHED, 1, Channel.CS_CHAT, null, DAY));
        assertEquals(List.of("floor", "leads"), channelsOf(NoticeType.SLA_ESCALATED, 2, Channel.CS_CHAT, null, DAY),
                "each channel once, in the merchant's order");
        assertEquals(List.of("floor", "leads"), channelsOf(NoticeType.SLA_ESCALATED, 4, Channel.CS_CHAT, null, DAY));
    }

    @Test
    void byConversationChannel() {
        assertEquals(List.of("leads", "live"), channelsOf(NoticeType.SLA_BREACHED, 1, Channel.LIVE_COMMENT, null, DAY));
        assertEquals(List.of("leads"), channelsOf(NoticeType.SLA_BREACHED, 1, Channel.DIRECT_MESSAGE, null, DAY));
    }

    @Test
    void byTheResponsibleAgentsTeam_andQuietHours() {
        assertEquals(List.of("leads", "ops"), channelsOf(NoticeType.SLA_BREACHED, 1, Channel.CS_CHAT, "aftersales-wu", DAY));
        assertEquals(List.of("leads"), channelsOf(NoticeType.SLA_BREACHED, 1, Channel.CS_CHAT, "presales-zhang", DAY),
                "another team");
        assertEquals(List.of("leads"), channelsOf(NoticeType.SLA_BREACHED, 1, Channel.CS_CHAT, "unknown-agent", DAY),
                "an agent of no known team takes no team route");
        assertEquals(List.of("leads"), channelsOf(NoticeType.SLA_BREACHED, 1, Channel.CS_CHAT, "aftersales-wu", NIGHT),
                "00:30 is in the route's quiet hours (23:00-08:00)");
    }

    @Test
    void aClosedCycle_takesOnlyRoutesThatNameItAndDoNotNarrow() {
        CycleNotice c = new CycleNotice("cycle-closed:demo:2026-10-H1", Notices.DEMO, "2026-10-H1", DAY, List.of(), true, 1);
        assertEquals(List.of("ops"), Routing.channels(settings, c));
    }

    @Test
    void mentions_agentOnAWarning_teamLeadAtLevel1_supervisorFromLevel2() {
        assertEquals(List.of("presales-zhang"), ids(Routing.mentions(settings,
                alert("a", NoticeType.SLA_AT_RISK, 0, Channel.CS_CHAT, "presales-zhang", DAY), Shifts.NONE)));
        assertEquals(List.of("lead-wang"), ids(Routing.mentions(settings,
                alert("b", NoticeType.SLA_BREACHED, 1, Channel.CS_CHAT, "presales-zhang", DAY), Shifts.NONE)), "the agent's team's lead");
        assertEquals(List.of("lead-wang", "lead-zhao"), ids(Routing.mentions(settings,
                alert("c", NoticeType.SLA_BREACHED, 1, Channel.CS_CHAT, null, DAY), Shifts.NONE)), "no agent: every team lead");
        assertEquals(List.of("sup-chen"), ids(Routing.mentions(settings,
                alert("d", NoticeType.SLA_ESCALATED, 2, Channel.CS_CHAT, "presales-zhang", DAY), Shifts.NONE)));
        assertEquals(List.of(), ids(Routing.mentions(settings,
                alert("e", NoticeType.SLA_AT_RISK, 0, Channel.CS_CHAT, null, DAY), Shifts.NONE)));
    }

    @Test
    void mentions_preferWhoIsOnDutyByTheShiftRoster() {
        Shifts roster = new Shifts(List.of(new Shifts.Shift("day", LocalTime.of(8, 30), LocalTime.of(16, 30), Set.of("lead-wang")),
                new Shifts.Shift("late", LocalTime.of(16, 0), LocalTime.MIDNIGHT, Set.of("lead-zhao"))));
        AlertNotice noAgent = alert("f", NoticeType.SLA_BREACHED, 1, Channel.CS_CHAT, null, DAY);
        assertEquals(List.of("lead-wang"), ids(Routing.mentions(settings, noAgent, roster)), "14:00: the day shift's lead");
        AlertNotice evening = alert("g", NoticeType.SLA_BREACHED, 1, Channel.CS_CHAT, null, Instant.parse("2026-10-03T12:00:00Z"));
        assertEquals(List.of("lead-zhao"), ids(Routing.mentions(settings, evening, roster)), "20:00: the late shift's");
        AlertNotice night = alert("h", NoticeType.SLA_BREACHED, 1, Channel.CS_CHAT, null, NIGHT);
        assertEquals(List.of("lead-wang", "lead-zhao"), ids(Routing.mentions(settings, night, roster)),
                "nobody on duty: all of them rather than nobody");
    }

    private static List<String> ids(List<Person> people) {
        return people.stream().map(Person::id).toList();
    }
}
