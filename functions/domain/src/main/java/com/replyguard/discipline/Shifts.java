package com.replyguard.discipline;

import com.replyguard.time.ChinaTime;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * R30: the merchant's shifts (e.g. 08:30-16:30 and 16:00-24:00, China time) and their agents. A
 * clock belongs to its conversation, so a shift change never drops it; what the roster decides is
 * whom a breach is held against: an agent is not blamed for a deadline that fell after their shift
 * ended - the breach goes to the shift on duty, whose agents took the case over.
 */
public record Shifts(List<Shift> shifts) {
    public static final Shifts NONE = new Shifts(List.of());

    /**
     * A shift: its agents and, optionally, the superiors on duty in it ({@code supervisors}, in the
     * order they are asked: the first owes the guidance an escalation asks for, R12).
     */
    public record Shift(String name, LocalTime from, LocalTime to, Set<String> agents, List<String> supervisors) {
        public Shift {
            Objects.requireNonNull(name);
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            agents = Set.copyOf(agents);
            supervisors = List.copyOf(supervisors);
        }

        public Shift(String name, LocalTime from, LocalTime to, Set<String> agents) {
            this(name, from, to, agents, List.of());
        }

        /** [from, to) in China time; to 00:00 is midnight; a shift may run past midnight. */
        public boolean covers(Instant instant) {
            LocalTime t = instant.atZone(ChinaTime.ZONE).toLocalTime();
            if (to.equals(LocalTime.MIDNIGHT)) {
                return !t.isBefore(from);
            }
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }
    }

    public Shifts {
        shifts = List.copyOf(shifts);
    }

    /** Whether the agent is rostered and none of their shifts covers the instant. */
    public boolean offDuty(String agentId, Instant at) {
        List<Shift> theirs = shifts.stream().filter(s -> s.agents().contains(agentId) || s.supervisors().contains(agentId))
                .toList();
        return !theirs.isEmpty() && theirs.stream().noneMatch(s -> s.covers(at));
    }

    /** R12: the superior on duty at an instant - the first supervisor of the shift on duty then; empty if none is rostered. */
    public Optional<String> supervisorOnDuty(Instant at) {
        return onDuty(at).flatMap(s -> s.supervisors().stream().findFirst());
    }

    /** The shift on duty at an instant (the latest to start, during an overlap: the one taking over). */
    public Optional<Shift> onDuty(Instant at) {
        Shift found = null;
        for (Shift s : shifts) {
            if (s.covers(at) && (found == null || s.from().isAfter(found.from()))) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }
}
