package com.replyguard.notify;

import com.replyguard.time.ChinaTime;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;

/** A daily window in China time, [from, to), in which a route sends nothing; it may run past midnight. */
public record QuietHours(LocalTime from, LocalTime to) {
    public QuietHours {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours need a from and a to that differ");
        }
    }

    public boolean contains(Instant instant) {
        LocalTime t = instant.atZone(ChinaTime.ZONE).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
}
