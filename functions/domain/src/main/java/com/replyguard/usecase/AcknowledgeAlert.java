package com.replyguard.usecase;

import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.Manager;
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

    /**
     * @throws Manager.NotPermitted for operations, or a team lead and an alert about another team's agent
     *     (an alert about nobody's clock any team lead may take)
     */
    public Result acknowledge(Manager caller, Merchant merchant, String alertId, String by) {
        caller.require(Manager.Action.ACT);
        if (by == null || by.isBlank() || by.length() > Acknowledgement.MAX_BY) {
            throw new IllegalArgumentException("who acknowledges is required, at most " + Acknowledgement.MAX_BY + " characters");
        }
        Optional<AlertRecord> found = alerts.find(merchant.id(), alertId);
        if (found.isEmpty()) {
            return new Result(Outcome.NOT_FOUND, null);
        }
        String agent = found.get().notice().responsibleAgentId();
        if (agent != null && !caller.covers(agent)) {
            throw new Manager.NotPermitted("the alert is about an agent outside this team lead's team");
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
