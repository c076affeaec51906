package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.KpiReport;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.kpi.CycleCounters;
import com.replyguard.kpi.KpiFigures;
import com.replyguard.kpi.KpiVector;
import com.replyguard.kpi.SetAside;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.CyclePublisher;
import com.replyguard.ports.KpiStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Use case (KPI λ, EventBridge Scheduler cron in Asia/Shanghai): the daily check and the cycle
 * close (R16, R17). Each recomputes a merchant's cycle from the stored conversations, first counts
 * any conversation the live fold missed, and reports the drift between counters and recomputation
 * (which must be empty). Closing a cycle then freezes the recomputed figures ({@code final}) and
 * announces CycleClosed with pass/fail per metric. Repeating either changes nothing.
 */
public final class CloseKpiCycles {
    private final ConversationStore conversations;
    private final KpiStore kpis;
    private final FoldKpiCounters fold;
    private final CyclePublisher publisher;
    private final Clock clock;

    /** The result for one merchant's cycle: the drift found (empty when exact) and the figures. */
    public record Check(MerchantId merchant, Cycle cycle, int conversations, int caughtUp, KpiVector drift,
            KpiReport report, boolean closed) {
    }

    public CloseKpiCycles(ConversationStore conversations, KpiStore kpis, FoldKpiCounters fold, CyclePublisher publisher,
            Clock clock) {
        this.conversations = conversations;
        this.kpis = kpis;
        this.fold = fold;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Daily: checks the running cycle and the one before it for every merchant with counters. */
    public List<Check> daily() {
        Cycle current = Cycle.containing(clock.instant());
        List<Check> checks = new ArrayList<>();
        for (Cycle cycle : List.of(current.previous(), current)) {
            for (MerchantId m : kpis.merchants(cycle)) {
                checks.add(check(m, cycle, false));
            }
        }
        return checks;
    }

    /** The 1st and the 16th: closes the cycle that has just ended, for every merchant with counters. */
    public List<Check> closeEnded() {
        Cycle ended = Cycle.containing(clock.instant()).previous();
        List<Check> checks = new ArrayList<>();
        for (MerchantId m : kpis.merchants(ended)) {
            checks.add(check(m, ended, true));
        }
        return checks;
    }

    /** Recomputes one merchant's cycle, catches the counters up, reports drift; {@code close}: freeze and announce. */
    public Check check(MerchantId merchant, Cycle cycle, boolean close) {
        if (close && Cycle.containing(clock.instant()).compareTo(cycle) <= 0) {
            throw new IllegalArgumentException("cycle " + cycle + " has not ended yet");
        }
        // a conversation counts in the cycles of its units: those of its human clock start's cycle and the
        // next one (rounds running past a cycle's end)
        List<ConversationKpi> all = new ArrayList<>(conversations.kpiVectors(merchant, cycle.previous()));
        all.addAll(conversations.kpiVectors(merchant, cycle));
        int caughtUp = fold.catchUp(all);
        Instant now = clock.instant();
        KpiVector truth = recompute(all, cycle);
        CycleCounters counters = kpis.read(merchant, cycle);
        KpiVector drift = truth.settled(now).minus(counters.counts().settled(now));
        if (!close) {
            return new Check(merchant, cycle, all.size(), caughtUp, drift,
                    new KpiFigures(cycle, now, counters.counts().counts()).total(merchant), false);
        }
        CycleCounters.Frozen frozen = counters.frozen()
                .orElseGet(() -> kpis.freeze(merchant, cycle, new CycleCounters.Frozen(now, truth.settled(now), false)));
        KpiReport report = new KpiFigures(cycle, frozen.closedAt(), frozen.counts().counts()).total(merchant);
        if (!frozen.announced()) {
            publisher.cycleClosed(report);
            kpis.announced(merchant, cycle);
        }
        return new Check(merchant, cycle, all.size(), caughtUp, drift, report, true);
    }

    /**
     * The conversations the fold set aside and has not counted since, for the daily report; a record
     * whose conversation has been counted at that version or later is cleared here.
     */
    public List<SetAside> setAside() {
        List<SetAside> all = kpis.setAside();
        if (all.isEmpty()) {
            return all;
        }
        Map<String, ConversationKpi> ledger = kpis.counted(all.stream()
                .map(s -> new ConversationKpi(s.merchant(), s.conversation(), s.version(), KpiVector.empty())).toList());
        List<SetAside> still = new ArrayList<>();
        for (SetAside s : all) {
            ConversationKpi counted = ledger.get(s.key());
            if (counted != null && counted.version() >= s.version()) {
                kpis.clearSetAside(s.key());
            } else {
                still.add(s);
            }
        }
        return still;
    }

    /**
     * The sum of the conversations' vectors, restricted to one cycle. A vector that cannot be read is
     * left out, as the fold leaves it out of the counters (it is set aside there and reported).
     */
    static KpiVector recompute(List<ConversationKpi> all, Cycle cycle) {
        List<KpiVector> parts = new ArrayList<>();
        for (ConversationKpi c : all) {
            KpiVector part;
            try {
                part = c.vector().byCycle().get(cycle);
            } catch (RuntimeException unreadable) {
                continue;
            }
            if (part != null) {
                parts.add(part);
            }
        }
        return KpiVector.sum(parts);
    }

}
