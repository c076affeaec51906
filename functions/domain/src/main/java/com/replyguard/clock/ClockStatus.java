package com.replyguard.clock;

/** Where a clock stands at a given instant. */
public enum ClockStatus {
    /** answered at most the target after its start */
    MET,
    /** answered late, or still unanswered after its deadline */
    BREACHED,
    /** unanswered, deadline not yet passed */
    RUNNING
}
