package com.replyguard.ports;

import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;

/** A due-index entry: this conversation must be looked at by {@code dueAt}. */
public record Due(MerchantId merchant, ConversationId conversation, Instant dueAt) {
}
