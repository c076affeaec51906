package com.replyguard.kpi;

import java.time.Instant;
import java.util.Optional;

/**
 * A merchant's counters for one cycle, summed over shards; {@code countedThrough}: every change
 * written before this instant is counted (null: counting has not started); {@code frozen}: the
 * closed cycle's final figures, once the cycle-close job has stored them.
 */
public record CycleCounters(KpiVector counts, Instant countedThrough, Optional<Frozen> frozen) {

    /** A closed cycle's counts as recomputed at {@code closedAt}, never changed afterwards; {@code announced}: CycleClosed sent. */
    public record Frozen(Instant closedAt, KpiVector counts, boolean announced) {
    }
}
