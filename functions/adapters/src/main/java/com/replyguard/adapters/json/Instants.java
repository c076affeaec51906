package com.replyguard.adapters.json;

import com.replyguard.time.ChinaTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Instants on the wire: ISO-8601 with an offset; answers are written in China time (+08:00). */
public final class Instants {
    private Instants() {
    }

    public static String format(Instant instant) {
        return instant == null ? null
                : instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ChinaTime.ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public static String format(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Parses an instant with offset ("2026-10-03T10:00:00+08:00" or "...Z"). */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant with an offset, e.g. 2026-10-03T10:00:00+08:00");
        }
    }
}
