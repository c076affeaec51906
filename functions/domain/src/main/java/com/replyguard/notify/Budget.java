package com.replyguard.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * A channel's share of its robot's rate limit, as a token bucket whose tokens accrue on a fixed
 * grid: at most {@code capacity} tokens, one more at each instant {@code phase + k * interval}
 * (milliseconds since the epoch). Invariant: in any window of length {@code w} at most
 * {@code capacity + ceil(w / interval)} messages go out - the bucket holds at most
 * {@code capacity} when the window opens and gains one token per grid instant inside it - and
 * {@link #forPerMinute} chooses both so that this stays one below the robot's limit per minute
 * (and per second where the vendor has one). The grid, not the time of the last send, decides when
 * a token comes, so channels of one merchant can be given different phases and take turns under
 * load (docs/decisions/0007).
 */
public record Budget(int capacity, Duration interval) {
    public static final Duration MINUTE = Duration.ofMinutes(1);

    public Budget {
        if (capacity < 1 || interval.toMillis() < 1) {
            throw new IllegalArgumentException("a budget needs a capacity and an interval of at least 1");
        }
    }

    /**
     * The budget for a robot that accepts {@code perMinute} messages a minute (at least 3): one
     * message of margin, a capacity of 2 (1 below 10 a minute) for a lone alert's immediate send, the
     * rest spread evenly over the minute.
     */
    public static Budget forPerMinute(int perMinute) {
        if (perMinute < 3) {
            throw new IllegalArgumentException("a robot must accept at least 3 messages a minute (got " + perMinute + ")");
        }
        int capacity = perMinute >= 10 ? 2 : 1;
        int spread = perMinute - 1 - capacity;
        return new Budget(capacity, Duration.ofMillis((MINUTE.toMillis() + spread - 1) / spread));
    }

    /** The most messages this budget lets out in any window of {@code window}. */
    public long maxIn(Duration window) {
        long i = interval.toMillis();
        return capacity + (window.toMillis() + i - 1) / i;
    }

    /** The grid step ({@code k}) an instant falls in; tokens accrue when it increases. */
    long step(Instant t, long phaseMillis) {
        return Math.floorDiv(t.toEpochMilli() - phaseMillis, interval.toMillis());
    }

    /** The first grid instant after {@code t}. */
    public Instant nextTokenAfter(Instant t, long phaseMillis) {
        return Instant.ofEpochMilli(phaseMillis + (step(t, phaseMillis) + 1) * interval.toMillis());
    }

    /** The tokens a bucket holding {@code tokens} at {@code asOf} holds at {@code now}. */
    public int tokensAt(int tokens, Instant asOf, Instant now, long phaseMillis) {
        long gained = Math.max(0, step(now, phaseMillis) - step(asOf, phaseMillis));
        return (int) Math.min(capacity, tokens + gained);
    }

    /**
     * The phase of channel {@code index} of {@code count} sharing this interval: evenly spread, so
     * that under load their grids interleave and some group hears of an alert every interval/count.
     */
    public long phaseOf(int index, int count) {
        return count <= 1 ? 0 : interval.toMillis() * index / count;
    }
}
