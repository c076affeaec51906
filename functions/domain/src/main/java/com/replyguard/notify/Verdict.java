package com.replyguard.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * What an answer means for the message: {@code SENT}; {@code RETRY} after {@code retryAfter} (the
 * robot said "too fast" or "busy", or could not be reached), with {@code blockChannelFor} when the
 * vendor throttles the whole robot (钉钉: 10 minutes) so nothing else is sent there meanwhile; or
 * {@code REFUSED}: it will never succeed (wrong token, signature mismatch, keyword not matched, robot
 * removed or disabled, message refused), so it is recorded as failed at once.
 */
public record Verdict(Outcome outcome, Duration retryAfter, Duration blockChannelFor) {
    public enum Outcome { SENT, RETRY, REFUSED }

    public static final Verdict SENT = new Verdict(Outcome.SENT, Duration.ZERO, Duration.ZERO);
    public static final Verdict REFUSED = new Verdict(Outcome.REFUSED, Duration.ZERO, Duration.ZERO);

    public Verdict {
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(retryAfter);
        Objects.requireNonNull(blockChannelFor);
    }

    public static Verdict retry(Duration after) {
        return new Verdict(Outcome.RETRY, after, Duration.ZERO);
    }

    public static Verdict throttled(Duration block) {
        return new Verdict(Outcome.RETRY, block, block);
    }
}
