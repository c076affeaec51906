package com.replyguard.assessment;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.agent;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.bot;
import static com.replyguard.testing.Events.customer;
import static com.replyguard.testing.Events.rated;
import static com.replyguard.testing.Events.transferred;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.AssessedHours;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R13-R15 exactly as docs/metrics.md defines them. */
class PlatformMetricsR13R14R15Test {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();

    private static Map<Cycle, CycleContribution> assess(ConversationEvent... events) {
        return PlatformAssessment.of(Conversation.of(DEMO, new ConversationId("c1"), List.of(events)),
                AssessedHours.PLATFORM_DEFAULT);
    }

    private static KpiReport report(Instant asOf, Map<Cycle, CycleContribution> contributions) {
        KpiReport.Tally t = new KpiReport.Tally(asOf);
        contributions.values().stream().filter(c -> c.cycle().equals(OCT_H1)).forEach(t::add);
        return t.report(DEMO, OCT_H1);
    }

    @Test
    void r13_firstReply_shouldBeMet_atExactly120Seconds_andMissed_at121() {
        var met = report(at("2026-10-03T11:00:00"), assess(
                customer("m1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT), agent("a1", "c1", "2026-10-03T10:02:00")));
        assertEquals(1, met.firstReply2Min().met());
        assertEquals(1, met.firstReply2Min().total());
        var late = report(at("2026-10-03T11:00:00"), assess(
                customer("m1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT), agent("a1", "c1", "2026-10-03T10:02:01")));
        assertEquals(0, late.firstReply2Min().met());
        assertEquals(1, late.firstReply2Min().total());
    }

    @Test
    void r13_botReply_shouldNotCountAsHuman_R8() {
        var r = report(at("2026-10-03T11:00:00"), assess(
                customer("m1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT), bot("b1", "c1", "2026-10-03T10:00:01"),
                agent("a1", "c1", "2026-10-03T10:05:00")));
        assertEquals(0, r.firstReply2Min().met());
        assertEquals(1, r.firstReply2Min().total());
    }

    @Test
    void r13_clockStartsAtTransfer_andRepliesBeforeItDoNotCount() {
        // the customer talks to the bot first; 转人工 at 10:10; a human reply at 10:11 is within 2 min of the transfer
        var r = report(at("2026-10-03T11:00:00"), assess(
                customer("m1", "c1", "2026-10-03T10:00:00", Channel.DIRECT_MESSAGE),
                agent("a0", "c1", "2026-10-03T10:00:30"),
                transferred("t1", "c1", "2026-10-03T10:10:00"),
                agent("a1", "c1", "2026-10-03T10:11:00")));
        assertEquals(1, r.firstReply2Min().met());
        assertEquals(1, r.firstReply2Min().total());
    }

    @Test
    void r13_unansweredUnit_shouldCountInTotal_onlyOnce120SecondsHavePassed() {
        var contributions = assess(customer("m1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT));
        assertEquals(0, report(at("2026-10-03T10:02:00"), contributions).firstReply2Min().total());
        assertNull(report(at("2026-10-03T10:02:00"), contributions).firstReply2Min().rate());
        var after = report(at("2026-10-03T10:02:01"), contributions).firstReply2Min();
        assertEquals(0, after.met());
        assertEquals(1, after.total());
        assertFalse(after.passing());
    }

    @Test
    void r13_onlyChatAndDirectMessages_andOnlyAssessedHours_count() {
        assertTrue(assess(customer("m1", "c1", "2026-10-03T10:00:00", Channel.LIVE_COMMENT)).isEmpty());
        assertTrue(assess(customer("m1", "c1", "2026-10-03T10:00:00", Channel.HOTLINE)).isEmpty());
        assertTrue(assess(customer("m1", "c1", "2026-10-03T07:59:59", Channel.CS_CHAT)).isEmpty());
        assertTrue(assess(customer("m1", "c1", "2026-10-03T23:00:00", Channel.CS_CHAT)).isEmpty());
        assertEquals(1, assess(customer("m1", "c1", "2026-10-03T22:59:59", Channel.CS_CHAT)).size());
        assertEquals(1, assess(customer("m1", "c1", "2026-10-03T08:00:00", Channel.CS_CHAT)).size());
    }

    @Test
    void r14_rounds_shouldJoinWaitingMessages_andEndAtTheHumanReply() {
        // round 1: 10:00 + 10:01 (joins), answered 10:02:30 -> met (150 s)
        // round 2: 10:05, answered 10:08:01 -> late (181 s)
        // round 3: 10:20, unanswered
        var contributions = assess(
                customer("m1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT),
                customer("m2", "c1", "2026-10-03T10:01:00"),
                agent("a1", "c1", "2026-10-03T10:02:30"),
                customer("m3", "c1", "2026-10-03T10:05:00"),
                bot("b1", "c1", "2026-10-03T10:05:01"),
                agent("a2", "c1", "2026-10-03T10:08:01"),
                customer("m4", "c1", "2026-10-03T10:20:00"));
        var before = report(at("2026-10-03T10:23:00"), contributions).reply3Min();
        assertEquals(1, before.met());
        assertEquals(2, before.total());
        var after = report(at("2026-10-03T10:23:01"), contributions).reply3Min();
        assertEquals(1, after.met());
        assertEquals(3, after.total());
    }

    @Test
    void r14_messagesBeforeTheHumanClockStart_takeNoPart() {
        var contributions = assess(
                customer("m1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT),
                bot("b1", "c1", "2026-10-03T10:00:05"),
                transferred("t1", "c1", "2026-10-03T10:30:00"),
                customer("m2", "c1", "2026-10-03T10:30:10"),
                agent("a1", "c1", "2026-10-03T10:31:00"));
        var r = report(at("2026-10-03T12:00:00"), contributions);
        assertEquals(1, r.reply3Min().total());
        assertEquals(1, r.reply3Min().met());
    }

    @Test
    void r14_messageAtTheSameInstantAsTheReply_isAnsweredByIt() {
        var contributions = assess(
                customer("m1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT),
                customer("m2", "c1", "2026-10-03T10:01:00"),
                agent("a1", "c1", "2026-10-03T10:01:00"));
        var r = report(at("2026-10-03T12:00:00"), contributions);
        assertEquals(1, r.reply3Min().total());
        assertEquals(1, r.reply3Min().met());
    }

    @Test
    void r14_aRoundBelongsToTheCycleOfItsStart() {
        var contributions = assess(
                customer("m1", "c1", "2026-10-15T22:58:00", Channel.CS_CHAT),
                agent("a1", "c1", "2026-10-15T22:59:00"),
                customer("m2", "c1", "2026-10-16T08:00:00"),
                agent("a2", "c1", "2026-10-16T08:01:00"));
        assertEquals(1, contributions.get(OCT_H1).roundsMet());
        assertEquals(1, contributions.get(OCT_H1).firstReplyMet());
        CycleContribution h2 = contributions.get(Cycle.parse("2026-10-H2").orElseThrow());
        assertEquals(1, h2.roundsMet());
        assertEquals(0, h2.firstReplyMet());
    }

    @Test
    void r15_latestRatingWins_and4or5StarsAreMet() {
        var r = report(at("2026-10-03T12:00:00"), assess(
                customer("m1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT),
                rated("r1", "c1", "2026-10-03T10:10:00", 5),
                rated("r2", "c1", "2026-10-03T10:20:00", 3)));
        assertEquals(0, r.satisfaction().met());
        assertEquals(1, r.satisfaction().total());
        var r4 = report(at("2026-10-03T12:00:00"), assess(
                customer("m1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT),
                rated("r1", "c1", "2026-10-03T10:10:00", 4)));
        assertEquals(1, r4.satisfaction().met());
    }

    @Test
    void passing_shouldCompareExactly_17of20PassesA85PercentTarget() {
        assertTrue(new MetricFigure(17, 20, 0.85).passing());
        assertEquals(0.85, new MetricFigure(17, 20, 0.85).rate());
        assertFalse(new MetricFigure(16, 20, 0.85).passing());
        assertTrue(new MetricFigure(40, 50, 0.80).passing());
        assertFalse(new MetricFigure(39, 50, 0.80).passing());
        assertNull(new MetricFigure(0, 0, 0.80).passing());
    }
}
