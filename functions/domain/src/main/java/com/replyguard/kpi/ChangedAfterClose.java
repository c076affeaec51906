package com.replyguard.kpi;

import com.replyguard.assessment.Cycle;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;

/**
 * The fold changed a merchant's counters of a cycle past its close time (history loaded late, a
 * report about an old conversation): the close must be run again for that cycle. {@code at}: the
 * latest such change; a re-close waits until the cycle has been quiet for a while.
 */
public record ChangedAfterClose(MerchantId merchant, Cycle cycle, Instant at) {
    public String key() {
        return merchant.value() + "#" + cycle;
    }
}
