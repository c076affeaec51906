package com.replyguard.kpi;

import com.replyguard.assessment.Cycle;
import java.time.Instant;
import java.util.Objects;

/**
 * The key of one KPI counter: the cycle it counts in, the dimension, the metric and, for a unit
 * still open, the instant until which it is pending ({@code pendingUntil}: it adds to its metric
 * only once that instant has passed; null for a plain count). The one codec of the stored format
 * {@code cycle|dimension|metric[@epochMillis]}: every key is written and read here.
 *
 * <p>Invariant: decoding an encoded key gives it back; a key naming an unknown cycle, family or
 * metric is refused (never read as zero).
 */
public record CounterKey(Cycle cycle, Dimension dimension, Metric metric, Instant pendingUntil) {
    public CounterKey {
        Objects.requireNonNull(cycle, "cycle");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(metric, "metric");
    }

    public static CounterKey of(Cycle cycle, Dimension dimension, Metric metric) {
        return new CounterKey(cycle, dimension, metric, null);
    }

    public CounterKey pendingUntil(Instant instant) {
        return new CounterKey(cycle, dimension, metric, instant);
    }

    public boolean isPending() {
        return pendingUntil != null;
    }

    /** The plain key this pending key adds to once its instant has passed. */
    public CounterKey settled() {
        return new CounterKey(cycle, dimension, metric, null);
    }

    /** Whether the count is in the figures as of {@code asOf}: plain, or pending until an instant before it. */
    public boolean countsAt(Instant asOf) {
        return pendingUntil == null || asOf.isAfter(pendingUntil);
    }

    public String encode() {
        String plain = cycle + "|" + dimension.encode() + "|" + metric.wireName();
        return pendingUntil == null ? plain : plain + "@" + pendingUntil.toEpochMilli();
    }

    /**
     * The key of its stored form. The cycle is before the first {@code |}, the metric (with its
     * {@code @instant}) after the last: a dimension value such as an agent id may hold {@code |} or
     * {@code @} itself.
     */
    public static CounterKey decode(String key) {
        int first = key.indexOf('|');
        int last = key.lastIndexOf('|');
        if (first < 0 || last == first) {
            throw new IllegalArgumentException("not a KPI counter key: " + key);
        }
        Cycle cycle = Cycle.parse(key.substring(0, first))
                .orElseThrow(() -> new IllegalArgumentException("not a KPI counter key (cycle): " + key));
        String metricText = key.substring(last + 1);
        Instant pending = null;
        int at = metricText.indexOf('@');
        if (at >= 0) {
            try {
                pending = Instant.ofEpochMilli(Long.parseLong(metricText.substring(at + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a KPI counter key (pending instant): " + key);
            }
            metricText = metricText.substring(0, at);
        }
        String name = metricText;
        Metric metric = Metric.of(name).orElseThrow(() -> new IllegalArgumentException("not a KPI counter key (metric '"
                + name + "'): " + key));
        return new CounterKey(cycle, Dimension.decode(key.substring(first + 1, last)), metric, pending);
    }

    @Override
    public String toString() {
        return encode();
    }
}
