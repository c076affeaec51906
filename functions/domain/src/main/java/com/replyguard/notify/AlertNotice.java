package com.replyguard.notify;

import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.merchant.MerchantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An alert as the notifier reads it from the bus: which clock of which conversation, on which
 * channel, its ladder level (0 for the at-risk warning), when it was due, and the agent a breach
 * counts against (null: none, or not known). No customer id and no message text: the bus carries none.
 */
public record AlertNotice(String id, NoticeType type, MerchantId merchant, String conversationId, ClockType clock,
        String clockKey, Channel channel, boolean urgent, Instant clockStart, Instant deadline, Instant dueAt, int level,
        String responsibleAgentId) implements Notice {

    public AlertNotice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(clockKey, "clockKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(clockStart, "clockStart");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(dueAt, "dueAt");
        if (!type.isAlert()) {
            throw new IllegalArgumentException(type + " is not an alert");
        }
        if ((type == NoticeType.SLA_AT_RISK) != (level == 0) || level < 0) {
            throw new IllegalArgumentException("a warning has level 0, a breach or escalation 1 or more (got " + level + ")");
        }
    }

    @Override
    public Instant at() {
        return dueAt;
    }

    public Duration target() {
        return Duration.between(clockStart, deadline);
    }

    /** How long the customer had waited when the alert was due. */
    public Duration waited() {
        return Duration.between(clockStart, dueAt);
    }
}
