package com.replyguard.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * R23, R29: the text of one message - a customer's or an agent's reply - kept only when the
 * merchant opted in, with the customer's keyed hash on a customer's message (so a deletion request
 * finds it; an agent's reply has none and goes with its conversation's customer) and the instant it
 * expires.
 */
public record MessageText(ConversationId conversation, String eventId, String customerRef, String text, Instant expiresAt) {
    public MessageText {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "MessageText[" + conversation + "/" + eventId + ", " + text.length() + " chars, expires " + expiresAt + "]";
    }
}
