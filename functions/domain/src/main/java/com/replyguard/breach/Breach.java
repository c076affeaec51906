package com.replyguard.breach;

import com.replyguard.clock.SlaClock;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A clock that missed its target (invariant 3: exactly one per such clock). The id is derived
 * from (conversation, clock key), so every path that finds the same breach names it the same
 * way and stores write it once. {@code detectedAt} is when it was first recorded.
 */
public record Breach(String breachId, MerchantId merchant, ConversationId conversationId, SlaClock clock,
        Instant detectedAt, String responsibleAgentId, Excuse excuse) {

    /** A manager's excuse (R20): who, when, why. An excused breach leaves discipline and stops its ladder. */
    public record Excuse(String reason, String by, Instant at) {
        public Excuse {
            Objects.requireNonNull(reason);
            Objects.requireNonNull(by);
            Objects.requireNonNull(at);
        }
    }

    public Breach(String breachId, MerchantId merchant, ConversationId conversationId, SlaClock clock, Instant detectedAt) {
        this(breachId, merchant, conversationId, clock, detectedAt, null, null);
    }

    public Breach {
        Objects.requireNonNull(breachId);
        Objects.requireNonNull(merchant);
        Objects.requireNonNull(conversationId);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(detectedAt);
    }

    public static Breach of(MerchantId merchant, ConversationId conversationId, SlaClock clock, Instant detectedAt) {
        return new Breach(idOf(conversationId, clock.key()), merchant, conversationId, clock, detectedAt);
    }

    public static Breach of(MerchantId merchant, ConversationId conversationId, SlaClock clock, Instant detectedAt,
            String responsibleAgentId) {
        return new Breach(idOf(conversationId, clock.key()), merchant, conversationId, clock, detectedAt, responsibleAgentId,
                null);
    }

    public boolean isExcused() {
        return excuse != null;
    }

    /** {@code b_} + 24 hex digits of SHA-256(conversationId NUL clockKey): URL-safe and stable. */
    public static String idOf(ConversationId conversationId, String clockKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((conversationId.value() + "\u0000" + clockKey).getBytes(StandardCharsets.UTF_8));
            return "b_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Instant deadline() {
        return clock.deadline();
    }
}
