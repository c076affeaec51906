package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.assessment.KpiReport;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.AssessmentStore;
import com.replyguard.ports.ConversationStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Use case: the platform metrics of a cycle (R13-R17) as of now, recomputed from the per-cycle
 * indexes (cost grows with the cycle's conversations). The manager API reads the counters instead
 * ({@link ReportKpiCounters}); this independent recomputation is what tests hold them against.
 */
public final class ReportPlatformKpis {
    private final ConversationStore conversations;
    private final AssessmentStore assessments;
    private final Clock clock;

    public ReportPlatformKpis(ConversationStore conversations, AssessmentStore assessments, Clock clock) {
        this.conversations = conversations;
        this.assessments = assessments;
        this.clock = clock;
    }

    public KpiReport report(MerchantId merchant, Cycle cycle) {
        Instant now = clock.instant();
        KpiReport.Tally tally = new KpiReport.Tally(now);
        for (CycleContribution c : conversations.ownCycleContributions(merchant, cycle)) {
            tally.add(c);
        }
        for (CycleContribution c : assessments.contributions(merchant, cycle)) {
            tally.add(c);
        }
        return tally.report(merchant, cycle);
    }

    /** The cycle a report without an explicit one is about: the one running now. */
    public Cycle currentCycle() {
        return Cycle.containing(clock.instant());
    }
}
