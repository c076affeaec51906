package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.chat;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.testing.PlatformKpisOracle;
import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.KpiReport;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.AssessedHours;
import com.replyguard.merchant.Merchant;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R17 edges counted by the KPI counters, hand-computed: the 15th/16th, a 31-day month's end,
 * February (28 days, and 29 in a leap year), a round that crosses into the next cycle, and the
 * assessed hours (out-of-hours units do not count). Counters equal the recomputation for every cycle.
 */
class KpiCycleEdgesTest {
    private static final Merchant ALL_DAY = new Merchant(DEMO, List.of("s"), "edges-customer-hash-key".getBytes(StandardCharsets.UTF_8),
            AssessedHours.ALL_DAY);

    private final MutableClock clock = new MutableClock(at("2028-03-05T12:00:00"));
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final InMemoryKpiStore kpis = new InMemoryKpiStore();
    private final IngestEventBatch ingest = new IngestEventBatch(conversations, new InMemoryBreachStore(), clock);

    private String counted(Cycle cycle) {
        return counted(cycle, ALL_DAY);
    }

    /** The counters' figures, held against the oracle for the merchant whose assessed hours the events were ingested under. */
    private String counted(Cycle cycle, Merchant merchant) {
        KpiReport r = new ReportKpiCounters(kpis, clock).report(DEMO, cycle).total();
        KpiReport index = PlatformKpisOracle.report(conversations, merchant, cycle, clock.instant());
        String s = r.firstReply2Min().met() + "/" + r.firstReply2Min().total() + " " + r.reply3Min().met() + "/"
                + r.reply3Min().total();
        assertEquals(index.firstReply2Min(), r.firstReply2Min(), "first reply, " + cycle);
        assertEquals(index.reply3Min(), r.reply3Min(), "3-minute reply, " + cycle);
        return s;
    }

    private void fold() {
        clock.advance(Duration.ofSeconds(2));
        new FoldKpiCounters(conversations, kpis, clock).pass();
    }

    @Test
    void eachUnitCountsInTheCycleOfItsStart_chinaTime() {
        List<RawEvent> events = new ArrayList<>();
        events.addAll(chat("h1-last", "2026-10-15T23:59:59", 30));     // H1 (answered on the 16th)
        events.addAll(chat("h2-first", "2026-10-16T00:00:00", 150));   // H2, late
        events.addAll(chat("oct-last", "2026-10-31T23:59:59", null));  // 31-day month: October H2, unanswered
        events.addAll(chat("nov-first", "2026-11-01T00:00:00", 10));   // November H1
        events.addAll(chat("feb-last", "2027-02-28T23:59:00", 60));    // February H2 (28 days)
        events.addAll(chat("mar-first", "2027-03-01T00:00:00", 60));   // March H1
        events.addAll(chat("leap", "2028-02-29T12:00:00", 200));       // 2028 is a leap year: February H2, late
        // a conversation of the 15th whose second round starts on the 16th: the round counts in H2
        events.addAll(chat("cross", "2026-10-15T23:58:00", 20));
        events.add(raw("eventId", "cross-m2", "type", "customer.message", "conversationId", "cross",
                "occurredAt", "2026-10-16T00:00:30+08:00", "customerId", "b-cross"));
        events.add(raw("eventId", "cross-r2", "type", "agent.message", "conversationId", "cross", "agentId", "a",
                "occurredAt", "2026-10-16T00:04:00+08:00"));
        ingest.ingest(ALL_DAY, events);
        fold();
        assertEquals("2/2 2/2", counted(Cycle.parse("2026-10-H1").orElseThrow()), "h1-last and cross");
        assertEquals("0/2 1/3", counted(Cycle.parse("2026-10-H2").orElseThrow()),
                "h2-first late (150 s > 120) but its round met (150 s <= 180); oct-last missed; cross's 2nd round 210 s: late");
        assertEquals("1/1 1/1", counted(Cycle.parse("2026-11-H1").orElseThrow()));
        assertEquals("1/1 1/1", counted(Cycle.parse("2027-02-H2").orElseThrow()));
        assertEquals("1/1 1/1", counted(Cycle.parse("2027-03-H1").orElseThrow()));
        assertEquals("0/1 0/1", counted(Cycle.parse("2028-02-H2").orElseThrow()));

        // closing October H2 (the job runs on 1 Nov 00:30) freezes exactly these figures
        clock.set(at("2026-11-01T00:30:00"));
        var check = new CloseKpiCycles(conversations, kpis, new FoldKpiCounters(conversations, kpis, clock), (r, revision) -> { }, clock)
                .check(DEMO, Cycle.parse("2026-10-H2").orElseThrow(), true);
        assertTrue(check.drift().isEmpty(), () -> check.drift().toString());
        assertEquals(2, check.report().firstReply2Min().total());
        assertEquals(3, check.report().reply3Min().total());
    }

    @Test
    void unitsOutsideTheAssessedHoursDoNotCount() {
        // DEMO_MERCHANT: the platform's default hours, [08:00, 23:00) China time
        List<RawEvent> events = new ArrayList<>();
        events.addAll(chat("early", "2026-10-05T07:59:59", null));
        events.addAll(chat("first", "2026-10-05T08:00:00", 30));
        events.addAll(chat("lastin", "2026-10-05T22:59:59", 30));
        events.addAll(chat("late", "2026-10-05T23:00:00", null));
        clock.set(at("2026-10-06T12:00:00"));
        ingest.ingest(DEMO_MERCHANT, events);
        fold();
        assertEquals("2/2 2/2", counted(Cycle.parse("2026-10-H1").orElseThrow(), DEMO_MERCHANT));
    }
}
