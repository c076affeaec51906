package com.replyguard.assessment;

import com.replyguard.time.ChinaTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R17: an assessment cycle is half a month in China time: {@code YYYY-MM-H1} covers days 1-15,
 * {@code YYYY-MM-H2} day 16 to the month's end. Invariant: {@code from} is inclusive,
 * {@code to} exclusive, and consecutive cycles tile time without gap or overlap.
 */
public record Cycle(YearMonth month, Half half) implements Comparable<Cycle> {
    public enum Half { H1, H2 }

    private static final Pattern SHAPE = Pattern.compile("(\\d{4})-(\\d{2})-(H1|H2)");

    public Cycle {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(half, "half");
    }

    public static Cycle containing(Instant instant) {
        ZonedDateTime local = instant.atZone(ChinaTime.ZONE);
        return new Cycle(YearMonth.from(local), local.getDayOfMonth() <= 15 ? Half.H1 : Half.H2);
    }

    /**
     * Parses {@code YYYY-MM-H1|H2}; empty when the text is not a cycle. Any four-digit year reads, so
     * stored data always stays readable; which cycles a request may ask for is the edge's decision
     * (the plausible range of {@code intake.PlausibleTime}).
     */
    public static Optional<Cycle> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        return Optional.of(new Cycle(YearMonth.of(year, month), Half.valueOf(m.group(3))));
    }

    public OffsetDateTime from() {
        LocalDate first = half == Half.H1 ? month.atDay(1) : month.atDay(16);
        return first.atStartOfDay().atOffset(ChinaTime.ZONE);
    }

    public OffsetDateTime to() {
        LocalDate next = half == Half.H1 ? month.atDay(16) : month.plusMonths(1).atDay(1);
        return next.atStartOfDay().atOffset(ChinaTime.ZONE);
    }

    /**
     * How long after its end a cycle is closed (R16, R17): the last units' limits (at most 3 minutes)
     * have passed and late deliveries have arrived. The schedules say the same (00:30 China time on
     * the 1st and the 16th).
     */
    public static final Duration CLOSE_DELAY = Duration.ofMinutes(30);

    /** When this cycle is closed: its end plus {@link #CLOSE_DELAY}. */
    public Instant closesAt() {
        return to().toInstant().plus(CLOSE_DELAY);
    }

    public Cycle next() {
        return half == Half.H1 ? new Cycle(month, Half.H2) : new Cycle(month.plusMonths(1), Half.H1);
    }

    public Cycle previous() {
        return half == Half.H2 ? new Cycle(month, Half.H1) : new Cycle(month.minusMonths(1), Half.H2);
    }

    @Override
    public int compareTo(Cycle o) {
        int c = month.compareTo(o.month);
        return c != 0 ? c : half.compareTo(o.half);
    }

    @Override
    public String toString() {
        return String.format("%04d-%02d-%s", month.getYear(), month.getMonthValue(), half);
    }
}
