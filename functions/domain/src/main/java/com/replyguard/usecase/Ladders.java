package com.replyguard.usecase;

import com.replyguard.alert.AlertPlan;
import com.replyguard.clock.ClockRules;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.StoredConversation;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Stops the rest of one clock's escalation ladder: its alerts above a level are marked done on the
 * conversation (and taken out of its outbox), so the escalation λ publishes none of them; the
 * breach itself is not touched. Used by an excuse (everything from the breach on, R20) and an
 * acknowledgement ("I am on it": everything after the acknowledged alert).
 */
final class Ladders {
    static final int MAX_ATTEMPTS = 6;

    private Ladders() {
    }

    static void stop(ConversationStore conversations, Merchant merchant, ConversationId conversation, String clockKey,
            int afterLevel, Instant now) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<StoredConversation> loaded = conversations.load(merchant.id(), conversation);
            if (loaded.isEmpty()) {
                return;
            }
            StoredConversation s = loaded.get();
            AlertPlan plan = AlertPlan.of(ClockRules.of(s.conversation(), merchant.policies().sla()), merchant.policies().sla());
            Set<String> ladder = plan.ladderAfter(clockKey, afterLevel);
            SortedSet<String> notified = StoredConversation.union(s.notified(), ladder);
            if (notified.equals(s.notified())) {
                return;
            }
            SortedSet<String> pending = new TreeSet<>(s.pending());
            pending.removeAll(ladder);
            StoredConversation next = s.withAlerts(notified, pending, ConversationRecorder.nextDue(plan, now, notified, pending));
            try {
                conversations.save(next, s.version());
                return;
            } catch (ConversationStore.ConcurrentUpdate retry) {
                // re-read and try again
            }
        }
        throw new ConversationStore.ConcurrentUpdate("conversation " + conversation + " kept changing");
    }
}
