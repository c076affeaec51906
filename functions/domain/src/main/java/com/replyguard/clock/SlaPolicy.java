package com.replyguard.clock;

import com.replyguard.conversation.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The targets a merchant's clocks run against, the share of a target after which a clock is "at
 * risk", and the escalation ladder. {@link #DEFAULT} holds the contract's default targets (docs/requirements.md).
 *
 * <p>Targets are set per clock for the live room and for every other channel, with an optional
 * urgent variant (R9); an unset urgent target falls back to the normal one. Invariant: every
 * target is positive; 1-4 escalation levels with non-decreasing delays, the first at 0 (the breach).
 */
public final class SlaPolicy {
    /** Who a ladder level notifies, in order (like the best peer, up to 4 levels). */
    public static final List<String> LEVEL_ROLES = List.of("TEAM_LEAD", "SUPERVISOR", "MANAGER", "DIRECTOR");

    /** A target for one clock: live room, elsewhere, and their urgent variants (null: same as normal). */
    public record Targets(Duration liveRoom, Duration elsewhere, Duration liveRoomUrgent, Duration elsewhereUrgent) {
        public Targets {
            Objects.requireNonNull(liveRoom);
            Objects.requireNonNull(elsewhere);
        }

        public static Targets of(Duration both) {
            return new Targets(both, both, null, null);
        }

        public static Targets of(Duration liveRoom, Duration elsewhere) {
            return new Targets(liveRoom, elsewhere, null, null);
        }

        Duration pick(Channel channel, boolean urgent) {
            boolean live = channel == Channel.LIVE_COMMENT;
            Duration normal = live ? liveRoom : elsewhere;
            Duration u = live ? liveRoomUrgent : elsewhereUrgent;
            return urgent && u != null && u.compareTo(normal) < 0 ? u : normal;
        }
    }

    public static final SlaPolicy DEFAULT;

    static {
        Map<ClockType, Targets> t = new EnumMap<>(ClockType.class);
        // R1 30 s live room; R2, R9 1 min in chat; R9 30 s when urgent
        t.put(ClockType.FIRST_REPLY, new Targets(Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofSeconds(30)));
        t.put(ClockType.NEXT_REPLY, Targets.of(Duration.ofSeconds(180)));              // R10
        t.put(ClockType.HANDOFF, Targets.of(Duration.ofSeconds(60)));                  // R3
        t.put(ClockType.HANDOFF_PICKUP, Targets.of(Duration.ofSeconds(120)));          // R4
        t.put(ClockType.RESOLUTION, Targets.of(Duration.ofMinutes(10), Duration.ofMinutes(30)));      // R5, R11
        t.put(ClockType.PROGRESS_UPDATE, Targets.of(Duration.ofMinutes(5), Duration.ofMinutes(10))); // R6, R11
        t.put(ClockType.SUPERVISOR_GUIDANCE, Targets.of(Duration.ofMinutes(5)));       // R12
        t.put(ClockType.CLOSING_FOLLOW_UP, Targets.of(Duration.ofSeconds(60)));        // R7
        DEFAULT = new SlaPolicy(t, 0.8, List.of(Duration.ZERO, Duration.ofMinutes(2), Duration.ofMinutes(5)));
    }

    private final Map<ClockType, Targets> targets;
    private final double warningShare;
    private final List<Duration> escalationDelays;
    private final BusinessCalendar businessHours;
    private final Set<ClockType> pausedOutOfHours;

    public SlaPolicy(Map<ClockType, Targets> targets, double warningShare, List<Duration> escalationDelays) {
        this(targets, warningShare, escalationDelays, BusinessCalendar.ALWAYS_OPEN, Set.of());
    }

    public SlaPolicy(Map<ClockType, Targets> targets, double warningShare, List<Duration> escalationDelays,
            BusinessCalendar businessHours, Set<ClockType> pausedOutOfHours) {
        this.targets = new EnumMap<>(targets);
        this.warningShare = warningShare;
        this.escalationDelays = List.copyOf(escalationDelays);
        this.businessHours = Objects.requireNonNull(businessHours);
        this.pausedOutOfHours = pausedOutOfHours.isEmpty() ? EnumSet.noneOf(ClockType.class)
                : EnumSet.copyOf(pausedOutOfHours);
        List<String> problems = problems(this.targets, warningShare, this.escalationDelays);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Every problem with a would-be policy (an empty list: valid). */
    public static List<String> problems(Map<ClockType, Targets> targets, double warningShare, List<Duration> delays) {
        List<String> p = new ArrayList<>();
        for (ClockType c : ClockType.values()) {
            Targets t = targets.get(c);
            if (t == null) {
                p.add("targets." + c + " is missing");
                continue;
            }
            checkPositive(p, "targets." + c + ".liveRoom", t.liveRoom());
            checkPositive(p, "targets." + c + ".elsewhere", t.elsewhere());
            checkPositive(p, "targets." + c + ".liveRoomUrgent", t.liveRoomUrgent());
            checkPositive(p, "targets." + c + ".elsewhereUrgent", t.elsewhereUrgent());
        }
        if (!(warningShare >= 0 && warningShare < 1)) {
            p.add("warningShare must be at least 0 (0: no warnings) and below 1 (got " + warningShare + ")");
        }
        if (delays.isEmpty() || delays.size() > LEVEL_ROLES.size()) {
            p.add("escalationDelays must list 1 to " + LEVEL_ROLES.size() + " levels (got " + delays.size() + ")");
        } else {
            if (!delays.get(0).isZero()) {
                p.add("escalationDelays[0] must be 0: level 1 is the breach itself");
            }
            for (int i = 1; i < delays.size(); i++) {
                if (delays.get(i).compareTo(delays.get(i - 1)) < 0) {
                    p.add("escalationDelays[" + i + "] must not be shorter than escalationDelays[" + (i - 1) + "]");
                }
            }
        }
        return p;
    }

    private static void checkPositive(List<String> p, String field, Duration d) {
        if (d != null && (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(30)) > 0)) {
            p.add(field + " must be between 1 ms and 30 days (got " + d + ")");
        }
    }

    /**
     * The instant {@code amount} of clock time after {@code start}: wall time, or business time for
     * the clocks the merchant pauses out of hours (the clock also waits for the next opening).
     */
    public Instant after(ClockType clock, Instant start, Duration amount) {
        return pausedOutOfHours.contains(clock) ? businessHours.plus(start, amount) : start.plus(amount);
    }

    public BusinessCalendar businessHours() {
        return businessHours;
    }

    public Set<ClockType> pausedOutOfHours() {
        return Collections.unmodifiableSet(pausedOutOfHours);
    }

    public Duration target(ClockType clock, Channel channel, boolean urgent) {
        return targets.get(clock).pick(channel, urgent);
    }

    public Map<ClockType, Targets> targets() {
        return new EnumMap<>(targets);
    }

    public double warningShare() {
        return warningShare;
    }

    /** Delay after the deadline of each ladder level; level 1 (index 0) is the breach. */
    public List<Duration> escalationDelays() {
        return escalationDelays;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlaPolicy p && p.targets.equals(targets) && p.warningShare == warningShare
                && p.escalationDelays.equals(escalationDelays) && p.businessHours.equals(businessHours)
                && p.pausedOutOfHours.equals(pausedOutOfHours);
    }

    @Override
    public int hashCode() {
        return Objects.hash(targets, warningShare, escalationDelays);
    }
}
