package com.replyguard.clock;

import com.replyguard.conversation.Channel;
import java.time.Duration;
import java.util.Objects;

/**
 * The targets a merchant's clocks run against. {@link #DEFAULT} holds the contract's default
 * targets; a merchant policy may change them (the policy API comes with the deadline wheel).
 */
public record SlaPolicy(Duration firstReplyLiveRoom, Duration firstReplyChat, Duration firstReplyUrgent) {
    /** R1: 30 s in the live room; R2, R9: 1 min in chat and private messages; R9: 30 s when urgent. */
    public static final SlaPolicy DEFAULT =
            new SlaPolicy(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30));

    public SlaPolicy {
        Objects.requireNonNull(firstReplyLiveRoom);
        Objects.requireNonNull(firstReplyChat);
        Objects.requireNonNull(firstReplyUrgent);
    }

    /**
     * The first-reply target for a channel. Hotline and e-mail are not named by the seeds; they get
     * the chat target (R9 covers "the consultation connecting" on any channel).
     */
    public Duration firstReply(Channel channel, boolean urgent) {
        Duration normal = channel == Channel.LIVE_COMMENT ? firstReplyLiveRoom : firstReplyChat;
        return urgent && firstReplyUrgent.compareTo(normal) < 0 ? firstReplyUrgent : normal;
    }
}
