package com.replyguard.assessment;

import java.time.Duration;
import java.time.Instant;

/**
 * Before the platform's verdict (R16): for one metric of a running cycle, how many more misses it
 * can take and where it is heading. All counts are exact integers (the target in basis points):
 * <ul>
 *   <li>{@code headroomNow}: misses it can take from now, with no further met unit, and still
 *       pass - floor(met / target - total); negative when already failing;</li>
 *   <li>{@code metInARowToRecover}: when failing, how many met units in a row bring it back to the
 *       target - ceil((target x total - met) / (1 - target)); 0 when passing;</li>
 *   <li>{@code expectedRemainingUnits}: units still to come at the cycle's pace so far
 *       (total x remaining time / elapsed time);</li>
 *   <li>{@code missesAllowedForRestOfCycle}: among those expected units, how many may be missed
 *       and the cycle still pass - floor(met + U - target x (total + U)); negative when even a
 *       perfect rest cannot save it;</li>
 *   <li>{@code projectedRate}: the rate at the end of the cycle if the rest goes as it went so far.</li>
 * </ul>
 * A finished cycle offers no recovery: nothing more is expected and no run of met units can change
 * it, so {@code expectedRemainingUnits} and {@code metInARowToRecover} are 0; the headroom says by
 * how much it passed or failed.
 */
public record CycleForecast(long headroomNow, long metInARowToRecover, long expectedRemainingUnits,
        long missesAllowedForRestOfCycle, Double projectedRate, boolean cycleOver) {

    public static CycleForecast of(MetricFigure f, Cycle cycle, Instant now) {
        long basis = Math.round(f.target() * 10_000);
        long headroom = Math.floorDiv(10_000 * f.met() - basis * f.total(), basis);
        Instant from = cycle.from().toInstant();
        Instant to = cycle.to().toInstant();
        boolean over = !now.isBefore(to);
        long expected = 0;
        if (!over && now.isAfter(from)) {
            long elapsed = Duration.between(from, now).toMillis();
            long remaining = Duration.between(now, to).toMillis();
            expected = Math.round((double) f.total() * remaining / elapsed);
        }
        long allowed = Math.floorDiv(10_000 * (f.met() + expected) - basis * (f.total() + expected), 10_000);
        long shortfall = basis * f.total() - 10_000 * f.met();
        long recover = shortfall <= 0 || over ? 0 : Math.floorDiv(shortfall + (10_000 - basis) - 1, 10_000 - basis);
        return new CycleForecast(headroom, recover, expected, allowed, f.rate(), over);
    }

    /**
     * Whether this metric's cycle ends below target if it goes on as it went: already below target
     * now (a failing rate projects a failing rate), or unable to pass even with every expected unit
     * met. A metric with nothing counted yet is not failing.
     */
    public boolean headingBelowTarget(MetricFigure f) {
        return f.total() > 0 && (headroomNow < 0 || missesAllowedForRestOfCycle < 0);
    }
}
