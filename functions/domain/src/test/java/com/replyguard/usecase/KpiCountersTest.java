package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.KpiReport;
import com.replyguard.conversation.ConversationId;
import com.replyguard.intake.RawEvent;
import com.replyguard.kpi.Dimension;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.MutableClock;
import com.replyguard.testing.PlatformKpisOracle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KPI counters (docs/kpis.md; invariant 5 of docs/architecture.md): counters fed by the fold equal the
 * recomputation from the stored conversations, to the unit, after duplicates, reordering and a
 * crash between any two writes; a closed cycle is frozen and announced once.
 */
class KpiCountersTest {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();
    private MutableClock clock;
    private InMemoryConversationStore conversations;
    private InMemoryKpiStore kpis;
    private IngestEventBatch ingest;
    private FoldKpiCounters fold;
    private ReportKpiCounters counters;
    private final List<KpiReport> announced = new ArrayList<>();
    private CloseKpiCycles close;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at("2026-10-04T09:00:00"));
        conversations = new InMemoryConversationStore();
        kpis = new InMemoryKpiStore();
        ingest = new IngestEventBatch(conversations, new InMemoryBreachStore(), clock);
        fold = new FoldKpiCounters(conversations, kpis, clock);
        counters = new ReportKpiCounters(kpis, clock);
        close = new CloseKpiCycles(conversations, kpis, fold, (r, revision) -> announced.add(r), clock);
    }

    private void passAfter(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        fold.pass();
    }

    private static String figures(KpiReport r) {
        return r.firstReply2Min().met() + "/" + r.firstReply2Min().total() + " " + r.reply3Min().met() + "/"
                + r.reply3Min().total() + " " + r.satisfaction().met() + "/" + r.satisfaction().total();
    }

    private String counted() {
        return figures(counters.report(DEMO, OCT_H1).total());
    }

    private String recomputed() {
        return figures(PlatformKpisOracle.report(conversations, DEMO_MERCHANT, OCT_H1, clock.instant()));
    }

    @Test
    void countersShouldEqualTheRecomputation_onTheHandComputedAfternoon() {
        ingest.ingest(DEMO_MERCHANT, IngestEventBatchTest.afternoon());
        assertEquals("0/0 0/0 0/0", counted(), "nothing is counted before the fold runs");
        passAfter(2);
        // by hand (IngestEventBatchTest.afternoon): chat-1 first reply 40 s (met), dm-1 transferred 14:02 and
        // answered 14:05 (late, the bot does not count), chat-2 unanswered since 21:00 (late once 2 min passed);
        // rounds: chat-1 14:00 (met) and 14:05-14:09 (late), chat-2 open (late; dm-1's only message came before
        // its transfer, so it has no round); ratings 5 and 2; live comments never count
        assertEquals("1/3 1/3 1/2", counted());
        assertEquals(recomputed(), counted());
        var view = counters.report(DEMO, OCT_H1);
        assertEquals(false, view.finalReport());
        assertEquals("0/1 0/1 0/0", figures(view.figures().report(DEMO, Dimension.decode("agent:-"))), "chat-2 has no agent yet");
        assertEquals("1/2 1/2 1/2", figures(view.figures().report(DEMO, Dimension.decode("agent:agent-7"))));
        assertEquals("1/2 1/3 1/1", figures(view.figures().report(DEMO, Dimension.decode("channel:CS_CHAT"))));
        assertEquals("0/1 0/0 0/1", figures(view.figures().report(DEMO, Dimension.decode("channel:DIRECT_MESSAGE"))));
        assertEquals(List.of("CS_CHAT", "DIRECT_MESSAGE"), List.copyOf(view.figures().groups(DEMO, Dimension.Family.CHANNEL).keySet()));
    }

    @Test
    void duplicatesAndReorderingShouldChangeNothing() {
        List<RawEvent> events = new ArrayList<>(IngestEventBatchTest.afternoon());
        ingest.ingest(DEMO_MERCHANT, events.subList(7, events.size()));
        passAfter(2);
        ingest.ingest(DEMO_MERCHANT, events.subList(0, 9));
        passAfter(2);
        ingest.ingest(DEMO_MERCHANT, events);
        passAfter(2);
        passAfter(20);
        assertEquals("1/3 1/3 1/2", counted());
        assertEquals(recomputed(), counted());
    }

    @Test
    void aLaterEventShouldMoveTheCountsNotAddToThem() {
        ingest.ingest(DEMO_MERCHANT, IngestEventBatchTest.afternoon());
        passAfter(2);
        ingest.ingest(DEMO_MERCHANT, List.of(raw("eventId", "e15", "type", "conversation.rated", "conversationId", "chat-1",
                "occurredAt", "2026-10-03T14:20:00+08:00", "rating", 1)));
        passAfter(2);
        assertEquals("1/3 1/3 0/2", counted(), "the latest rating wins: chat-1 is no longer satisfied");
        assertEquals(recomputed(), counted());
    }

    @Test
    void aCrashAfterTheCountersShouldBeFinishedByTheNextPass_withoutCountingTwice() {
        ingest.ingest(DEMO_MERCHANT, IngestEventBatchTest.afternoon());
        clock.advance(Duration.ofSeconds(2));
        kpis.crashAfterCounters = true;
        assertThrows(IllegalStateException.class, fold::pass);
        passAfter(1);
        passAfter(1);
        assertEquals("1/3 1/3 1/2", counted());
    }

    @Test
    void aCrashBeforeTheJournalIsRemovedShouldCountNothingTwice() {
        ingest.ingest(DEMO_MERCHANT, IngestEventBatchTest.afternoon());
        clock.advance(Duration.ofSeconds(2));
        kpis.crashBeforeEnd = true;
        assertThrows(IllegalStateException.class, fold::pass);
        // a second folder (another invocation) that starts meanwhile finishes the journal first
        new FoldKpiCounters(conversations, kpis, clock).pass();
        passAfter(1);
        assertEquals("1/3 1/3 1/2", counted());
        assertEquals(recomputed(), counted());
    }

    @Test
    void closingShouldCatchUpFreezeAndAnnounceOnce() {
        ingest.ingest(DEMO_MERCHANT, IngestEventBatchTest.afternoon());
        passAfter(2);
        // a change the live fold never saw (its feed entry lost): the closing job's catch-up counts it
        ingest.ingest(DEMO_MERCHANT, List.of(raw("eventId", "e16", "type", "agent.message", "conversationId", "chat-2",
                "occurredAt", "2026-10-03T21:01:00+08:00", "agentId", "agent-9")));
        clock.set(at("2026-10-16T00:30:00"));
        var checks = close.closeEnded();
        assertEquals(1, checks.size());
        assertTrue(checks.get(0).drift().isEmpty(), () -> "drift " + checks.get(0).drift());
        assertEquals(1, checks.get(0).caughtUp());
        assertEquals("2/3 2/3 1/2", figures(checks.get(0).report()), "chat-2 answered within 60 s now");
        assertEquals(1, announced.size());
        assertEquals(Boolean.FALSE, announced.get(0).firstReply2Min().passing(), "2/3 is below 85%");
        var view = counters.report(DEMO, OCT_H1);
        assertTrue(view.finalReport());
        assertEquals("2/3 2/3 1/2", figures(view.total()));

        // run again (Scheduler delivers at least once): nothing changes, nothing is announced again
        close.closeEnded();
        assertEquals(1, announced.size(), "CycleClosed is announced once");
        assertEquals("2/3 2/3 1/2", figures(counters.report(DEMO, OCT_H1).total()));

        // a rating of 3 Oct delivered after the close: the next close run makes it revision 2, still final
        ingest.ingest(DEMO_MERCHANT, List.of(raw("eventId", "e17", "type", "conversation.rated", "conversationId", "chat-2",
                "occurredAt", "2026-10-03T21:05:00+08:00", "rating", 5)));
        clock.set(at("2026-10-16T00:31:00"));
        close.closeEnded();
        assertEquals(2, announced.size(), "the revised figures are announced");
        assertEquals("2/3 2/3 2/3", figures(announced.get(1)));
        assertEquals(2, kpis.read(DEMO, OCT_H1).frozen().orElseThrow().revision());
        assertTrue(counters.report(DEMO, OCT_H1).finalReport());
        close.closeEnded();
        assertEquals(2, announced.size(), "the same figures again: no third announcement");
    }

    @Test
    void aReportedCustomersMessagesOfTheSevenDaysBeforeShouldLeaveTheReplyRates_inEveryConversationOfTheirs() {
        // buyer-x: two late conversations on 3 Oct, one on 20 Sep (more than 7 days before the report) and
        // one after the report; buyer-y: one late conversation. Reported on 4 Oct 09:00.
        ingest.ingest(DEMO_MERCHANT, List.of(
                buyerMessage("x1", "x-1", "2026-10-03T10:00:00", "buyer-x"),
                buyerMessage("x2", "x-2", "2026-10-03T11:00:00", "buyer-x"),
                buyerMessage("x3", "x-old", "2026-09-20T10:00:00", "buyer-x"),
                buyerMessage("y1", "y-1", "2026-10-03T12:00:00", "buyer-y")));
        passAfter(2);
        assertEquals("0/3 0/3 0/0", counted(), "x-1, x-2 and y-1: first replies and rounds all unanswered, so late");
        // the report names the customer and one of their conversations; it reaches the others of the 7 days
        ingest.ingest(DEMO_MERCHANT, List.of(raw("eventId", "rep-1", "type", "customer.reported", "conversationId", "x-1",
                "occurredAt", "2026-10-04T09:00:00+08:00", "customerId", "buyer-x")));
        passAfter(2);
        assertEquals("0/1 0/1 0/0", counted(), "only buyer-y's conversation still counts");
        assertEquals(recomputed(), counted());
        assertTrue(conversations.load(DEMO, new ConversationId("x-2")).orElseThrow()
                .conversation().events().stream().anyMatch(e -> e.eventId().equals("rep-1@x-2")));
        // a redelivered report changes nothing
        var again = ingest.ingest(DEMO_MERCHANT, List.of(raw("eventId", "rep-1", "type", "customer.reported",
                "conversationId", "x-1", "occurredAt", "2026-10-04T09:00:00+08:00", "customerId", "buyer-x")));
        assertEquals(1, again.duplicates());
        passAfter(2);
        assertEquals("0/1 0/1 0/0", counted());
        assertEquals(1, PlatformKpisOracle.report(conversations, DEMO_MERCHANT, Cycle.parse("2026-09-H2").orElseThrow(), clock.instant())
                .firstReply2Min().total(), "20 Sep is more than 7 days before the report: x-old still counts");
    }

    private static RawEvent buyerMessage(String id, String conversation, String chinaLocal, String buyer) {
        return raw("eventId", id, "type", "customer.message", "conversationId", conversation, "channel", "CS_CHAT",
                "occurredAt", chinaLocal + "+08:00", "customerId", buyer);
    }

    @Test
    void agentIdsMayHoldAnyCharacter_evenTheKeysSeparators() {
        ingest.ingest(DEMO_MERCHANT, List.of(buyerMessage("m1", "mail-1", "2026-10-03T10:00:00", "buyer-m"),
                raw("eventId", "m2", "type", "agent.message", "conversationId", "mail-1", "agentId", "li@shop.example|2",
                        "occurredAt", "2026-10-03T10:00:20+08:00"),
                buyerMessage("m3", "mail-1", "2026-10-03T10:05:00", "buyer-m")));
        // the open round's limit passes before the fold: the fold settles pending keys, whatever the dimension holds
        passAfter(2);
        var view = counters.report(DEMO, OCT_H1);
        assertEquals("1/1 1/2 0/0", figures(view.figures().report(DEMO, Dimension.decode("agent:li@shop.example|2"))),
                "the second round, unanswered since 10:05, is late");
        assertEquals(recomputed(), counted());
    }

    @Test
    void aCycleThatHasNotEndedShouldNotBeClosed() {
        assertThrows(IllegalArgumentException.class, () -> close.check(DEMO, OCT_H1, true));
    }
}
