package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.kpi.ChangedAfterClose;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.kpi.Fold;
import com.replyguard.kpi.KpiVector;
import com.replyguard.kpi.SetAside;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.KpiStore;
import com.replyguard.ports.Pacer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * Use case (KPI λ): keeps the counters equal to the sum of the conversations' KPI vectors. A pass
 * reads each shard's change feed since its watermark, and for every conversation whose written
 * version is newer than its ledger entry adds (new vector − counted vector) to the counters.
 *
 * <p>Exactly once, without transactions: a fold is first written as the shard's journal (a
 * conditional write that also makes one folder per shard win), then applied - each counter item
 * remembers the last fold sequence it received, so a repeated apply adds nothing - then the ledger
 * is written and the journal removed. A crash anywhere is finished by the next pass; a duplicate
 * or reordered change is recognised by its version against the ledger. A conversation whose vector
 * cannot be counted is set aside ({@link SetAside}) instead of failing the pass, so it never holds
 * back the watermark or the counting of any other conversation.
 */
public final class FoldKpiCounters {
    /** How long a change may take to appear in the feed (a GSI is eventually consistent): the watermark stays this far behind. */
    public static final Duration SETTLE = Duration.ofSeconds(1);
    /** Each pass re-reads this much before the watermark, so a change the feed showed late is still found. */
    public static final Duration OVERLAP = Duration.ofSeconds(10);
    /** With nothing to count, the watermark is written at most this often. */
    public static final Duration IDLE_ADVANCE = Duration.ofSeconds(2);
    /** Conversations per fold: keeps the journal far below DynamoDB's 400 KB item limit. */
    public static final int MAX_PER_FOLD = 40;
    private static final int CACHE_LIMIT = 100_000;

    private final ConversationStore conversations;
    private final KpiStore kpis;
    private final Clock clock;
    private final Consumer<SetAside> monitor;
    /** Versions this instance has counted or set aside (saves re-reading the ledger for the overlap). */
    private final Map<String, Long> counted = new HashMap<>();

    public FoldKpiCounters(ConversationStore conversations, KpiStore kpis, Clock clock) {
        this(conversations, kpis, clock, s -> { });
    }

    /** With the monitor told of every conversation set aside (in AWS: a log line, its metric and alarm). */
    public FoldKpiCounters(ConversationStore conversations, KpiStore kpis, Clock clock, Consumer<SetAside> monitor) {
        this.conversations = conversations;
        this.kpis = kpis;
        this.clock = clock;
        this.monitor = monitor;
    }

    /** How often the KPI λ's minute passes over the shards (each change is counted within about this, plus SETTLE). */
    public static final Duration PASS_EVERY = Duration.ofSeconds(1);

    /**
     * The KPI λ's minute: a pass about every {@link #PASS_EVERY} until {@code window} has passed (at
     * least one pass; a pass longer than the period is followed by the next at once). Answers how many
     * conversation versions it counted.
     */
    public int runFor(Duration window, Pacer pacer) throws InterruptedException {
        Instant end = clock.instant().plus(window);
        int counted = 0;
        while (true) {
            Instant started = clock.instant();
            counted += pass();
            Instant now = clock.instant();
            Instant next = started.plus(PASS_EVERY).isAfter(now) ? started.plus(PASS_EVERY) : now;
            if (next.isAfter(end)) {
                return counted;
            }
            pacer.sleepUntil(next);
        }
    }

    /** One pass over every shard; answers how many conversation versions it counted. */
    public int pass() {
        int n = 0;
        for (int shard = 0; shard < Fold.SHARDS; shard++) {
            n += pass(shard);
        }
        return n;
    }

    int pass(int shard) {
        Instant now = clock.instant();
        Fold.State state = finishPending(kpis.foldState(shard));
        Instant through = now.minus(SETTLE);
        Instant from = state.countedThrough() == null ? Instant.EPOCH : state.countedThrough().minus(OVERLAP);
        List<ConversationKpi> changes = new ArrayList<>();
        for (ConversationKpi c : latest(conversations.kpiChanges(shard, from, through))) {
            Long known = counted.get(c.key());
            if (known == null || known < c.version()) {
                changes.add(c);
            }
        }
        boolean advance = !changes.isEmpty() || state.countedThrough() == null
                || !state.countedThrough().plus(IDLE_ADVANCE).isAfter(through);
        return fold(shard, state, changes, advance ? through : null, now, true);
    }

    /**
     * Counts these conversations now, whatever the feed showed (the daily and closing jobs' catch-up);
     * the watermarks stay where they are.
     */
    public int catchUp(Collection<ConversationKpi> all) {
        return catchUp(all, true);
    }

