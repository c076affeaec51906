package com.replyguard.kpi;

import com.replyguard.assessment.Cycle;
import java.time.Instant;
import java.util.Optional;

/**
 * A merchant's counters for one cycle, summed over shards; {@code countedThrough}: every change
 * written before this instant is counted (null: counting has not started); {@code frozen}: the
 * closed cycle's final figures, once the cycle-close job has stored them.
 */
public record CycleCounters(KpiVector counts, Instant countedThrough, Optional<Frozen> frozen) {

    /**
     * The figures a report reads: a closed cycle's frozen counts as of its close, else the live
     * counters as of {@code now}.
     */
    public KpiFigures figures(Cycle cycle, Instant now) {
        return frozen.map(f -> new KpiFigures(cycle, f.closedAt(), f.counts().counts()))
                .orElseGet(() -> new KpiFigures(cycle, now, counts.counts()));
    }

    /** Up to when the figures include every write: the close for frozen figures, else {@link #countedThrough}. */
    public Instant countedUntil() {
        return frozen.map(Frozen::closedAt).orElse(countedThrough);
    }

    /**
     * A closed cycle's counts as recomputed at {@code closedAt}; {@code revision} 1 is the close
     * itself, each later one a re-close after history for the cycle arrived (a backfill, a late
     * report); {@code announced}: CycleClosed sent for this revision.
     */
    public record Frozen(Instant closedAt, KpiVector counts, boolean announced, int revision) {
        public Frozen {
            if (revision < 1) {
                throw new IllegalArgumentException("revision starts at 1, got " + revision);
            }
        }
    }
}
