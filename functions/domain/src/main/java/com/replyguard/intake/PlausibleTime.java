package com.replyguard.intake;

import java.time.Instant;

/**
 * The instants the system takes from outside - event times on every webhook route, report and
 * query parameters. Backfill of history is supported, but nothing this system serves happened
 * before 2000 (抖音 opened in 2016) or will happen after 2100: an instant outside that range is a
 * broken or hostile input, refused at validation with the range in the message, before it can
 * reach a clock, a cycle or a counter (a 1969 date once stopped the KPI fold of every merchant
 * in its shard). Events are further bounded by {@link EventValidator#MAX_FUTURE}.
 */
public final class PlausibleTime {
    /** The earliest instant accepted, inclusive. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** The latest instant accepted, exclusive. */
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private PlausibleTime() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(LATEST);
    }

    /** Epoch milliseconds that {@link #contains} (false for any value no instant of the range holds). */
    public static boolean containsEpochMilli(long millis) {
        return millis >= EARLIEST.toEpochMilli() && millis < LATEST.toEpochMilli();
    }

    /** Epoch seconds that {@link #contains}. */
    public static boolean containsEpochSecond(long seconds) {
        return seconds >= EARLIEST.getEpochSecond() && seconds < LATEST.getEpochSecond();
    }

    /** The range in words, for refusal messages. */
    public static String range() {
        return "from " + EARLIEST + " up to (not including) " + LATEST;
    }
}
