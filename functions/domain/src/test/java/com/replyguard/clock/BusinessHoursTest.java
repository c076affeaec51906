package com.replyguard.clock;

import com.replyguard.alert.AlertPlan;
import com.replyguard.conversation.AgentRole;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Complexity;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import com.replyguard.testing.Policies;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Clocks a merchant pauses out of hours run in business time: lunch breaks, holidays, make-up workdays (调休). */
class BusinessHoursTest {
    // Mon-Fri 09:00-12:00 and 13:30-18:00; National Day 1-7 Oct off; Saturday 10 Oct worked (调休)
    private static final BusinessCalendar OFFICE;

    static {
        Map<DayOfWeek, List<BusinessCalendar.Window>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekly.put(d, BusinessCalendar.windowsOf(List.of("09:00-12:00", "13:30-18:00")));
        }
        Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
        OFFICE = new BusinessCalendar(weekly, holidays, Set.of(LocalDate.of(2026, 10, 10)), DayOfWeek.MONDAY);
    }

    @Test
    void businessTime_skipsNightsLunchHolidays_andCountsMakeUpWorkdays() {
        Duration m30 = Duration.ofMinutes(30);
        assertEquals(at("2026-10-10T09:20:00"), OFFICE.plus(at("2026-10-09T17:50:00"), m30),
                "Fri 17:50: 10 min on Friday, 20 on the 调休 Saturday");
        assertEquals(at("2026-10-13T13:50:00"), OFFICE.plus(at("2026-10-13T11:50:00"), m30), "across the lunch break");
        assertEquals(at("2026-10-12T09:30:00"), OFFICE.plus(at("2026-10-11T20:00:00"), m30), "started on Sunday evening");
        assertEquals(at("2026-10-08T09:15:00"), OFFICE.plus(at("2026-09-30T17:45:00"), m30), "across National Day");
        assertEquals(at("2026-10-10T09:30:00"), OFFICE.plus(at("2026-10-09T18:30:00"), m30), "the 调休 Saturday is worked");
    }

    @Test
    void onlyTheClocksTheMerchantPauses_runInBusinessTime() {
        SlaPolicy policy = Policies.withBusinessHours(SlaPolicy.DEFAULT, OFFICE, Set.of(ClockType.RESOLUTION));
        Conversation c = Conversation.of(DEMO, new ConversationId("c1"), List.of(
                event("m1", EventType.CUSTOMER_MESSAGE, "c1", "2026-10-09T17:50:00").channel(Channel.CS_CHAT)
                        .customerRef("c_x").complexity(Complexity.COMPLEX).build(),
                event("a1", EventType.AGENT_MESSAGE, "c1", "2026-10-09T17:50:30").agentId("zhao")
                        .agentRole(AgentRole.AFTERSALES).build()));
        Map<String, SlaClock> k = new HashMap<>();
        ClockRules.of(c, policy).forEach(x -> k.put(x.key(), x));
        assertEquals(at("2026-10-09T17:51:00"), k.get("FIRST_REPLY").deadline(), "first reply keeps running 7x24");
        assertEquals(at("2026-10-10T09:20:00"), k.get("RESOLUTION").deadline(), "30 min of office time");
        assertEquals(ClockStatus.RUNNING, k.get("RESOLUTION").statusAt(at("2026-10-09T23:00:00")), "paused overnight");
        var risk = AlertPlan.of(List.of(k.get("RESOLUTION")), policy).all().get(0);
        assertEquals(at("2026-10-10T09:14:00"), risk.dueAt(), "the 80% warning is in office time too (24 of 30 min)");
    }
}
