package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.clock.ClockType;
import com.replyguard.kpi.CycleCounters;
import com.replyguard.kpi.Dimension;
import com.replyguard.kpi.KpiFigures;
import com.replyguard.kpi.Metric;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.KpiStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Use case: R22 - average response time and timeout rate per channel, per question type (R24
 * category), per channel × question type or per agent (the first replier), read from the KPI counters (constant cost; definitions
 * in docs/metrics.md). Timeout rate per clock: clocks breached ÷ clocks started, in the cycle of
 * each clock's start; a running clock counts as breached once its deadline has passed.
 */
public final class ReportOperationsByType {
    public static final List<String> GROUPINGS = List.of("channel", "category", "channelCategory", "agent");
    private final KpiStore kpis;
    private final Clock clock;

    public ReportOperationsByType(KpiStore kpis, Clock clock) {
        this.kpis = kpis;
        this.clock = clock;
    }

    /** One clock type's timeouts. */
    public record Timeouts(long clocks, long breached) {
        public Double rate() {
            return clocks == 0 ? null : (double) breached / clocks;
        }
    }

    /** One group's figures. */
    public record Group(String key, long conversations, Double averageFirstResponseSeconds, Double averageRoundReplySeconds,
            long rounds, Double replyRate, Timeouts timeouts, Map<ClockType, Timeouts> timeoutsByClock) {
    }

    public record Report(MerchantId merchant, Cycle cycle, Instant asOf, Instant countedThrough, String groupBy, Group all,
            List<Group> groups) {
    }

    public Report report(MerchantId merchant, Cycle cycle, String groupBy) {
        if (!GROUPINGS.contains(groupBy)) {
            throw new IllegalArgumentException("groupBy must be one of " + GROUPINGS);
        }
        CycleCounters counters = kpis.read(merchant, cycle);
        KpiFigures f = counters.figures(cycle, clock.instant());
        Dimension.Family family = Dimension.Family.of(groupBy).orElseThrow();
        List<Group> groups = new ArrayList<>();
        f.values(family).forEach((key, m) -> {
            if (m.has(Metric.CONVERSATIONS_OPERATED) || m.hasClocks()) {
                groups.add(group(key, m));
            }
        });
        return new Report(merchant, cycle, f.asOf(), counters.countedUntil(), groupBy,
                group("all", f.counts(Dimension.ALL)), groups);
    }

    private static Group group(String key, KpiFigures.Counts m) {
        long firstN = m.get(Metric.FIRST_RESPONSES);
        long roundN = m.get(Metric.ROUNDS_TIMED);
        long received = m.get(Metric.ROUNDS_RECEIVED);
        SortedMap<ClockType, Timeouts> byClock = new TreeMap<>();
        long clocks = 0;
        long breached = 0;
        for (ClockType type : ClockType.values()) {
            long n = m.get(Metric.clocksStarted(type));
            if (n > 0) {
                long late = m.get(Metric.clocksLate(type));
                byClock.put(type, new Timeouts(n, late));
                clocks += n;
                breached += late;
            }
        }
        return new Group(key, m.get(Metric.CONVERSATIONS_OPERATED),
                firstN == 0 ? null : m.get(Metric.FIRST_RESPONSE_MILLIS) / 1000.0 / firstN,
                roundN == 0 ? null : m.get(Metric.ROUND_MILLIS) / 1000.0 / roundN, received,
                received == 0 ? null : (double) m.get(Metric.ROUNDS_ANSWERED) / received, new Timeouts(clocks, breached),
                new LinkedHashMap<>(byClock));
    }
}
