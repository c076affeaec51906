package com.replyguard.usecase;

import com.replyguard.breach.Breach;
import com.replyguard.intake.InvalidInput;
import com.replyguard.merchant.Manager;
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
 * the first excuse. Who may: not operations (read-only); a team lead only a breach held against an
 * agent of their team (docs/security.md).
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

    /**
     * @param by who excuses it, for the audit record (never a token)
     * @throws Manager.NotPermitted for operations, or a team lead and a breach of another team's agent
     * @throws InvalidInput when the reason is missing, blank or longer than {@link #MAX_REASON}
     */
    public Result excuse(Manager caller, Merchant merchant, String breachId, String reason, String by) {
        caller.require(Manager.Action.ACT);
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw InvalidInput.of("reason", "is required: why the breach is excused, at most " + MAX_REASON + " characters");
        }
        Optional<Breach> found = breaches.find(merchant.id(), breachId);
        if (found.isEmpty()) {
            return new Result(Outcome.NOT_FOUND, null);
        }
        if (!caller.covers(found.get().responsibleAgentId())) {
            throw new Manager.NotPermitted("the breach is held against an agent outside this team lead's team");
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
