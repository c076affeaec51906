package com.replyguard.merchant;

import com.replyguard.time.ChinaTime;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The daily window, in China time, in which a platform-metric unit must start to be assessed
 * (contract: 08:00-23:00 by default; a merchant setting). Start inclusive, end exclusive, so
 * 23:00:00 is out, matching the platform's 08:00:00-22:59:59.
 */
public record AssessedHours(LocalTime from, LocalTime to) {
    public static final AssessedHours PLATFORM_DEFAULT = new AssessedHours(LocalTime.of(8, 0), LocalTime.of(23, 0));
    public static final AssessedHours ALL_DAY = new AssessedHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public AssessedHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** True when the instant's China-time clock reading falls in [from, to); from == to means all day. */
    public boolean contains(Instant instant) {
        LocalTime local = instant.atZone(ChinaTime.ZONE).toLocalTime();
        if (from.equals(to)) {
            return true;
        }
        if (from.isBefore(to)) {
            return !local.isBefore(from) && local.isBefore(to);
        }
        // window across midnight, e.g. 20:00-02:00
        return !local.isBefore(from) || local.isBefore(to);
    }
}
