package com.replyguard.clock;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.agent;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.bot;
import static com.replyguard.testing.Events.customer;
import static com.replyguard.testing.Events.urgentCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FIRST_REPLY clock: R1 (30 s live room), R2/R9 (1 min chat), R9 (30 s urgent), R8 (bots do not count). */
class FirstReplyClockR1R2R9Test {

    private static SlaClock firstReply(ConversationEvent... events) {
        List<SlaClock> clocks = ClockRules.of(Conversation.of(DEMO, new ConversationId("c1"), List.of(events)), SlaPolicy.DEFAULT);
        assertEquals(ClockType.FIRST_REPLY, clocks.get(0).type());
        return clocks.get(0);
    }

    @Test
    void r1_liveRoomQuestion_hasA30SecondTarget() {
        SlaClock c = firstReply(customer("m1", "c1", "2026-10-03T20:00:00", Channel.LIVE_COMMENT),
                agent("a1", "c1", "2026-10-03T20:00:30"));
        assertEquals(Duration.ofSeconds(30), c.target());
        assertEquals(ClockStatus.MET, c.statusAt(at("2026-10-03T21:00:00")));
        SlaClock late = firstReply(customer("m1", "c1", "2026-10-03T20:00:00", Channel.LIVE_COMMENT),
                agent("a1", "c1", "2026-10-03T20:00:31"));
        assertEquals(ClockStatus.BREACHED, late.statusAt(at("2026-10-03T21:00:00")));
    }

    @Test
    void r2_r9_chatConsultation_hasA1MinuteTarget() {
        SlaClock c = firstReply(customer("m1", "c1", "2026-10-03T20:00:00", Channel.CS_CHAT));
        assertEquals(Duration.ofSeconds(60), c.target());
        assertEquals(ClockStatus.RUNNING, c.statusAt(at("2026-10-03T20:01:00")));
        assertEquals(ClockStatus.BREACHED, c.statusAt(at("2026-10-03T20:01:00.001")));
        assertEquals(Duration.ofSeconds(60),
                firstReply(customer("m1", "c1", "2026-10-03T20:00:00", Channel.DIRECT_MESSAGE)).target());
    }

    @Test
    void r9_urgentCase_hasA30SecondTarget() {
        SlaClock c = firstReply(
                ConversationEvent.builder("m1", EventType.CUSTOMER_MESSAGE,
                        new ConversationId("c1"), at("2026-10-03T20:00:00")).channel(Channel.CS_CHAT)
                        .customerRef("c_x").urgent(true).build(),
                agent("a1", "c1", "2026-10-03T20:00:45"));
        assertTrue(c.urgent());
        assertEquals(Duration.ofSeconds(30), c.target());
        assertEquals(ClockStatus.BREACHED, c.statusAt(at("2026-10-03T20:05:00")));
    }

    @Test
    void r9_urgentMessageWhileWaiting_bringsTheDeadlineForward_neverBack() {
        // start 20:00:00 (normal deadline 20:01:00); urgent at 20:00:10 -> 20:00:40
        SlaClock c = firstReply(customer("m1", "c1", "2026-10-03T20:00:00", Channel.CS_CHAT),
                urgentCustomer("m2", "c1", "2026-10-03T20:00:10"));
        assertEquals(at("2026-10-03T20:00:40"), c.deadline());
        // urgent at 20:00:50 -> 20:01:20 is later than the normal deadline: it stays 20:01:00
        SlaClock later = firstReply(customer("m1", "c1", "2026-10-03T20:00:00", Channel.CS_CHAT),
                urgentCustomer("m2", "c1", "2026-10-03T20:00:50"));
        assertEquals(at("2026-10-03T20:01:00"), later.deadline());
        // an urgent message after the first reply belongs to a later round, not to this clock
        SlaClock after = firstReply(customer("m1", "c1", "2026-10-03T20:00:00", Channel.CS_CHAT),
                agent("a1", "c1", "2026-10-03T20:00:20"), urgentCustomer("m2", "c1", "2026-10-03T20:00:30"));
        assertFalse(after.urgent());
        assertEquals(at("2026-10-03T20:01:00"), after.deadline());
    }

    @Test
    void r8_automaticBotReply_doesNotStopTheClock() {
        SlaClock c = firstReply(customer("m1", "c1", "2026-10-03T20:00:00", Channel.CS_CHAT),
                bot("b1", "c1", "2026-10-03T20:00:01"));
        assertEquals(ClockStatus.BREACHED, c.statusAt(at("2026-10-03T20:01:01")));
        assertEquals(null, c.answeredAt());
    }

    @Test
    void clock_hasNoStart_withoutACustomerMessageOrTransfer() {
        assertTrue(ClockRules.of(Conversation.of(DEMO, new ConversationId("c1"),
                List.of(agent("a1", "c1", "2026-10-03T20:00:00"))), SlaPolicy.DEFAULT).isEmpty());
    }
}
