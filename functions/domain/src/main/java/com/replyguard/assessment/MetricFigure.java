package com.replyguard.assessment;

/**
 * One platform metric for one cycle: met ÷ total against a target. {@code rate} and
 * {@code passing} are null when nothing counts yet (contract).
 */
public record MetricFigure(long met, long total, double target) {
    public MetricFigure {
        if (met < 0 || total < met) {
            throw new IllegalArgumentException("need 0 <= met <= total, got " + met + "/" + total);
        }
    }

    public Double rate() {
        return total == 0 ? null : (double) met / total;
    }

    public Boolean passing() {
        // met/total >= target, compared exactly in integers: 17/20 = 0.85 passes a 0.85 target
        return total == 0 ? null : met * 10_000L >= Math.round(target * 10_000) * total;
    }
}
