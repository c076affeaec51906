package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.KpiReport;
import com.replyguard.kpi.ChangedAfterClose;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Use case (KPI λ, EventBridge Scheduler cron in Asia/Shanghai): the daily check and the cycle
 * close (R16, R17). Each recomputes a merchant's cycle from the stored conversations, first counts
 * any conversation the live fold missed, and reports the drift between counters and recomputation
 * (which must be empty). Closing a cycle then freezes the recomputed figures ({@code final}) and
 * announces CycleClosed with pass/fail per metric. A cycle whose history changes after its close
 * (a backfill) is closed again: the new figures are its next revision, still final. Repeating any
 * of them changes nothing.
 */
public final class CloseKpiCycles {
    private final ConversationStore conversations;
    private final KpiStore kpis;
    private final FoldKpiCounters fold;
    private final CyclePublisher publisher;
    private final Clock clock;

    /**
     * The result for one merchant's cycle: the drift found (empty when exact), the figures and, when
     * closed, the revision of the final figures (0 for a check).
     */
    public record Check(MerchantId merchant, Cycle cycle, int conversations, int caughtUp, KpiVector drift,
            KpiReport report, boolean closed, int revision) {
    }

    public CloseKpiCycles(ConversationStore conversations, KpiStore kpis, FoldKpiCounters fold, CyclePublisher publisher,
            Clock clock) {
        this.conversations = conversations;
        this.kpis = kpis;
        this.fold = fold;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Daily: checks the running cycle and the one before it for every merchant with counters, then
     * closes every cycle of the last {@link #CATCH_UP_CYCLES} whose close time has passed and that has
     * counters but no final figures - a close missed while the system was down, or a cycle whose
     * history arrived after it ended. Idempotent: a second run closes nothing more.
     */
    public List<Check> daily() {
        Cycle current = Cycle.containing(clock.instant());
        List<Check> checks = new ArrayList<>();
        for (Cycle cycle : List.of(current.previous(), current)) {
            for (MerchantId m : kpis.merchants(cycle)) {
                checks.add(check(m, cycle, false));
            }
        }
        checks.addAll(closeMissed());
        return checks;
    }

    /** How far back the daily job looks for a close that never happened: a year of cycles. */
    public static final int CATCH_UP_CYCLES = 24;

    /** Closes the cycles of the last {@link #CATCH_UP_CYCLES} past their close time with counters and no final figures. */
    public List<Check> closeMissed() {
        Instant now = clock.instant();
        List<Check> checks = new ArrayList<>();
        Cycle cycle = Cycle.containing(now).previous();
        for (int i = 0; i < CATCH_UP_CYCLES; i++, cycle = cycle.previous()) {
            if (now.isBefore(cycle.closesAt())) {
                continue;
            }
            for (MerchantId m : kpis.merchants(cycle)) {
                if (kpis.read(m, cycle).frozen().isEmpty()) {
                    checks.add(check(m, cycle, true));
                }
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

    /** A cycle changed after its close is closed again once it has had no change for this long (a backfill in progress waits). */
    public static final Duration QUIET_BEFORE_RECLOSE = Duration.ofMinutes(2);

    /**
     * Every few minutes: closes again each cycle whose counters the fold changed after its close
     * time, once quiet for {@link #QUIET_BEFORE_RECLOSE} - history loaded late (a merchant's first
     * day), a customer's report about an old conversation. The close recomputes the cycle; figures
     * that differ from the stored ones become its next revision, still final, announced again.
     */
    public List<Check> recloseChanged() {
        Instant now = clock.instant();
        List<Check> checks = new ArrayList<>();
        for (ChangedAfterClose change : kpis.changedAfterClose()) {
            if (now.isBefore(change.at().plus(QUIET_BEFORE_RECLOSE))) {
                continue;
            }
            checks.add(check(change.merchant(), change.cycle(), true));
            kpis.reclosed(change);
        }
        return checks;
    }

    /**
     * Recomputes one merchant's cycle, catches the counters up, reports drift. {@code close}: store
     * the recomputed figures as final - the first revision, or the next one when they differ from the
     * stored revision - and announce them; the same figures again change nothing.
     */
    public Check check(MerchantId merchant, Cycle cycle, boolean close) {
        if (close && Cycle.containing(clock.instant()).compareTo(cycle) <= 0) {
            throw new IllegalArgumentException("cycle " + cycle + " has not ended yet");
        }
        // a conversation counts in the cycles of its units: those of its human clock start's cycle and the
        // next one (rounds running past a cycle's end)
        List<ConversationKpi> all = new ArrayList<>(conversations.kpiVectors(merchant, cycle.previous()));
        all.addAll(conversations.kpiVectors(merchant, cycle));
        // what a check catches up in a closed cycle is a change after its close; what a close catches up is in its figures
        int caughtUp = fold.catchUp(all, !close);
        Instant now = clock.instant();
        KpiVector truth = recompute(all, cycle).settled(now);
        CycleCounters counters = kpis.read(merchant, cycle);
        KpiVector drift = truth.minus(counters.counts().settled(now));
        if (!close) {
            return new Check(merchant, cycle, all.size(), caughtUp, drift,
                    new KpiFigures(cycle, now, counters.counts().counts()).total(merchant), false, 0);
        }
        CycleCounters.Frozen stored = counters.frozen().orElse(null);
        CycleCounters.Frozen frozen = stored;
        if (stored == null || !stored.counts().equals(truth)) {
            int revision = stored == null ? 1 : stored.revision() + 1;
            frozen = kpis.freeze(merchant, cycle, new CycleCounters.Frozen(now, truth, false, revision));
        }
        KpiReport report = new KpiFigures(cycle, frozen.closedAt(), frozen.counts().counts()).total(merchant);
        if (!frozen.announced()) {
            publisher.cycleClosed(report, frozen.revision());
            kpis.announced(merchant, cycle, frozen.revision());
        }
        return new Check(merchant, cycle, all.size(), caughtUp, drift, report, true, frozen.revision());
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
