package com.replyguard.ports;

import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.List;

/**
 * Port: conversations held because no event has named their channel yet (decision 0003) - their
 * events are stored, but no clock runs. Written with each conversation; a conversation leaves the
 * index when its channel arrives.
 */
public interface HeldIndex {
    /** A held conversation: since its earliest event, with how many events wait in it. */
    record Held(ConversationId conversationId, Instant since, int events) {
    }

    /** The merchant's conversations held since {@code before} or earlier, oldest first, at most {@code limit}. */
    List<Held> heldSince(MerchantId merchant, Instant before, int limit);
}
