package com.replyguard.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A channel's shared sending state (one item per merchant and channel, written only by conditional
 * replacement on {@code version}, so every notifier instance sees the same bucket): the tokens of
 * its {@link Budget} as of {@code asOf} on the grid named by {@code grid}, the instant a vendor's
 * throttle lifts ({@code blockedUntil}), and the sender holding it ({@code lockedBy} until
 * {@code lockedUntil}): one sender at a time sends everything queued there, so no two send the same
 * notice. A lock whose holder died expires.
 */
public record ChannelState(int tokens, Instant asOf, String grid, Instant blockedUntil, String lockedBy, Instant lockedUntil,
        long version) {
    /** How long a sender may hold a channel: a send's timeout and its bookkeeping, with room to spare. */
    public static final Duration LEASE = Duration.ofSeconds(30);

    public ChannelState {
        Objects.requireNonNull(asOf);
        Objects.requireNonNull(grid);
    }

    /** A channel nothing has been sent to: a full bucket. */
    public static ChannelState fresh(Budget budget, long phase, Instant now) {
        return new ChannelState(budget.capacity(), now, gridOf(budget, phase), null, null, null, 0);
    }

    static String gridOf(Budget budget, long phase) {
        return budget.capacity() + "/" + budget.interval().toMillis() + "/" + phase;
    }

    /** What happened when a sender asked for the channel. */
    public sealed interface Take permits Granted, Wait {
    }

    /** The sender holds the channel (one token spent): {@code next} is the state to write. */
    public record Granted(ChannelState next) implements Take {
    }

    /** Not now: ask again at {@code at} (the next token, the throttle's end, or the lock's expiry). */
    public record Wait(Instant at, String why) implements Take {
    }

    public boolean lockedAt(Instant now) {
        return lockedBy != null && lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** A sender asks for the channel at {@code now}. */
    public Take take(Budget budget, long phase, String sender, Instant now) {
        if (blockedUntil != null && now.isBefore(blockedUntil)) {
            return new Wait(blockedUntil, "throttled by the vendor");
        }
        if (lockedAt(now)) {
            return new Wait(lockedUntil, "another sender holds the channel");
        }
        // a changed budget or phase empties the bucket as of the last send and refills it on the new grid
        int have = budget.tokensAt(grid.equals(gridOf(budget, phase)) ? tokens : 0, asOf, now, phase);
        if (have < 1) {
            return new Wait(budget.nextTokenAfter(now, phase), "budget used up");
        }
        return new Granted(new ChannelState(have - 1, now, gridOf(budget, phase), blockedUntil, sender, now.plus(LEASE),
                version + 1));
    }

    /**
     * The sender lets go: {@code refund} gives back the token of a send that did not happen (nothing
     * was left to send); {@code blockFor} stops all sends while the vendor throttles the robot.
     */
    public ChannelState released(Budget budget, long phase, boolean refund, Duration blockFor, Instant now) {
        int have = budget.tokensAt(tokens, asOf, now, phase);
        int left = refund ? Math.min(budget.capacity(), have + 1) : have;
        Instant blocked = blockFor.isZero() ? blockedUntil : now.plus(blockFor);
        if (!blockFor.isZero()) {
            left = 0;
        }
        return new ChannelState(left, now, grid, blocked, null, null, version + 1);
    }
}
