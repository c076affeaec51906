package com.replyguard.merchant;

import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.UrgencyRules;
import com.replyguard.discipline.DisciplineRules;
import com.replyguard.discipline.Shifts;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a merchant's policy document: clock targets, warning share and ladder, urgency
 * terms, assessed hours, discipline thresholds and shifts, numbered, with the instant it took effect
 * ({@code effectiveFrom}; null for version 0, the configured policy, in force before any change).
 */
public record PolicyVersion(int number, Instant effectiveFrom, SlaPolicy sla, UrgencyRules urgency, AssessedHours assessedHours,
        DisciplineRules discipline, Shifts shifts) {
    public PolicyVersion {
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(assessedHours, "assessedHours");
        Objects.requireNonNull(discipline, "discipline");
        Objects.requireNonNull(shifts, "shifts");
    }

    /** The configured policy (version 0). */
    public static PolicyVersion configured(SlaPolicy sla, UrgencyRules urgency, AssessedHours hours, DisciplineRules discipline,
            Shifts shifts) {
        return new PolicyVersion(0, null, sla, urgency, hours, discipline, shifts);
    }
}
