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
 * Reads counters (a sum of {@link KpiVector}s) as the platform's metrics of one cycle at an
 * instant: a pending key counts once {@code asOf} is after its instant (R13-R15, docs/metrics.md).
 */
public final class KpiFigures {
    private final Cycle cycle;
    private final Instant asOf;
    /** dimension → metric → count */
    private final SortedMap<String, Map<String, Long>> byDimension = new TreeMap<>();

    public KpiFigures(Cycle cycle, Instant asOf, Map<String, Long> counters) {
        this.cycle = cycle;
        this.asOf = asOf;
        String prefix = cycle + "|";
        counters.forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            String rest = key.substring(prefix.length());
            int bar = rest.lastIndexOf('|');
            String dim = rest.substring(0, bar);
            String metric = rest.substring(bar + 1);
            int at = metric.indexOf('@');
            if (at > 0) {
                if (!asOf.isAfter(Instant.ofEpochMilli(Long.parseLong(metric.substring(at + 1))))) {
                    return;
                }
                metric = metric.substring(0, at);
            }
            byDimension.computeIfAbsent(dim, d -> new TreeMap<>()).merge(metric, value, Long::sum);
        });
    }

    public KpiReport total(MerchantId merchant) {
        return report(merchant, KpiVector.ALL);
    }

    /** The figures of one dimension value, e.g. {@code channel:CS_CHAT}; zeros when it has none. */
    public KpiReport report(MerchantId merchant, String dimension) {
        Map<String, Long> m = byDimension.getOrDefault(dimension, Map.of());
        long frMet = m.getOrDefault("fr.met", 0L);
        long r3Met = m.getOrDefault("r3.met", 0L);
        return new KpiReport(merchant, cycle, asOf,
                new MetricFigure(frMet, frMet + m.getOrDefault("fr.late", 0L), PlatformMetric.FIRST_REPLY_2MIN.target()),
                new MetricFigure(r3Met, r3Met + m.getOrDefault("r3.late", 0L), PlatformMetric.REPLY_3MIN.target()),
                new MetricFigure(m.getOrDefault("sat.met", 0L), m.getOrDefault("sat.rated", 0L),
                        PlatformMetric.SATISFACTION.target()));
    }

    /** Every value of a grouping ({@code agent}, {@code channel} or {@code category}) that has platform units, with its figures. */
    public SortedMap<String, KpiReport> groups(MerchantId merchant, String grouping) {
        SortedMap<String, KpiReport> out = new TreeMap<>();
        for (var e : values(grouping).entrySet()) {
            if (KpiVector.METRICS.stream().anyMatch(e.getValue()::containsKey)) {
                out.put(e.getKey(), report(merchant, grouping + ":" + e.getKey()));
            }
        }
        return out;
    }

    /** Every value of a grouping with its counts as of {@code asOf} (metric → count). */
    public SortedMap<String, Map<String, Long>> values(String grouping) {
        SortedMap<String, Map<String, Long>> out = new TreeMap<>();
        String prefix = grouping + ":";
        byDimension.forEach((dim, m) -> {
            if (dim.startsWith(prefix)) {
                out.put(dim.substring(prefix.length()), m);
            }
        });
        return out;
    }

    /** The counts of one dimension value as of {@code asOf}. */
    public Map<String, Long> counts(String dimension) {
        return byDimension.getOrDefault(dimension, Map.of());
    }

    public Instant asOf() {
        return asOf;
    }

    public Cycle cycle() {
        return cycle;
    }
}
