package com.replyguard.assessment;

import com.replyguard.merchant.MerchantId;
import java.time.Instant;

/**
 * A merchant's platform metrics for one cycle as of {@code asOf} (R13-R16). An open unit counts
 * in the total (as missed) once its limit has passed at {@code asOf}.
 */
public record KpiReport(MerchantId merchant, Cycle cycle, Instant asOf, MetricFigure firstReply2Min,
        MetricFigure reply3Min, MetricFigure satisfaction) {

    /** One of the three metrics. */
    public MetricFigure metric(PlatformMetric m) {
        return switch (m) {
            case FIRST_REPLY_2MIN -> firstReply2Min;
            case REPLY_3MIN -> reply3Min;
            case SATISFACTION -> satisfaction;
        };
    }

    /** Where one metric is heading before the cycle's end (or how it ended). */
    public CycleForecast forecast(PlatformMetric m) {
        return CycleForecast.of(metric(m), cycle, asOf);
    }

    /** R16: barred, at risk or passing as of {@code asOf}. */
    public Verdict verdict() {
        return Verdict.of(this);
    }

    /** Adds up conversations' contributions to one cycle as of an instant. */
    public static final class Tally {
        private long frMet;
        private long frTotal;
        private long r3Met;
        private long r3Total;
        private long satMet;
        private long satTotal;
        private final Instant asOf;

        public Tally(Instant asOf) {
            this.asOf = asOf;
        }

        public Tally add(CycleContribution c) {
            frMet += c.firstReplyMet();
            frTotal += c.firstReplyMet() + c.firstReplyLate() + (isPast(c.firstReplyOpenDeadline()) ? 1 : 0);
            r3Met += c.roundsMet();
            r3Total += c.roundsMet() + c.roundsLate() + (isPast(c.roundOpenDeadline()) ? 1 : 0);
            satMet += c.satisfied();
            satTotal += c.rated();
            return this;
        }

        private boolean isPast(Instant limit) {
            return limit != null && asOf.isAfter(limit);
        }

        public KpiReport report(MerchantId merchant, Cycle cycle) {
            return new KpiReport(merchant, cycle, asOf,
                    new MetricFigure(frMet, frTotal, PlatformMetric.FIRST_REPLY_2MIN.target()),
                    new MetricFigure(r3Met, r3Total, PlatformMetric.REPLY_3MIN.target()),
                    new MetricFigure(satMet, satTotal, PlatformMetric.SATISFACTION.target()));
        }
    }
}
