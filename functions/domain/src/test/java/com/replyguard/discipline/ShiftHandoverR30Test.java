package com.replyguard.discipline;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.clock.ClockStatus;
import com.replyguard.clock.SlaClock;
import com.replyguard.clock.ClockRules;
import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** R30: shifts hand over open cases; a clock is never dropped, and a late deadline is not the departed agent's. */
class ShiftHandoverR30Test {
    private static final Shifts ROSTER = new Shifts(List.of(
            new Shifts.Shift("day", LocalTime.of(8, 30), LocalTime.of(16, 30), Set.of("zhang")),
            new Shifts.Shift("evening", LocalTime.of(16, 0), LocalTime.MIDNIGHT, Set.of("liu"))));

    private static Conversation chat(String followUpTime) {
        return Conversation.of(DEMO, new ConversationId("c1"), List.of(
                event("m1", EventType.CUSTOMER_MESSAGE, "c1", "2026-10-03T16:20:00").channel(Channel.CS_CHAT).customerRef("c").build(),
                event("a1", EventType.AGENT_MESSAGE, "c1", "2026-10-03T16:20:30").agentId("zhang").build(),
                event("m2", EventType.CUSTOMER_MESSAGE, "c1", "2026-10-03T" + followUpTime).customerRef("c").build()));
    }

    private static SlaClock nextReply(Conversation c) {
        return ClockRules.of(c, SlaPolicy.DEFAULT).stream()
                .filter(k -> k.key().equals("NEXT_REPLY@m2")).findFirst().orElseThrow();
    }

    @Test
    void aClockOpenAtTheShiftChange_runsOn_andIsNotHeldAgainstTheAgentWhoLeft() {
        Conversation c = chat("16:28:00"); // deadline 16:31:00, after zhang's shift (ends 16:30)
        SlaClock clock = nextReply(c);
        assertEquals(ClockStatus.BREACHED, clock.statusAt(at("2026-10-03T16:31:01")), "never dropped: it still breached");
        assertNull(Attribution.ownerOf(c, clock, ROSTER), "zhang had gone off duty");
        assertEquals("evening", ROSTER.onDuty(clock.deadline()).orElseThrow().name());
        assertEquals("zhang", Attribution.ownerOf(c, clock, Shifts.NONE), "without a roster, the owner");
    }

    @Test
    void aDeadlineWithinTheOwnersShift_isTheirs_andALateAnswerIsTheAnswerers() {
        Conversation c = chat("16:25:00"); // deadline 16:28:00, zhang still on duty
        assertEquals("zhang", Attribution.ownerOf(c, nextReply(c), ROSTER));
        assertTrue(ROSTER.offDuty("zhang", at("2026-10-03T20:00:00")));
        assertTrue(!ROSTER.offDuty("someone-unrostered", at("2026-10-03T03:00:00")), "unrostered agents are never off duty");
        assertEquals("evening", ROSTER.onDuty(at("2026-10-03T16:15:00")).orElseThrow().name(), "the shift taking over");
    }
}
