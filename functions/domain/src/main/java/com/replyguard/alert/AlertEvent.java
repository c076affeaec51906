package com.replyguard.alert;

import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An alert as published (docs/events.md): {@code SlaAtRisk}, {@code SlaBreached} or
 * {@code SlaEscalated}, schema version 1. The id is derived from (merchant, conversation, alert
 * key), so every delivery of the same alert carries the same id. {@code responsibleAgentId}: the
 * agent the clock's breach counts against (R20, R30; null: none), so a notifier can mention them
 * and route by their team.
 */
public record AlertEvent(String eventId, String detailType, MerchantId merchant, ConversationId conversation,
        Alert alert, Instant publishedAt, String responsibleAgentId) {
    public static final int SCHEMA_VERSION = 1;

    public static AlertEvent of(MerchantId merchant, ConversationId conversation, Alert alert, Instant now) {
        return of(merchant, conversation, alert, now, null);
    }

    public static AlertEvent of(MerchantId merchant, ConversationId conversation, Alert alert, Instant now,
            String responsibleAgentId) {
        String type = switch (alert.kind()) {
            case AT_RISK -> "SlaAtRisk";
            case BREACHED -> "SlaBreached";
            case ESCALATED -> "SlaEscalated";
        };
        return new AlertEvent(idOf(merchant, conversation, alert.key()), type, merchant, conversation, alert, now,
                responsibleAgentId);
    }

    static String idOf(MerchantId merchant, ConversationId conversation, String alertKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((merchant.value() + "\u0000" + conversation.value()
                    + "\u0000" + alertKey).getBytes(StandardCharsets.UTF_8));
            return "a_" + HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
