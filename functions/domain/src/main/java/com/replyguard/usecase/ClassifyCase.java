package com.replyguard.usecase;

import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.ConversationId;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.ConversationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Use case: a manager sets a case's after-sales subtype (R24 override of the automatic suggestion)
 * through the API. It becomes an ordinary {@code conversation.classified} event of the conversation
 * (agent {@code manager:<who>}), so the latest classification wins and every report follows.
 */
public final class ClassifyCase {
    private final ConversationStore conversations;
    private final IngestEventBatch ingest;
    private final Clock clock;

    public ClassifyCase(ConversationStore conversations, IngestEventBatch ingest, Clock clock) {
        this.conversations = conversations;
        this.ingest = ingest;
        this.clock = clock;
    }

    /** False when the merchant has no such conversation (nothing is written). */
    public boolean classify(Merchant merchant, ConversationId conversation, AfterSalesCategory category, String by) {
        if (conversations.load(merchant.id(), conversation).isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", "manager-classified-" + now.toEpochMilli() + "-" + category.name());
        event.put("type", "conversation.classified");
        event.put("conversationId", conversation.value());
        event.put("occurredAt", now.toString());
        event.put("agentId", "manager:" + by);
        event.put("category", category.name());
        ingest.ingest(merchant, List.of(RawEvent.of(event)));
        return true;
    }
}
