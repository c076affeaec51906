package com.replyguard.assessment;

/** R13-R16: the platform's three metrics and their passing targets. */
public enum PlatformMetric {
    FIRST_REPLY_2MIN(0.85),
    REPLY_3MIN(0.80),
    SATISFACTION(0.80);

    private final double target;

    PlatformMetric(double target) {
        this.target = target;
    }

    public double target() {
        return target;
    }
}