    /**
     * As {@link #catchUp(Collection)}; {@code noteLateChanges} false when the caller is closing the
     * cycle itself (its figures include what is caught up here, so no re-close is needed).
     */
    public int catchUp(Collection<ConversationKpi> all, boolean noteLateChanges) {
        Map<Integer, List<ConversationKpi>> byShard = new HashMap<>();
        for (ConversationKpi c : latest(all)) {
            byShard.computeIfAbsent(Fold.shardOf(c.key()), s -> new ArrayList<>()).add(c);
        }
        int n = 0;
        for (var e : byShard.entrySet()) {
            n += fold(e.getKey(), finishPending(kpis.foldState(e.getKey())), e.getValue(), null, clock.instant(), noteLateChanges);
        }
        return n;
    }

    private Fold.State finishPending(Fold.State state) {
        Fold pending = state.pending();
        if (pending == null) {
            return state;
        }
        applyAndEnd(pending, clock.instant(), true);
        return new Fold.State(pending.seq(), pending.through() != null ? pending.through() : state.countedThrough(), null);
    }

    private int fold(int shard, Fold.State state, List<ConversationKpi> changes, Instant through, Instant now,
            boolean noteLateChanges) {
        long seq = state.seq();
        int n = 0;
        int chunks = Math.max(1, (changes.size() + MAX_PER_FOLD - 1) / MAX_PER_FOLD);
        for (int i = 0; i < chunks; i++) {
            List<ConversationKpi> chunk = changes.subList(i * MAX_PER_FOLD, Math.min(changes.size(), (i + 1) * MAX_PER_FOLD));
            Map<String, ConversationKpi> ledger = chunk.isEmpty() ? Map.of() : kpis.counted(chunk);
            Map<MerchantId, Map<Cycle, KpiVector>> deltas = new LinkedHashMap<>();
            List<ConversationKpi> ledgers = new ArrayList<>();
            for (ConversationKpi c : chunk) {
                ConversationKpi before = ledger.get(c.key());
                if (before != null && before.version() >= c.version()) {
                    counted.put(c.key(), before.version());
                    continue;
                }
                if (before == null && c.vector().isEmpty()) {
                    continue; // never counted anything, and nothing to count
                }
                SortedMap<Cycle, KpiVector> parts;
                try {
                    // pending keys already past are stored settled: same reading, smaller counters
                    parts = c.vector().minus(before == null ? KpiVector.empty() : before.vector()).settled(now).byCycle();
                } catch (RuntimeException unreadable) {
                    // one conversation that cannot be counted must never stop the others: set it aside, report it
                    setAside(c, unreadable, now);
                    continue;
                }
                parts.forEach((cycle, part) -> deltas.computeIfAbsent(c.merchant(), m -> new LinkedHashMap<>())
                        .merge(cycle, part, KpiVector::plus));
                ledgers.add(c);
            }
            Instant chunkThrough = i == chunks - 1 ? through : null;
            if (ledgers.isEmpty() && chunkThrough == null) {
                continue;
            }
            List<Fold.CounterDelta> counters = new ArrayList<>();
            deltas.forEach((m, byCycle) -> byCycle.forEach((cycle, d) -> {
                if (!d.isEmpty()) {
                    counters.add(new Fold.CounterDelta(m, cycle, d));
                }
            }));
            Fold fold = new Fold(shard, seq + 1, chunkThrough, counters, ledgers);
            if (!kpis.begin(fold, seq)) {
                return n; // another folder is working on this shard; it will count these
            }
            applyAndEnd(fold, now, noteLateChanges);
            seq++;
            n += ledgers.size();
        }
        return n;
    }

    /**
     * Applies a journaled fold and ends it. A change to a cycle past its close time is noted first,
     * so its close is run again even if this folder dies right after applying.
     */
    private void applyAndEnd(Fold fold, Instant now, boolean noteLateChanges) {
        if (noteLateChanges) {
            for (Fold.CounterDelta d : fold.counters()) {
                if (!now.isBefore(d.cycle().closesAt())) {
                    kpis.changedAfterClose(new ChangedAfterClose(d.merchant(), d.cycle(), now));
                }
            }
        }
        kpis.apply(fold);
        kpis.end(fold);
        remember(fold);
    }

    private void setAside(ConversationKpi c, RuntimeException failure, Instant now) {
        SetAside s = new SetAside(c.merchant(), c.conversation(), c.version(),
                failure.getClass().getSimpleName() + ": " + failure.getMessage(), now);
        kpis.setAside(s);
        counted.put(c.key(), c.version());
        monitor.accept(s);
    }

    private void remember(Fold fold) {
        if (counted.size() > CACHE_LIMIT) {
            counted.clear();
        }
        fold.ledgers().forEach(c -> counted.merge(c.key(), c.version(), Math::max));
    }

    /** The latest version of each conversation among {@code changes}. */
    private static List<ConversationKpi> latest(Collection<ConversationKpi> changes) {
        Map<String, ConversationKpi> latest = new LinkedHashMap<>();
        for (ConversationKpi c : changes) {
            latest.merge(c.key(), c, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return new ArrayList<>(latest.values());
    }
}
