package com.replyguard.usecase;

import com.replyguard.breach.Breach;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.ConversationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Use case (R20): a manager excuses a breach with a reason. The excuse is audited on the breach
 * (reason, who, when), the breach stops counting against the agent, and its escalation ladder
 * stops: the clock's remaining alerts are marked done on the conversation. Excusing twice keeps
 * the first excuse.
 */
public final class ExcuseBreach {
    public static final int MAX_REASON = 500;
    private final BreachStore breaches;
    private final ConversationStore conversations;
    private final Clock clock;

    public ExcuseBreach(BreachStore breaches, ConversationStore conversations, Clock clock) {
        this.breaches = breaches;
        this.conversations = conversations;
        this.clock = clock;
    }

    public enum Outcome { EXCUSED, ALREADY_EXCUSED, NOT_FOUND }

    public record Result(Outcome outcome, Breach breach) {
    }

    /** The breach, to check who it is held against before excusing it (team leads: their team only). */
    public java.util.Optional<com.replyguard.breach.Breach> find(Merchant merchant, String breachId) {
        return breaches.find(merchant.id(), breachId);
    }

    public Result excuse(Merchant merchant, String breachId, String reason, String by) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason is required, at most " + MAX_REASON + " characters");
        }
        Optional<Breach> found = breaches.find(merchant.id(), breachId);
        if (found.isEmpty()) {
            return new Result(Outcome.NOT_FOUND, null);
        }
        if (found.get().isExcused()) {
            return new Result(Outcome.ALREADY_EXCUSED, found.get());
        }
        Instant now = clock.instant();
        breaches.excuse(merchant.id(), breachId, new Breach.Excuse(reason.strip(), by, now));
        stopLadder(merchant, found.get(), now);
        return new Result(Outcome.EXCUSED, breaches.find(merchant.id(), breachId).orElseThrow());
    }

    private void stopLadder(Merchant merchant, Breach breach, Instant now) {
        Ladders.stop(conversations, merchant, breach.conversationId(), breach.clock().key(), 0, now);
    }
}
