package com.replyguard.usecase;

import com.replyguard.clock.ClockRules;
import com.replyguard.alert.Alert;
import com.replyguard.alert.AlertPlan;
import com.replyguard.breach.Breach;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.StoredConversation;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

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
        for (int attempt = 1; attempt <= 6; attempt++) {
            Optional<StoredConversation> loaded = conversations.load(merchant.id(), breach.conversationId());
            if (loaded.isEmpty()) {
                return;
            }
            StoredConversation s = loaded.get();
            AlertPlan plan = AlertPlan.of(ClockRules.of(s.conversation(), merchant.policies().sla()), merchant.policies().sla());
            Set<String> ladder = plan.all().stream()
                    .filter(a -> a.clock().key().equals(breach.clock().key()) && a.kind() != Alert.Kind.AT_RISK)
                    .map(Alert::key).collect(Collectors.toSet());
            SortedSet<String> notified = StoredConversation.union(s.notified(), ladder);
            if (notified.equals(s.notified())) {
                return;
            }
            SortedSet<String> pending = new java.util.TreeSet<>(s.pending());
            pending.removeAll(ladder);
            StoredConversation next = s.withAlerts(notified, pending, ConversationRecorder.nextDue(plan, now, notified, pending));
            try {
                conversations.save(next, s.version());
                return;
            } catch (ConversationStore.ConcurrentUpdate retry) {
                // re-read and try again
            }
        }
        throw new ConversationStore.ConcurrentUpdate("conversation " + breach.conversationId() + " kept changing");
    }
}
