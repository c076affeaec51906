package com.replyguard.alert;

import com.replyguard.clock.SlaClock;
import com.replyguard.clock.SlaPolicy;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification a clock owes at one instant: the at-risk warning, the breach (ladder level 1)
 * or a later ladder level. {@code key} names it within its conversation - the same however often
 * it is computed - so it is published once and its event id is stable.
 */
public record Alert(Kind kind, int level, SlaClock clock, Instant dueAt) {
    public enum Kind {
        /** the configured share of the target has passed without an answer ({@code SlaAtRisk}) */
        AT_RISK,
        /** the deadline passed without an answer: level 1 ({@code SlaBreached}) */
        BREACHED,
        /** still unanswered the configured delay after the deadline: level 2-4 ({@code SlaEscalated}) */
        ESCALATED
    }

    public Alert {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(dueAt);
    }

    public String key() {
        return clock.key() + (kind == Kind.AT_RISK ? ":RISK" : ":L" + level);
    }

    /** The role the level notifies (TEAM_LEAD, SUPERVISOR, MANAGER, DIRECTOR); null for a warning. */
    public String role() {
        return kind == Kind.AT_RISK ? null : SlaPolicy.LEVEL_ROLES.get(level - 1);
    }
}
