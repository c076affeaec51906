package com.replyguard.conversation;

import java.util.Objects;

/** The platform's conversation id, unique per merchant. Invariant: 1-128 characters. */
public record ConversationId(String value) {
    public static final int MAX_LENGTH = 128;

    public ConversationId {
        Objects.requireNonNull(value, "conversation id");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("conversation id must be 1-" + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
