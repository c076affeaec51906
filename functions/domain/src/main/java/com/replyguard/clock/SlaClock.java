package com.replyguard.clock;

import com.replyguard.conversation.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One SLA promise of one conversation. {@code key} identifies the clock within its conversation
 * and stays the same however the events arrive (e.g. {@code FIRST_REPLY}). Invariant: a clock is
 * met when its answer comes at most the target after its start ({@code answeredAt <= deadline});
 * it is breached once the deadline has passed without such an answer. {@code policyVersion}: the
 * merchant's policy version that judged it - the one in force at its start ({@link SlaPolicies}).
 */
public record SlaClock(
        ClockType type,
        String key,
        Channel channel,
        boolean urgent,
        Instant start,
        String startEventId,
        Instant deadline,
        Instant answeredAt,
        String answerEventId,
        String answeringAgentId,
        int policyVersion) {

    /** A clock judged by the configured policy (version 0). */
    public SlaClock(ClockType type, String key, Channel channel, boolean urgent, Instant start, String startEventId,
            Instant deadline, Instant answeredAt, String answerEventId, String answeringAgentId) {
        this(type, key, channel, urgent, start, startEventId, deadline, answeredAt, answerEventId, answeringAgentId, 0);
    }

    public SlaClock {
        Objects.requireNonNull(type);
        Objects.requireNonNull(key);
        Objects.requireNonNull(start);
        Objects.requireNonNull(deadline);
        if (deadline.isBefore(start)) {
            throw new IllegalArgumentException("deadline before start");
        }
    }

    public Duration target() {
        return Duration.between(start, deadline);
    }

    /** The target in seconds (to the millisecond), as answers state it. */
    public double targetSeconds() {
        return target().toMillis() / 1000.0;
    }

    public ClockStatus statusAt(Instant now) {
        if (answeredAt != null) {
            return answeredAt.isAfter(deadline) ? ClockStatus.BREACHED : ClockStatus.MET;
        }
        return now.isAfter(deadline) ? ClockStatus.BREACHED : ClockStatus.RUNNING;
    }
}
