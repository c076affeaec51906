package com.replyguard.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conversation's id, unique per merchant. Invariant: 1-128 characters. Events sent in the
 * contract's format keep the sender's id; conversations made from a platform's own pushes carry the
 * platform's id behind a prefix, so two platforms' ids never collide: {@link #DOUYIN} for 抖音 private
 * messages (the platform's conversation id), {@link #DOUDIAN_AFTERSALE} for 抖店 after-sales requests
 * (the after-sale id). docs/platforms.md.
 */
public record ConversationId(String value) {
    public static final int MAX_LENGTH = 128;
    public static final String DOUYIN = "dy:";
    public static final String DOUDIAN_AFTERSALE = "aftersale:";

    public ConversationId {
        Objects.requireNonNull(value, "conversation id");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("conversation id must be 1-" + MAX_LENGTH + " characters");
        }
    }

    /**
     * The ids a manager's lookup by {@code asked} may mean, in order: the id itself, then - for an id
     * without a prefix, as a platform shows it - the same id as 抖音's and as 抖店's.
     */
    public static List<ConversationId> lookup(String asked) {
        List<ConversationId> ids = new ArrayList<>();
        ids.add(new ConversationId(asked));
        if (!asked.startsWith(DOUYIN) && !asked.startsWith(DOUDIAN_AFTERSALE)
                && asked.length() + DOUDIAN_AFTERSALE.length() <= MAX_LENGTH) {
            ids.add(new ConversationId(DOUYIN + asked));
            ids.add(new ConversationId(DOUDIAN_AFTERSALE + asked));
        }
        return ids;
    }

    @Override
    public String toString() {
        return value;
    }
}
