package com.replyguard.ports;

import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.MessageText;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Port: message texts of merchants who opted in (R23), expiring (TTL), deletable per customer (R29). */
public interface MessageTexts {
    /** Nothing is kept: the default for every merchant that did not opt in. */
    MessageTexts NONE = new MessageTexts() {
        @Override
        public void keep(MerchantId merchant, List<MessageText> texts) {
        }

        @Override
        public Map<String, String> of(MerchantId merchant, ConversationId conversation, Instant now) {
            return Map.of();
        }

        @Override
        public int forget(MerchantId merchant, ConversationId conversation, String customerRef) {
            return 0;
        }
    };

    /** Stores the texts (idempotent per event). */
    void keep(MerchantId merchant, List<MessageText> texts);

    /** A conversation's texts not yet expired at {@code now}, by event id. */
    Map<String, String> of(MerchantId merchant, ConversationId conversation, Instant now);

    /**
     * Deletes the customer's texts in one of their conversations, and the agents' replies in it
     * (they answer that customer and may repeat what they said); answers how many.
     */
    int forget(MerchantId merchant, ConversationId conversation, String customerRef);
}
