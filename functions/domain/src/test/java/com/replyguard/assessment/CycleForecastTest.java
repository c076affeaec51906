package com.replyguard.assessment;

import static com.replyguard.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cycle forecast: hand-computed headroom and projections, to the unit. */
class CycleForecastTest {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();

    @Test
    void headroom_isTheMissesTheMetricCanTakeFromNow() {
        // 90 of 100 at 85%: 90 / (100 + k) >= 0.85 holds up to k = 5 (90/105 = 0.857), not 6 (90/106 = 0.849)
        CycleForecast f = CycleForecast.of(new MetricFigure(90, 100, 0.85), OCT_H1, at("2026-10-06T00:00:00"));
        assertEquals(5, f.headroomNow());
        assertEquals(0, CycleForecast.of(new MetricFigure(17, 20, 0.85), OCT_H1, at("2026-10-06T00:00:00")).headroomNow(),
                "exactly on target: not one more miss");
        CycleForecast failing = CycleForecast.of(new MetricFigure(80, 100, 0.85), OCT_H1, at("2026-10-06T00:00:00"));
        assertEquals(-6, failing.headroomNow(), "floor(80 / 0.85 - 100) = floor(-5.88): below target");
        // (80 + n) / (100 + n) >= 0.85  <=>  n >= 33.3: 34 met units in a row
        assertEquals(34, failing.metInARowToRecover());
        assertEquals(0, f.metInARowToRecover());
    }

    @Test
    void restOfCycle_followsThePaceSoFar() {
        // 5 of 15 days gone (1 Oct 00:00 to 6 Oct 00:00), 100 units so far -> 200 more expected
        CycleForecast f = CycleForecast.of(new MetricFigure(90, 100, 0.85), OCT_H1, at("2026-10-06T00:00:00"));
        assertEquals(200, f.expectedRemainingUnits());
        // pass needs met >= 0.85 x 300 = 255; 90 met so far, 200 to come -> up to 35 of them may be missed
        assertEquals(35, f.missesAllowedForRestOfCycle());
        assertEquals(0.9, f.projectedRate());
        assertTrue(!f.cycleOver());
    }

    @Test
    void aClosedCycle_expectsNothingMore() {
        CycleForecast f = CycleForecast.of(new MetricFigure(90, 100, 0.85), OCT_H1, at("2026-10-16T00:00:00"));
        assertTrue(f.cycleOver());
        assertEquals(0, f.expectedRemainingUnits());
        assertEquals(5, f.missesAllowedForRestOfCycle(), "floor(90 - 85) = 5: the same as the headroom");
    }
}
