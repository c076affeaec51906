package com.replyguard.alert;

import com.replyguard.testing.Policies;
import static com.replyguard.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaClock;
import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Warnings at 80% of the target, the breach at the deadline, the ladder after it; an answer stops it. */
class AlertPlanTest {
    private static SlaClock clock(Instant answeredAt) {
        Instant start = at("2026-10-03T10:00:00");
        return new SlaClock(ClockType.FIRST_REPLY, "FIRST_REPLY", Channel.CS_CHAT, false, start, "m1",
                start.plusSeconds(60), answeredAt, answeredAt == null ? null : "a1", null);
    }

    private static List<String> plan(SlaClock c) {
        return AlertPlan.of(List.of(c), SlaPolicy.DEFAULT).all().stream().map(a -> a.key() + "@" + a.dueAt()).toList();
    }

    @Test
    void unansweredClock_owesAWarningTheBreachAndTwoMoreLevels() {
        assertEquals(List.of("FIRST_REPLY:RISK@2026-10-03T02:00:48Z", "FIRST_REPLY:L1@2026-10-03T02:01:00.001Z",
                "FIRST_REPLY:L2@2026-10-03T02:03:00.001Z", "FIRST_REPLY:L3@2026-10-03T02:06:00.001Z"), plan(clock(null)));
        Alert l2 = AlertPlan.of(List.of(clock(null)), SlaPolicy.DEFAULT).all().get(2);
        assertEquals("SUPERVISOR", l2.role());
        assertEquals(Alert.Kind.ESCALATED, l2.kind());
    }

    @Test
    void anAnswer_stopsWhatComesAfterIt() {
        assertEquals(List.of(), plan(clock(at("2026-10-03T10:00:40"))), "answered before the warning");
        assertEquals(List.of("FIRST_REPLY:RISK@2026-10-03T02:00:48Z"), plan(clock(at("2026-10-03T10:00:55"))));
        assertEquals(List.of("FIRST_REPLY:RISK@2026-10-03T02:00:48Z", "FIRST_REPLY:L1@2026-10-03T02:01:00.001Z"),
                plan(clock(at("2026-10-03T10:02:00"))), "late, but before level 2");
        assertEquals(List.of("FIRST_REPLY:RISK@2026-10-03T02:00:48Z"), plan(clock(at("2026-10-03T10:01:00"))),
                "an answer at the deadline is in time");
    }

    @Test
    void dueBy_andNext_skipWhatIsDone() {
        AlertPlan p = AlertPlan.of(List.of(clock(null)), SlaPolicy.DEFAULT);
        assertEquals(1, p.dueBy(at("2026-10-03T10:01:00"), Set.of()).size());
        assertEquals(2, p.dueBy(at("2026-10-03T10:01:00.001"), Set.of()).size());
        assertEquals(1, p.dueBy(at("2026-10-03T10:01:00.001"), Set.of("FIRST_REPLY:RISK")).size());
        assertEquals(at("2026-10-03T10:03:00.001"), p.next(Set.of("FIRST_REPLY:RISK", "FIRST_REPLY:L1")).orElseThrow());
        assertTrue(p.next(Set.of("FIRST_REPLY:RISK", "FIRST_REPLY:L1", "FIRST_REPLY:L2", "FIRST_REPLY:L3")).isEmpty());
    }

    @Test
    void theLadderFollowsThePolicy() {
        SlaPolicy fourLevels = Policies.withLadder(SlaPolicy.DEFAULT, 0.5, List.of(Duration.ZERO, Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofMinutes(10)));
        List<Alert> alerts = AlertPlan.of(List.of(clock(null)), fourLevels).all();
        assertEquals(at("2026-10-03T10:00:30"), alerts.get(0).dueAt(), "warning at half the target");
        assertEquals(5, alerts.size());
        assertEquals("DIRECTOR", alerts.get(4).role());
    }
}
