package com.replyguard.usecase;

import com.replyguard.assessment.AfterSalesTargets;
import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.kpi.CycleCounters;
import com.replyguard.kpi.Dimension;
import com.replyguard.kpi.KpiFigures;
import com.replyguard.kpi.Metric;
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

    private final KpiStore kpis;

    public ReportAfterSales(KpiStore kpis) {
        this.kpis = kpis;
    }

    /** Counts of one group of cases. */
    public record Tally(long cases, long suggested, long resolved, long processingMillis, long within12h, long within48h,
            long rated, long satisfied, long stars, long resolvedOnce, long reopened, long reopens) {

        static Tally of(KpiFigures.Counts m) {
            return new Tally(m.get(Metric.CASES), m.get(Metric.CASES_SUGGESTED), m.get(Metric.CASES_RESOLVED),
                    m.get(Metric.PROCESSING_MILLIS), m.get(Metric.RESOLVED_WITHIN_RETURN_WAIT), m.get(Metric.RESOLVED_WITHIN_WARRANTY),
                    m.get(Metric.CASES_RATED), m.get(Metric.CASES_SATISFIED), m.get(Metric.CASE_STARS),
                    m.get(Metric.CASES_RESOLVED_ONCE), m.get(Metric.CASES_REOPENED), m.get(Metric.REOPENS));
        }

        Tally plus(Tally o) {
            return new Tally(cases + o.cases, suggested + o.suggested, resolved + o.resolved,
                    processingMillis + o.processingMillis, within12h + o.within12h, within48h + o.within48h,
                    rated + o.rated, satisfied + o.satisfied, stars + o.stars, resolvedOnce + o.resolvedOnce,
                    reopened + o.reopened, reopens + o.reopens);
        }

        /**
         * R25: the share of cases resolved at least once that the customer sent back to be processed
         * again; null before any resolution.
         */
        public Double reopenRate() {
            return resolvedOnce == 0 ? null : (double) reopened / resolvedOnce;
        }

        /** R28: the share of cases resolved (a reopened case counts once its new round is resolved); null without cases. */
        public Double resolutionRate() {
            return cases == 0 ? null : (double) resolved / cases;
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

    /** One cycle's figures, with each R27 figure judged against its target ({@link AfterSalesTargets}). */
    public record Figures(Cycle cycle, long conversations, Tally all, Map<AfterSalesCategory.Top, Tally> byCategory,
            Map<AfterSalesCategory, Tally> bySubtype) {

        /** Cases per 1,000 conversations; null without conversations. */
        public Double incidencePerThousand(Tally t) {
            return conversations == 0 ? null : t.cases() * 1000.0 / conversations;
        }

        /** A tally's part of all cases; null without cases. */
        public Double share(Tally t) {
            return all.cases() == 0 ? null : (double) t.cases() / all.cases();
        }

        public Tally returns() {
            return byCategory.getOrDefault(AfterSalesCategory.Top.RETURN, EMPTY);
        }

        public Tally warranty() {
            return byCategory.getOrDefault(AfterSalesCategory.Top.PRODUCT_QUALITY, EMPTY);
        }

        public Tally complaints() {
            return byCategory.getOrDefault(AfterSalesCategory.Top.SERVICE, EMPTY);
        }

        /** R27: returns settled within 12 h on average; null without a resolved return. */
        public Boolean returnWaitPasses() {
            return AfterSalesTargets.returnWaitPasses(returns().averageProcessingHours());
        }

        /** R27: 90% of warranty cases completed within 48 h; null without warranty cases. */
        public Boolean warrantyPasses() {
            return AfterSalesTargets.warrantyPasses(warranty().within48h(), warranty().cases());
        }

        /** R27: complaint resolution satisfaction 85%; null without rated complaints. */
        public Boolean complaintSatisfactionPasses() {
            return AfterSalesTargets.complaintSatisfactionPasses(complaints().satisfaction());
        }

        /** R27: the complaints' average rating 4.8; null without rated complaints. */
        public Boolean complaintRatingPasses() {
            return AfterSalesTargets.complaintRatingPasses(complaints().averageRating());
        }

        /** Customer-service complaints (R24 category 5) per conversation; null without conversations. */
        public Double complaintRate() {
            return conversations == 0 ? null : (double) complaints().cases() / conversations;
        }
    }

    /** {@code countedThrough}: the current cycle's counters include every write before it (as in the KPI report). */
    public record Report(MerchantId merchant, Figures current, Figures previous, Instant countedThrough) {
    }

    static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Report report(MerchantId merchant, Cycle cycle) {
        var counters = kpis.read(merchant, cycle);
        return new Report(merchant, figures(cycle, counters), figures(cycle.previous(), kpis.read(merchant, cycle.previous())),
                counters.frozen().map(f -> f.closedAt()).orElse(counters.countedThrough()));
    }

    static Figures figures(Cycle cycle, CycleCounters counters) {
        // after-sales counts have no pending units: the figures at any instant are the same
        KpiFigures f = counters.figures(cycle, Instant.EPOCH);
        long conversations = f.counts(Dimension.ALL).get(Metric.CONVERSATIONS);
        Map<String, KpiFigures.Counts> cases = f.values(Dimension.Family.CASE);
        Map<AfterSalesCategory, Tally> bySubtype = new LinkedHashMap<>();
        Map<AfterSalesCategory.Top, Tally> byCategory = new LinkedHashMap<>();
        Tally all = EMPTY;
        for (AfterSalesCategory subtype : AfterSalesCategory.values()) {
            KpiFigures.Counts m = cases.get(subtype.name());
            if (m == null) {
                continue;
            }
            Tally t = Tally.of(m);
            bySubtype.put(subtype, t);
            byCategory.merge(subtype.top(), t, Tally::plus);
            all = all.plus(t);
        }
        return new Figures(cycle, conversations, all, byCategory, bySubtype);
    }
}
