package com.replyguard.clock;

/** The SLA clocks of the contract, each with the rules it enforces. */
public enum ClockType {
    /** R1, R2, R9: the first human reply after the human clock start. */
    FIRST_REPLY,
    /** R10: each later round of customer messages gets a reply. */
    NEXT_REPLY,
    /** R3: the host hands a complex live-room question to customer service. */
    HANDOFF,
    /** R4: customer service contacts the viewer after a handoff. */
    HANDOFF_PICKUP,
    /** R5, R11: a solution for a complex case. */
    RESOLUTION,
    /** R6, R11: progress updates while other departments work on a case. */
    PROGRESS_UPDATE,
    /** R12: the superior's guidance after an escalation. */
    SUPERVISOR_GUIDANCE,
    /** R7: "anything else?" after resolving. */
    CLOSING_FOLLOW_UP
}
