package com.replyguard.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One notice for one channel (exactly once per pair, as far as we can: the record is created with a
 * conditional write, and only the sender holding the channel's lock sends what is queued there).
 * {@code notice} travels with it, so whoever sends a digest can name it; {@code notBefore} delays a
 * retry; {@code attempts} counts the messages that carried it; {@code answer} is the last robot answer.
 */
public record Delivery(Notice notice, String channelId, ChannelKind kind, DeliveryState state, Instant queuedAt, Instant at,
        Instant notBefore, int attempts, RobotAnswer answer) {
    /** A notice not accepted by a channel this long after it was queued is given up (FAILED, dead-lettered). */
    public static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    public Delivery {
        Objects.requireNonNull(notice);
        Objects.requireNonNull(channelId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(state);
        Objects.requireNonNull(queuedAt);
        Objects.requireNonNull(at);
        Objects.requireNonNull(notBefore);
    }

    public static Delivery queued(Notice notice, NotifyChannel channel, Instant now) {
        return new Delivery(notice, channel.id(), channel.kind(), DeliveryState.QUEUED, now, now, now, 0, null);
    }

    public String noticeId() {
        return notice.id();
    }

    public boolean isFinal() {
        return state.isFinal();
    }

    public boolean isDue(Instant now) {
        return !isFinal() && !notBefore.isAfter(now);
    }

    public boolean isOverdue(Instant now) {
        return !isFinal() && !now.isBefore(queuedAt.plus(GIVE_UP_AFTER));
    }

    /** After a send attempt that carried it: the verdict's state, the answer, one more attempt. */
    public Delivery after(Verdict verdict, RobotAnswer robotAnswer, boolean digested, Instant now) {
        return switch (verdict.outcome()) {
            case SENT -> new Delivery(notice, channelId, kind, digested ? DeliveryState.DIGESTED : DeliveryState.SENT, queuedAt,
                    now, notBefore, attempts + 1, robotAnswer);
            case RETRY -> new Delivery(notice, channelId, kind, DeliveryState.RETRYING, queuedAt, now,
                    now.plus(verdict.retryAfter()), attempts + 1, robotAnswer);
            case REFUSED -> new Delivery(notice, channelId, kind, DeliveryState.FAILED, queuedAt, now, notBefore, attempts + 1,
                    robotAnswer);
        };
    }

    /** Given up: not accepted within {@link #GIVE_UP_AFTER}; the last answer stays (or says why none came). */
    public Delivery givenUp(Instant now) {
        RobotAnswer why = answer != null ? answer : RobotAnswer.notSent("not sent within " + GIVE_UP_AFTER.toSeconds()
                + " s: the channel's budget was used up by earlier messages");
        return new Delivery(notice, channelId, kind, DeliveryState.FAILED, queuedAt, now, notBefore, attempts, why);
    }
}
