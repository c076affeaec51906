package com.replyguard.usecase;

import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.Merchant;
import com.replyguard.notify.Acknowledgement;
import com.replyguard.notify.AlertRecord;
import com.replyguard.ports.AlertLog;
import com.replyguard.ports.ConversationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: a team lead or supervisor acknowledges an alert - "I am on it". Recorded on the alert
 * with who and when (the first acknowledgement stands), shown in the timeline and in later messages
 * about the conversation, and the rest of that clock's escalation ladder stops: the alerts after the
 * acknowledged one are never published. Unlike an excuse, the breach stays (it still counts).
 */
public final class AcknowledgeAlert {
    private final AlertLog alerts;
    private final ConversationStore conversations;
    private final Clock clock;

    public AcknowledgeAlert(AlertLog alerts, ConversationStore conversations, Clock clock) {
        this.alerts = Objects.requireNonNull(alerts);
        this.conversations = Objects.requireNonNull(conversations);
        this.clock = Objects.requireNonNull(clock);
    }

    public enum Outcome { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, NOT_FOUND }

    public record Result(Outcome outcome, AlertRecord alert) {
    }

    /** The alert, to check whose it is before acknowledging it (team leads: their team's or nobody's). */
    public Optional<AlertRecord> find(Merchant merchant, String alertId) {
        return alerts.find(merchant.id(), alertId);
    }

    public Result acknowledge(Merchant merchant, String alertId, String by) {
        if (by == null || by.isBlank() || by.length() > Acknowledgement.MAX_BY) {
            throw new IllegalArgumentException("who acknowledges is required, at most " + Acknowledgement.MAX_BY + " characters");
        }
        Optional<AlertRecord> found = alerts.find(merchant.id(), alertId);
        if (found.isEmpty()) {
            return new Result(Outcome.NOT_FOUND, null);
        }
        if (found.get().acknowledged() != null) {
            return new Result(Outcome.ALREADY_ACKNOWLEDGED, found.get());
        }
        Instant now = clock.instant();
        if (!alerts.acknowledge(merchant.id(), alertId, new Acknowledgement(by.strip(), now))) {
            return new Result(Outcome.ALREADY_ACKNOWLEDGED, alerts.find(merchant.id(), alertId).orElseThrow());
        }
        var notice = found.get().notice();
        Ladders.stop(conversations, merchant, new ConversationId(notice.conversationId()), notice.clockKey(), notice.level(), now);
        return new Result(Outcome.ACKNOWLEDGED, alerts.find(merchant.id(), alertId).orElseThrow());
    }
}
