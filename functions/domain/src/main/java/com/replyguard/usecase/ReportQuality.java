package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.kpi.CycleCounters;
import com.replyguard.kpi.Dimension;
import com.replyguard.kpi.KpiFigures;
import com.replyguard.kpi.Metric;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.KpiStore;
import com.replyguard.time.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case (R28): the monthly quality review - resolution rate, satisfaction, response times and
 * complaint rate of a month (its two cycles, read from the KPI counters: a constant number of reads),
 * each beside the previous months' for the trend. Definitions: docs/metrics.md.
 */
public final class ReportQuality {
    /** How many months before the asked one the trend shows. */
    public static final int TREND_MONTHS = 5;

    private final KpiStore kpis;
    private final Clock clock;

    public ReportQuality(KpiStore kpis, Clock clock) {
        this.kpis = kpis;
        this.clock = clock;
    }

    /**
     * One month's figures; a rate or average is null when nothing counts for it. {@code cases},
     * {@code resolved}: after-sales cases whose human clock start lies in the month, and those resolved
     * (a reopened case once solved again); {@code rated}, {@code satisfied}: the platform's rated
     * conversations; response times are the operations report's (R18); complaints are customer-service
     * complaints (R24 category 5) per conversation.
     */
    public record Month(YearMonth month, long conversations, long cases, long resolved, long rated, long satisfied,
            long firstResponses, long firstResponseMillis, long roundsTimed, long roundMillis, long complaints) {

        public Double resolutionRate() {
            return cases == 0 ? null : (double) resolved / cases;
        }

        public Double satisfaction() {
            return rated == 0 ? null : (double) satisfied / rated;
        }

        public Double averageFirstResponseSeconds() {
            return firstResponses == 0 ? null : firstResponseMillis / 1000.0 / firstResponses;
        }

        public Double averageRoundReplySeconds() {
            return roundsTimed == 0 ? null : roundMillis / 1000.0 / roundsTimed;
        }

        public Double complaintRate() {
            return conversations == 0 ? null : (double) complaints / conversations;
        }

        Month plus(Month o) {
            return new Month(month, conversations + o.conversations, cases + o.cases, resolved + o.resolved, rated + o.rated,
                    satisfied + o.satisfied, firstResponses + o.firstResponses, firstResponseMillis + o.firstResponseMillis,
                    roundsTimed + o.roundsTimed, roundMillis + o.roundMillis, complaints + o.complaints);
        }
    }

    /** The month asked for, the {@link #TREND_MONTHS} before it (oldest first), and up to when the asked month is counted. */
    public record Review(MerchantId merchant, Month month, List<Month> trend, Instant countedThrough) {
    }

    /** The month a review without an explicit one is about: the one running now, China time. */
    public YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atOffset(ChinaTime.ZONE));
    }

    public Review review(MerchantId merchant, YearMonth month) {
        Instant now = clock.instant();
        List<Month> trend = new ArrayList<>();
        for (int back = TREND_MONTHS; back >= 1; back--) {
            trend.add(month(merchant, month.minusMonths(back), now).month());
        }
        Read asked = month(merchant, month, now);
        return new Review(merchant, asked.month(), trend, asked.countedThrough());
    }

    private record Read(Month month, Instant countedThrough) {
    }

    private Read month(MerchantId merchant, YearMonth month, Instant now) {
        Month total = new Month(month, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Instant through = null;
        for (Cycle.Half half : Cycle.Half.values()) {
            Cycle cycle = new Cycle(month, half);
            CycleCounters counters = kpis.read(merchant, cycle);
            KpiFigures f = counters.figures(cycle, now);
            KpiFigures.Counts all = f.counts(Dimension.ALL);
            ReportAfterSales.Figures cases = ReportAfterSales.figures(cycle, counters);
            total = total.plus(new Month(month, all.get(Metric.CONVERSATIONS), cases.all().cases(), cases.all().resolved(),
                    all.get(Metric.RATED), all.get(Metric.SATISFIED), all.get(Metric.FIRST_RESPONSES),
                    all.get(Metric.FIRST_RESPONSE_MILLIS), all.get(Metric.ROUNDS_TIMED), all.get(Metric.ROUND_MILLIS),
                    cases.complaints().cases()));
            Instant t = counters.countedUntil();
            if (!now.isBefore(cycle.from().toInstant()) && t != null) {
                through = through == null || t.isBefore(through) ? t : through;
            }
        }
        return new Read(total, through);
    }
}
