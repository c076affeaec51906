package com.replyguard.kpi;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.KpiReport;
import com.replyguard.assessment.MetricFigure;
import com.replyguard.assessment.PlatformMetric;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads counters (a sum of {@link KpiVector}s) as the figures of one cycle at an instant: a pending
 * key counts once {@code asOf} is after its instant (R13-R15, docs/metrics.md). Every key is read
 * through {@link CounterKey#decode}, and every figure by a typed {@link Metric}.
 */
public final class KpiFigures {
    private final Cycle cycle;
    private final Instant asOf;
    private final SortedMap<Dimension, Counts> byDimension = new TreeMap<>();

    /** The counts of one dimension value, by metric (zero for a metric it has none of). */
    public static final class Counts {
        private final Map<Metric, Long> counts = new TreeMap<>();

        public long get(Metric metric) {
            return counts.getOrDefault(metric, 0L);
        }

        public boolean has(Metric metric) {
            return counts.containsKey(metric);
        }

        /** Whether any of the platform's units, or any clock, is counted here. */
        public boolean hasPlatformUnits() {
            return Metric.PLATFORM.stream().anyMatch(counts::containsKey);
        }

        public boolean hasClocks() {
            return counts.keySet().stream().anyMatch(Metric::countsClocks);
        }

        private void add(Metric metric, long value) {
            counts.merge(metric, value, Long::sum);
        }
    }

    private static final Counts NONE = new Counts();

    public KpiFigures(Cycle cycle, Instant asOf, Map<String, Long> counters) {
        this.cycle = cycle;
        this.asOf = asOf;
        counters.forEach((stored, value) -> {
            CounterKey key = CounterKey.decode(stored);
            if (key.cycle().equals(cycle) && key.countsAt(asOf)) {
                byDimension.computeIfAbsent(key.dimension(), d -> new Counts()).add(key.metric(), value);
            }
        });
    }

    public KpiReport total(MerchantId merchant) {
        return report(merchant, Dimension.ALL);
    }

    /** The platform's figures of one dimension value, e.g. {@code channel:CS_CHAT}; zeros when it has none. */
    public KpiReport report(MerchantId merchant, Dimension dimension) {
        Counts m = counts(dimension);
        long frMet = m.get(Metric.FIRST_REPLY_MET);
        long r3Met = m.get(Metric.ROUND_MET);
        return new KpiReport(merchant, cycle, asOf,
                new MetricFigure(frMet, frMet + m.get(Metric.FIRST_REPLY_LATE), PlatformMetric.FIRST_REPLY_2MIN.target()),
                new MetricFigure(r3Met, r3Met + m.get(Metric.ROUND_LATE), PlatformMetric.REPLY_3MIN.target()),
                new MetricFigure(m.get(Metric.SATISFIED), m.get(Metric.RATED), PlatformMetric.SATISFACTION.target()));
    }

    /** Every value of a family that has platform units, with its figures. */
    public SortedMap<String, KpiReport> groups(MerchantId merchant, Dimension.Family family) {
        SortedMap<String, KpiReport> out = new TreeMap<>();
        values(family).forEach((value, counts) -> {
            if (counts.hasPlatformUnits()) {
                out.put(value, report(merchant, new Dimension(family, value)));
            }
        });
        return out;
    }

    /** Every value of a family with its counts as of {@code asOf}. */
    public SortedMap<String, Counts> values(Dimension.Family family) {
        SortedMap<String, Counts> out = new TreeMap<>();
        byDimension.forEach((dim, m) -> {
            if (dim.family() == family) {
                out.put(dim.value(), m);
            }
        });
        return out;
    }

    /** The counts of one dimension value as of {@code asOf}. */
    public Counts counts(Dimension dimension) {
        return byDimension.getOrDefault(dimension, NONE);
    }

    public Instant asOf() {
        return asOf;
    }

    public Cycle cycle() {
        return cycle;
    }
}
