package com.replyguard.kpi;

import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A conversation version the KPI fold could not count (its vector cannot be read - a bug, or data
 * that slipped past validation), set aside so that it never stops the counting of the other
 * conversations of its shard: reported to the monitor when found, listed by the daily check until
 * a later version of the conversation is counted. {@code reason} names the failure; it holds no
 * customer data (vectors hold counts only).
 */
public record SetAside(MerchantId merchant, ConversationId conversation, long version, String reason, Instant at) {
    public SetAside {
        Objects.requireNonNull(merchant);
        Objects.requireNonNull(conversation);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(at);
    }

    /** The same key as the conversation's ledger entry ({@link ConversationKpi#key()}). */
    public String key() {
        return merchant.value() + "#" + conversation.value();
    }
}
