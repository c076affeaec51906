package com.replyguard.assessment;

import java.time.Instant;
import java.util.Objects;

/**
 * What one conversation contributes to one cycle's platform metrics (R13-R15), independent of
 * the time it is read at: settled units as counts, and at most one still-open unit per metric as
 * the instant after which it counts as missed. A report adds these up at a given instant.
 *
 * <p>{@code firstReplyOpenDeadline}: start + 120 s of an unanswered first reply;
 * {@code roundOpenDeadline}: start + 180 s of the unanswered last round. Only the last round of a
 * conversation can be open, so one instant suffices.
 */
public record CycleContribution(
        Cycle cycle,
        int firstReplyMet,
        int firstReplyLate,
        Instant firstReplyOpenDeadline,
        int roundsMet,
        int roundsLate,
        Instant roundOpenDeadline,
        int satisfied,
        int rated) {

    public CycleContribution {
        Objects.requireNonNull(cycle);
    }

    public static CycleContribution none(Cycle cycle) {
        return new CycleContribution(cycle, 0, 0, null, 0, 0, null, 0, 0);
    }

    public boolean isEmpty() {
        return equals(none(cycle));
    }
}
