package com.replyguard.assessment;

/**
 * R16, the platform's verdict on a merchant's cycle as ReplyGuard can tell it:
 * <ul>
 *   <li>{@link #BARRED}: the cycle is over and at least one of the three metrics ended below its
 *       target - the merchant is out of the platform's campaigns;</li>
 *   <li>{@link #AT_RISK}: the cycle is still running and the forecast of at least one metric ends
 *       below target (it is below target now, or cannot reach it even if every expected unit is
 *       met);</li>
 *   <li>{@link #PASSING}: otherwise - every metric at or above target, or with nothing counted.</li>
 * </ul>
 */
public enum Verdict {
    PASSING,
    AT_RISK,
    BARRED;

    static Verdict of(KpiReport r) {
        boolean over = !r.asOf().isBefore(r.cycle().to().toInstant());
        boolean anyFailing = false;
        for (PlatformMetric m : PlatformMetric.values()) {
            MetricFigure f = r.metric(m);
            anyFailing |= over ? Boolean.FALSE.equals(f.passing()) : r.forecast(m).headingBelowTarget(f);
        }
        return !anyFailing ? PASSING : over ? BARRED : AT_RISK;
    }
}
