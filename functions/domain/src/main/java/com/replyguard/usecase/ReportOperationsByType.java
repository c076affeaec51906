package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.clock.ClockType;
import com.replyguard.kpi.CycleCounters;
import com.replyguard.kpi.KpiFigures;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.KpiStore;
import java.time.Clock;
import java.time.Instant;
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
        List<Group> groups = new java.util.ArrayList<>();
        f.values(groupBy).forEach((key, m) -> {
            if (m.containsKey("op.conv") || m.keySet().stream().anyMatch(k -> k.startsWith("clk."))) {
                groups.add(group(key, m));
            }
        });
        return new Report(merchant, cycle, f.asOf(), counters.countedUntil(), groupBy,
                group("all", f.counts("all")), groups);
    }

    private static Group group(String key, Map<String, Long> m) {
        long firstN = m.getOrDefault("op.first.n", 0L);
        long roundN = m.getOrDefault("op.round.n", 0L);
        long received = m.getOrDefault("op.round.recv", 0L);
        SortedMap<ClockType, Timeouts> byClock = new TreeMap<>();
        long clocks = 0;
        long breached = 0;
        for (ClockType type : ClockType.values()) {
            long n = m.getOrDefault("clk." + type.name() + ".n", 0L);
            if (n > 0) {
                long late = m.getOrDefault("clk." + type.name() + ".late", 0L);
                byClock.put(type, new Timeouts(n, late));
                clocks += n;
                breached += late;
            }
        }
        return new Group(key, m.getOrDefault("op.conv", 0L),
                firstN == 0 ? null : m.getOrDefault("op.first.ms", 0L) / 1000.0 / firstN,
                roundN == 0 ? null : m.getOrDefault("op.round.ms", 0L) / 1000.0 / roundN, received,
                received == 0 ? null : (double) m.getOrDefault("op.round.answered", 0L) / received, new Timeouts(clocks, breached),
                new LinkedHashMap<>(byClock));
    }
}
