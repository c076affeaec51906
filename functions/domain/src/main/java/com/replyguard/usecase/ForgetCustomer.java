package com.replyguard.usecase;

import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.MessageTexts;
import com.replyguard.ports.StoredConversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * R29, a customer's data-deletion request: every conversation of the customer loses the link to
 * them (the keyed hash of their id is removed from its events and from the customer index) and their
 * message texts, if the merchant keeps any, are deleted; clocks, breaches and KPI counts stay, anonymous.
 * Repeating the request changes nothing.
 */
public final class ForgetCustomer {
    private static final int MAX_ATTEMPTS = 6;
    private final ConversationStore conversations;
    private final MessageTexts texts;

    public ForgetCustomer(ConversationStore conversations) {
        this(conversations, MessageTexts.NONE);
    }

    public ForgetCustomer(ConversationStore conversations, MessageTexts texts) {
        this.conversations = conversations;
        this.texts = texts;
    }

    /** Unlinks the customer ({@code customerRef}: their keyed hash); answers how many conversations were changed. */
    public int forget(Merchant merchant, String customerRef) {
        int changed = 0;
        for (ConversationId id : conversations.ofCustomer(merchant.id(), customerRef, Instant.EPOCH)) {
            // the text first: if the unlinking then fails, a retry still finds the conversation by the customer
            boolean textsDeleted = texts.forget(merchant.id(), id, customerRef) > 0;
            if (unlink(merchant, id, customerRef) || textsDeleted) {
                changed++;
            }
        }
        // last: while the record remains, a retry still knows the customer was reported
        conversations.forgetReports(merchant.id(), customerRef);
        return changed;
    }

    private boolean unlink(Merchant merchant, ConversationId id, String customerRef) {
        for (int attempt = 1; ; attempt++) {
            Optional<StoredConversation> loaded = conversations.load(merchant.id(), id);
            if (loaded.isEmpty()) {
                return false;
            }
            StoredConversation s = loaded.get();
            List<ConversationEvent> events = new ArrayList<>();
            boolean touched = false;
            for (ConversationEvent e : s.conversation().events()) {
                if (customerRef.equals(e.customerRef())) {
                    events.add(new ConversationEvent(e.eventId(), e.type(), e.conversationId(), e.occurredAt(), e.channel(),
                            null, e.agentId(), e.agentRole(), e.auto(), e.urgent(), e.complexity(), e.rating(), e.category(),
                            e.suggestion(), e.toAgentId()));
                    touched = true;
                } else {
                    events.add(e);
                }
            }
            if (!touched) {
                return false;
            }
            StoredConversation next = s.withConversation(Conversation.of(merchant.id(), id, events));
            try {
                conversations.save(next, s.version());
                return true;
            } catch (ConversationStore.ConcurrentUpdate e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
