package com.replyguard.assessment;

import static com.replyguard.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** R16: the verdict on a cycle - barred once over and below target, at risk while heading there. */
class VerdictTest {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();
    private static final Instant MID_CYCLE = at("2026-10-06T00:00:00");
    private static final Instant AFTER_CYCLE = at("2026-10-16T00:00:00");

    private static KpiReport report(Instant asOf, MetricFigure firstReply, MetricFigure reply3, MetricFigure satisfaction) {
        return new KpiReport(new MerchantId("m1"), OCT_H1, asOf, firstReply, reply3, satisfaction);
    }

    private static MetricFigure fr(long met, long total) {
        return new MetricFigure(met, total, PlatformMetric.FIRST_REPLY_2MIN.target());
    }

    private static MetricFigure r3(long met, long total) {
        return new MetricFigure(met, total, PlatformMetric.REPLY_3MIN.target());
    }

    private static MetricFigure sat(long met, long total) {
        return new MetricFigure(met, total, PlatformMetric.SATISFACTION.target());
    }

    @Test
    void aFinishedCycle_belowTargetOnOneMetric_isBarred() {
        // 16/20 = 80% first replies < 85%, the other two pass: one metric is enough
        assertEquals(Verdict.BARRED, report(AFTER_CYCLE, fr(16, 20), r3(40, 50), sat(8, 10)).verdict());
        assertEquals(Verdict.BARRED, report(AFTER_CYCLE, fr(17, 20), r3(40, 50), sat(7, 10)).verdict(),
                "7/10 satisfied < 80%");
    }

    @Test
    void aFinishedCycle_exactlyOnEveryTarget_passes() {
        assertEquals(Verdict.PASSING, report(AFTER_CYCLE, fr(17, 20), r3(40, 50), sat(8, 10)).verdict());
        assertEquals(Verdict.PASSING, report(AFTER_CYCLE, fr(17, 20), r3(40, 50), sat(0, 0)).verdict(),
                "no rating at all is not a failed satisfaction");
    }

    @Test
    void aRunningCycle_belowTargetNow_isAtRiskNotBarred() {
        // 80/100 < 85 %, recoverable with 34 met in a row: not barred while the cycle runs
        KpiReport r = report(MID_CYCLE, fr(80, 100), r3(80, 100), sat(8, 10));
        assertEquals(Verdict.AT_RISK, r.verdict());
        assertEquals(34, r.forecast(PlatformMetric.FIRST_REPLY_2MIN).metInARowToRecover());
    }

    @Test
    void aRunningCycle_onTargetWithRoom_passes() {
        assertEquals(Verdict.PASSING, report(MID_CYCLE, fr(90, 100), r3(80, 100), sat(0, 0)).verdict());
    }

    @Test
    void aRunningCycle_thatCannotReachTarget_isAtRisk() {
        // 14 of 15 days gone, 0 of 1,300 met: about 93 more expected (1300 / 14), and even all of
        // them met, 93 / 1393 is far from 85 %: floor(93 - 0.85 x 1393) = floor(-1091.05) = -1092
        KpiReport late = report(at("2026-10-15T00:00:00"), fr(0, 1300), r3(1300, 1300), sat(10, 10));
        assertEquals(93, late.forecast(PlatformMetric.FIRST_REPLY_2MIN).expectedRemainingUnits());
        assertEquals(-1092, late.forecast(PlatformMetric.FIRST_REPLY_2MIN).missesAllowedForRestOfCycle());
        assertEquals(Verdict.AT_RISK, late.verdict());
    }

    @Test
    void aFinishedCycle_offersNoRecovery() {
        CycleForecast f = report(AFTER_CYCLE, fr(16, 20), r3(40, 50), sat(8, 10)).forecast(PlatformMetric.FIRST_REPLY_2MIN);
        assertEquals(true, f.cycleOver());
        assertEquals(0, f.metInARowToRecover(), "no run of met units can change a finished cycle");
        assertEquals(0, f.expectedRemainingUnits());
        assertEquals(-2, f.headroomNow(), "floor(16 / 0.85 - 20) = floor(-1.18) = -2: it ended below target");
    }
}
