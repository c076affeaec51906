package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.KpiReport;
import com.replyguard.kpi.CycleCounters;
import com.replyguard.kpi.KpiFigures;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.KpiStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Use case: a manager reads a cycle's platform metrics (R13-R17) from the KPI counters - a constant
 * number of reads whatever the number of conversations. A closed cycle answers its frozen final
 * figures; a running one the counters as of now, which include every change written before
 * {@code countedThrough} (the fold runs every second).
 */
public final class ReportKpiCounters {
    private final KpiStore kpis;
    private final Clock clock;

    /** The figures of a cycle, with the whole-merchant report, and whether they are final. */
    public record View(KpiReport total, KpiFigures figures, boolean finalReport, Instant countedThrough) {
    }

    public ReportKpiCounters(KpiStore kpis, Clock clock) {
        this.kpis = kpis;
        this.clock = clock;
    }

    public View report(MerchantId merchant, Cycle cycle) {
        CycleCounters counters = kpis.read(merchant, cycle);
        KpiFigures figures = counters.figures(cycle, clock.instant());
        return new View(figures.total(merchant), figures, counters.frozen().isPresent(), counters.countedUntil());
    }

    /** The cycle a report without an explicit one is about: the one running now. */
    public Cycle currentCycle() {
        return Cycle.containing(clock.instant());
    }
}
