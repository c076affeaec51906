package com.replyguard.ports;

import com.replyguard.assessment.KpiReport;

/** Port: announces a closed cycle's final figures with pass/fail per platform metric (R16, event CycleClosed). */
public interface CyclePublisher {
    /**
     * Publishes CycleClosed for the report, {@code revision} 1 for the close, later ones when history
     * arriving after the close changed the figures; an id stable per merchant, cycle and revision
     * makes a repeat harmless.
     */
    void cycleClosed(KpiReport finalReport, int revision);
}
