package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.kpi.KpiFigures;
import com.replyguard.kpi.KpiVector;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.KpiStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Use case: the after-sales report of a cycle (R24-R28), read from the KPI counters (constant
 * cost): incidence per category and subtype, processing time, return/exchange wait against 12 h,
 * warranty (product quality) completion within 48 h against 90%, complaint rate, complaint
 * resolution satisfaction against 85% and average rating against 4.8, each with the previous
 * cycle's figure for the trend (R28). Definitions and a worked example: docs/metrics.md.
 */
public final class ReportAfterSales {
    public static final double RETURN_WAIT_TARGET_HOURS = 12;
    public static final double WARRANTY_TARGET = 0.90;
    public static final double COMPLAINT_SATISFACTION_TARGET = 0.85;
    public static final double COMPLAINT_RATING_TARGET = 4.8;

    private final KpiStore kpis;

    public ReportAfterSales(KpiStore kpis) {
        this.kpis = kpis;
    }

    /** Counts of one group of cases. */
    public record Tally(long cases, long suggested, long resolved, long processingMillis, long within12h, long within48h,
            long rated, long satisfied, long stars) {

        static Tally of(Map<String, Long> m) {
            return new Tally(m.getOrDefault("as.n", 0L), m.getOrDefault("as.suggested", 0L),
                    m.getOrDefault("as.resolved", 0L), m.getOrDefault("as.procMs", 0L), m.getOrDefault("as.in12h", 0L),
                    m.getOrDefault("as.in48h", 0L), m.getOrDefault("as.rated", 0L), m.getOrDefault("as.sat", 0L),
                    m.getOrDefault("as.stars", 0L));
        }

        Tally plus(Tally o) {
            return new Tally(cases + o.cases, suggested + o.suggested, resolved + o.resolved,
                    processingMillis + o.processingMillis, within12h + o.within12h, within48h + o.within48h,
                    rated + o.rated, satisfied + o.satisfied, stars + o.stars);
        }

        /** Average hours from the human clock start to the last resolution, over resolved cases; null without any. */
        public Double averageProcessingHours() {
            return resolved == 0 ? null : processingMillis / 3_600_000.0 / resolved;
        }

        public Double satisfaction() {
            return rated == 0 ? null : (double) satisfied / rated;
        }

        public Double averageRating() {
            return rated == 0 ? null : (double) stars / rated;
        }

        /** Share of all cases resolved within 48 h (unresolved cases count as not completed); null without cases. */
        public Double completedWithin48h() {
            return cases == 0 ? null : (double) within48h / cases;
        }
    }

    /** One cycle's figures. */
    public record Figures(Cycle cycle, long conversations, Tally all, Map<String, Tally> byCategory,
            Map<AfterSalesCategory, Tally> bySubtype) {

        /** Cases per 1,000 conversations; null without conversations. */
        public Double incidencePerThousand(Tally t) {
            return conversations == 0 ? null : t.cases() * 1000.0 / conversations;
        }

        public Tally returns() {
            return byCategory.getOrDefault("RETURN", EMPTY);
        }

        public Tally warranty() {
            return byCategory.getOrDefault("PRODUCT_QUALITY", EMPTY);
        }

        public Tally complaints() {
            return byCategory.getOrDefault("SERVICE", EMPTY);
        }

        /** Customer-service complaints (R24 category 5) per conversation; null without conversations. */
        public Double complaintRate() {
            return conversations == 0 ? null : (double) complaints().cases() / conversations;
        }
    }

    /** {@code countedThrough}: the current cycle's counters include every write before it (as in the KPI report). */
    public record Report(MerchantId merchant, Figures current, Figures previous, java.time.Instant countedThrough) {
    }

    static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Report report(MerchantId merchant, Cycle cycle) {
        var counters = kpis.read(merchant, cycle);
        return new Report(merchant, figures(cycle, counters), figures(cycle.previous(), kpis.read(merchant, cycle.previous())),
                counters.frozen().map(f -> f.closedAt()).orElse(counters.countedThrough()));
    }

    private static Figures figures(Cycle cycle, com.replyguard.kpi.CycleCounters counters) {
        // after-sales counts have no pending units: the figures at any instant are the same
        KpiFigures f = counters.figures(cycle, Instant.EPOCH);
        long conversations = f.counts(KpiVector.ALL).getOrDefault("conv.n", 0L);
        Map<String, Map<String, Long>> cases = f.values("case");
        Map<AfterSalesCategory, Tally> bySubtype = new LinkedHashMap<>();
        Map<String, Tally> byCategory = new LinkedHashMap<>();
        Tally all = EMPTY;
        for (AfterSalesCategory subtype : AfterSalesCategory.values()) {
            Map<String, Long> m = cases.get(subtype.name());
            if (m == null) {
                continue;
            }
            Tally t = Tally.of(m);
            bySubtype.put(subtype, t);
            byCategory.merge(KpiVector.topCategory(subtype), t, Tally::plus);
            all = all.plus(t);
        }
        return new Figures(cycle, conversations, all, byCategory, bySubtype);
    }
}
