package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.chat;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.KpiReport;
import com.replyguard.assessment.Verdict;
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
 * Backfilling history is supported: a cycle whose events arrive after its close is closed again
 * (docs/decisions/0009). A merchant loading last month's history on its first day sees last month's
 * true figures, final; more history later makes a new revision, announced again; a close missed
 * while the system was down is made by the daily job. Hand-computed figures.
 */
class BackfillAfterCloseTest {
    private static final Merchant ALL_DAY = new Merchant(DEMO, List.of("s"),
            "backfill-customer-hash-key".getBytes(StandardCharsets.UTF_8), AssessedHours.ALL_DAY);
    private static final Cycle OCT_H2 = Cycle.parse("2026-10-H2").orElseThrow();

    private final MutableClock clock = new MutableClock(at("2026-11-05T10:00:00"));
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final InMemoryKpiStore kpis = new InMemoryKpiStore();
    private final IngestEventBatch ingest = new IngestEventBatch(conversations, new InMemoryBreachStore(), clock);
    private final FoldKpiCounters fold = new FoldKpiCounters(conversations, kpis, clock);
    private final List<String> announced = new ArrayList<>();
    private final CloseKpiCycles cycles = new CloseKpiCycles(conversations, kpis, fold,
            (r, revision) -> announced.add(r.cycle() + " r" + revision + " " + figures(r)), clock);
    private final ReportKpiCounters reports = new ReportKpiCounters(kpis, clock);

    private static String figures(KpiReport r) {
        return r.firstReply2Min().met() + "/" + r.firstReply2Min().total();
    }

    private void pass() {
        clock.advance(Duration.ofSeconds(2));
        fold.pass();
    }

    @Test
    void historyLoadedOnTheFirstDay_isClosedOnceQuiet_finalAndTrue() {
        // 5 Nov, the merchant's first day: October's second half arrives (3 met of 4 first replies: 75 %)
        List<RawEvent> history = new ArrayList<>();
        history.addAll(chat("o1", "2026-10-20T10:00:00", 30));
        history.addAll(chat("o2", "2026-10-21T10:00:00", 50));
        history.addAll(chat("o3", "2026-10-22T10:00:00", 90));
        history.addAll(chat("o4", "2026-10-23T10:00:00", 200));
        ingest.ingest(ALL_DAY, history);
        pass();
        assertEquals(1, kpis.changedAfterClose().size(), "the fold noted a change to a cycle past its close time");
        assertFalse(reports.report(DEMO, OCT_H2).finalReport(), "counted, not yet closed");

        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), cycles.recloseChanged(), "a backfill in progress: wait until quiet");

        clock.advance(CloseKpiCycles.QUIET_BEFORE_RECLOSE);
        var checks = cycles.recloseChanged();
        assertEquals(1, checks.size());
        var view = reports.report(DEMO, OCT_H2);
        assertTrue(view.finalReport(), "a past cycle with its history in is final");
        assertEquals("3/4", figures(view.total()));
        assertEquals(Verdict.BARRED, view.total().verdict(), "75 % < 85 %: October's verdict was barred");
        assertEquals(List.of("2026-10-H2 r1 3/4"), announced);
        assertEquals(List.of(), kpis.changedAfterClose());
        assertEquals(List.of(), cycles.recloseChanged(), "nothing changed since: nothing to do");
        assertEquals(1, announced.size());
    }

    @Test
    void moreHistoryLater_makesTheNextRevision_stillFinal_announcedAgain() {
        ingest.ingest(ALL_DAY, chat("o1", "2026-10-20T10:00:00", 30));
        pass();
        clock.advance(CloseKpiCycles.QUIET_BEFORE_RECLOSE.plusSeconds(1));
        cycles.recloseChanged();
        assertEquals(List.of("2026-10-H2 r1 1/1"), announced);

        // the next day the rest of October arrives: one late first reply
        clock.advance(Duration.ofDays(1));
        ingest.ingest(ALL_DAY, chat("o2", "2026-10-25T10:00:00", 300));
        pass();
        assertEquals("1/1", figures(reports.report(DEMO, OCT_H2).total()), "until re-closed the final figures stand");
        clock.advance(CloseKpiCycles.QUIET_BEFORE_RECLOSE.plusSeconds(1));
        cycles.recloseChanged();
        assertEquals(List.of("2026-10-H2 r1 1/1", "2026-10-H2 r2 1/2"), announced);
        var view = reports.report(DEMO, OCT_H2);
        assertTrue(view.finalReport());
        assertEquals("1/2", figures(view.total()));
        assertEquals(2, kpis.read(DEMO, OCT_H2).frozen().orElseThrow().revision());
    }

    @Test
    void aChangeToTheRunningCycle_isNoReasonToReclose() {
        ingest.ingest(ALL_DAY, chat("n1", "2026-11-05T09:00:00", 30));
        pass();
        assertEquals(List.of(), kpis.changedAfterClose());
    }

    @Test
    void aCloseMissedWhileDown_isMadeByTheDailyJob_once() {
        // counted live during October's second half, then the system was down over the 1 Nov close
        clock.set(at("2026-10-25T12:00:00"));
        ingest.ingest(ALL_DAY, chat("o1", "2026-10-25T11:00:00", 30));
        ingest.ingest(ALL_DAY, chat("o2", "2026-10-25T11:30:00", 150));
        pass();
        assertEquals(List.of(), kpis.changedAfterClose(), "a running cycle");
        clock.set(at("2026-11-20T00:15:00"));
        cycles.daily();
        assertEquals(List.of("2026-10-H2 r1 1/2"), announced, "the missed close, made by the first daily run back");
        assertTrue(reports.report(DEMO, OCT_H2).finalReport());
        cycles.daily();
        assertEquals(1, announced.size(), "the next day: nothing more");
    }

    @Test
    void theDailyJob_leavesACycleBeforeItsCloseTime_open() {
        clock.set(at("2026-10-31T23:50:00"));
        ingest.ingest(ALL_DAY, chat("o1", "2026-10-31T23:40:00", 30));
        pass();
        clock.set(at("2026-11-01T00:15:00"));
        cycles.daily();
        assertEquals(List.of(), announced, "October's second half closes at 00:30, not at the 00:15 check");
        assertFalse(reports.report(DEMO, OCT_H2).finalReport());
    }
}
