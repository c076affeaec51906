package com.replyguard.kpi;

import com.replyguard.assessment.Cycle;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sparse vector of KPI counts - counter key (stored form, {@link CounterKey}) to count - and
 * its algebra: what one conversation adds to the counters ({@link ConversationVector}), the
 * difference between two versions of it, and the counters themselves, which are sums of vectors.
 * A pending key ({@code …@epochMillis}) adds to its plain metric only once its instant has passed,
 * so counters built by adding vectors equal a recomputation from the stored conversations, to the
 * unit, at any instant. Zero counts are never held.
 */
public record KpiVector(SortedMap<String, Long> counts) {

    public KpiVector {
        TreeMap<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (v != 0) {
                copy.put(k, v);
            }
        });
        counts = Collections.unmodifiableSortedMap(copy);
    }

    public static KpiVector empty() {
        return new KpiVector(new TreeMap<>());
    }

    /** Collects counts under typed keys; adding 0 adds nothing. */
    public static final class Builder {
        private final TreeMap<String, Long> counts = new TreeMap<>();

        public Builder add(CounterKey key, long value) {
            if (value != 0) {
                counts.merge(key.encode(), value, Long::sum);
            }
            return this;
        }

        public KpiVector build() {
            return new KpiVector(counts);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** This vector minus {@code other}, key by key (what turning {@code other} into this adds to counters). */
    public KpiVector minus(KpiVector other) {
        TreeMap<String, Long> d = new TreeMap<>(counts);
        other.counts.forEach((k, v) -> d.merge(k, -v, Long::sum));
        return new KpiVector(d);
    }

    /** The sum of many vectors, added into one map (not a copy per vector). */
    public static KpiVector sum(Iterable<KpiVector> vectors) {
        TreeMap<String, Long> d = new TreeMap<>();
        for (KpiVector v : vectors) {
            v.counts.forEach((k, x) -> d.merge(k, x, Long::sum));
        }
        return new KpiVector(d);
    }

    public KpiVector plus(KpiVector other) {
        TreeMap<String, Long> d = new TreeMap<>(counts);
        other.counts.forEach((k, v) -> d.merge(k, v, Long::sum));
        return new KpiVector(d);
    }

    /** The part of this vector that belongs to one cycle, by cycle (every key decoded: an unreadable one is refused). */
    public SortedMap<Cycle, KpiVector> byCycle() {
        TreeMap<Cycle, TreeMap<String, Long>> parts = new TreeMap<>();
        counts.forEach((k, v) -> parts.computeIfAbsent(CounterKey.decode(k).cycle(), c -> new TreeMap<>()).put(k, v));
        TreeMap<Cycle, KpiVector> out = new TreeMap<>();
        parts.forEach((c, m) -> out.put(c, new KpiVector(m)));
        return out;
    }

    /**
     * The same counts with every pending key whose instant is before {@code settledBefore} folded
     * into its plain key. Both forms read the same at any instant after {@code settledBefore}, so
     * counters may store either; the plain form keeps them small.
     */
    public KpiVector settled(Instant settledBefore) {
        TreeMap<String, Long> d = new TreeMap<>();
        counts.forEach((k, v) -> {
            CounterKey key = CounterKey.decode(k);
            boolean past = key.isPending() && key.pendingUntil().isBefore(settledBefore);
            d.merge(past ? key.settled().encode() : k, v, Long::sum);
        });
        return new KpiVector(d);
    }
}
