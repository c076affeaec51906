package com.replyguard.kpi;

import com.replyguard.assessment.AfterSalesTargets;
import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.Conversation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * R24-R27 in the cycle of the human clock start, every channel: the conversations (the denominator
 * of incidence and complaint rates) under {@code all}, and for a case, under {@code case:<subtype>}:
 * cases, only-suggested cases, resolved cases (a reopened case once its new round is resolved),
 * processing time (human clock start to the last resolution), reopened cases and reopens (R25), cases resolved within the return wait and the warranty limit ({@link AfterSalesTargets}),
 * rated and satisfied (4-5 stars) cases and their stars.
 */
public final class AfterSalesContribution {
    private AfterSalesContribution() {
    }

    static void add(Conversation c, KpiVector.Builder b) {
        Optional<Instant> hcs = c.humanClockStart();
        if (hcs.isEmpty() || c.channel().isEmpty()) {
            return;
        }
        Cycle cycle = Cycle.containing(hcs.get());
        b.add(CounterKey.of(cycle, Dimension.ALL, Metric.CONVERSATIONS), 1);
        Optional<Conversation.AfterSalesCase> kase = c.afterSalesCase();
        if (kase.isEmpty()) {
            return;
        }
        Dimension dim = Dimension.caseOf(kase.get().category());
        b.add(CounterKey.of(cycle, dim, Metric.CASES), 1);
        b.add(CounterKey.of(cycle, dim, Metric.CASES_SUGGESTED), kase.get().suggested() ? 1 : 0);
        // R25: processing ends with the last round's resolution; a reopened case is not resolved until then
        Optional<Instant> resolved = c.caseResolvedAt().filter(t -> !t.isBefore(hcs.get()));
        int reopens = c.reopens();
        boolean resolvedOnce = c.processingRounds().get(0).resolved().isPresent();
        b.add(CounterKey.of(cycle, dim, Metric.CASES_RESOLVED_ONCE), resolvedOnce ? 1 : 0);
        b.add(CounterKey.of(cycle, dim, Metric.CASES_REOPENED), reopens > 0 ? 1 : 0);
        b.add(CounterKey.of(cycle, dim, Metric.REOPENS), reopens);
        if (resolved.isPresent()) {
            Duration took = Duration.between(hcs.get(), resolved.get());
            b.add(CounterKey.of(cycle, dim, Metric.CASES_RESOLVED), 1);
            b.add(CounterKey.of(cycle, dim, Metric.PROCESSING_MILLIS), took.toMillis());
            b.add(CounterKey.of(cycle, dim, Metric.RESOLVED_WITHIN_RETURN_WAIT),
                    AfterSalesTargets.withinReturnWait(took) ? 1 : 0);
            b.add(CounterKey.of(cycle, dim, Metric.RESOLVED_WITHIN_WARRANTY),
                    AfterSalesTargets.withinWarrantyLimit(took) ? 1 : 0);
        }
        c.latestRating().ifPresent(stars -> {
            b.add(CounterKey.of(cycle, dim, Metric.CASES_RATED), 1);
            b.add(CounterKey.of(cycle, dim, Metric.CASES_SATISFIED), stars >= 4 ? 1 : 0);
            b.add(CounterKey.of(cycle, dim, Metric.CASE_STARS), stars);
        });
    }
}
