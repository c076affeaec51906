package com.replyguard.notify;

/**
 * Where one notice stands with one channel. {@code QUEUED}: waiting for the channel's budget (or for
 * the sender holding it). {@code RETRYING}: the robot said "too fast" or could not be reached; tried
 * again after a backoff. {@code SENT}: a message of its own was accepted. {@code DIGESTED}: named in
 * a digest message that was accepted. {@code FAILED}: refused in a way retrying cannot fix, or not
 * accepted within {@link Delivery#GIVE_UP_AFTER} (then also put in the dead-letter queue).
 */
public enum DeliveryState {
    QUEUED, RETRYING, SENT, DIGESTED, FAILED;

    public boolean isFinal() {
        return this == SENT || this == DIGESTED || this == FAILED;
    }
}
