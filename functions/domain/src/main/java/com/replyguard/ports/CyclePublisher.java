package com.replyguard.ports;

import com.replyguard.assessment.KpiReport;

/** Port: announces a closed cycle's final figures with pass/fail per platform metric (R16, event CycleClosed). */
public interface CyclePublisher {
    /** Publishes CycleClosed for the report; an id stable per merchant and cycle makes a repeat harmless. */
    void cycleClosed(KpiReport finalReport);
}
