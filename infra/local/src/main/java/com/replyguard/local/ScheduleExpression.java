package com.replyguard.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge Scheduler expression as the local runner runs it: {@code rate(N minute|minutes|hour|hours|day|days)}
 * or {@code cron(minutes hours day-of-month month day-of-week year)} in a time zone. Cron fields take
 * {@code *}, {@code ?}, numbers, lists ({@code 1,16}), ranges ({@code 1-5}) and steps ({@code 0/15},
 * {@code *}{@code /5}); day-of-week is 1-7 = SUN-SAT or SUN..SAT, as in AWS. Anything else is refused
 * when the template is read, so a schedule the runner cannot run never passes silently.
 */
final class ScheduleExpression {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+)\\)");
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final String text;
    private final Duration rate;
    private final ZoneId zone;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final BitSet years;

    private ScheduleExpression(String text, Duration rate, ZoneId zone, BitSet[] fields) {
        this.text = text;
        this.rate = rate;
        this.zone = zone;
        this.minutes = fields == null ? null : fields[0];
        this.hours = fields == null ? null : fields[1];
        this.daysOfMonth = fields == null ? null : fields[2];
        this.months = fields == null ? null : fields[3];
        this.daysOfWeek = fields == null ? null : fields[4];
        this.years = fields == null ? null : fields[5];
    }

    static ScheduleExpression parse(String expression, String timezone) {
        ZoneId zone = ZoneId.of(timezone == null || timezone.isBlank() ? "UTC" : timezone);
        Matcher r = RATE.matcher(expression.trim());
        if (r.matches()) {
            long n = Long.parseLong(r.group(1));
            if (n < 1) {
                throw new IllegalArgumentException("a rate needs at least 1: " + expression);
            }
            Duration unit = r.group(2).startsWith("minute") ? Duration.ofMinutes(1)
                    : r.group(2).startsWith("hour") ? Duration.ofHours(1) : Duration.ofDays(1);
            return new ScheduleExpression(expression, unit.multipliedBy(n), zone, null);
        }
        Matcher c = CRON.matcher(expression.trim());
        if (!c.matches()) {
            throw new IllegalArgumentException("not a schedule expression the local runner runs: " + expression);
        }
        BitSet[] fields = {
            field(c.group(1), 0, 59, expression), field(c.group(2), 0, 23, expression), field(c.group(3), 1, 31, expression),
            field(c.group(4), 1, 12, expression), field(days(c.group(5)), 1, 7, expression), field(c.group(6), 1970, 2199, expression)};
        if (!c.group(3).equals("?") && !c.group(5).equals("?")) {
            throw new IllegalArgumentException("day-of-month or day-of-week must be ? (AWS): " + expression);
        }
        return new ScheduleExpression(expression, null, zone, fields);
    }

    private static String days(String field) {
        String out = field.toUpperCase(Locale.ROOT);
        for (int i = 0; i < DAYS.length; i++) {
            out = out.replace(DAYS[i], Integer.toString(i + 1));
        }
        return out;
    }

    private static BitSet field(String text, int min, int max, String expression) {
        BitSet set = new BitSet();
        if (text.equals("*") || text.equals("?")) {
            set.set(min, max + 1);
            return set;
        }
        for (String part : text.split(",")) {
            try {
                int step = 1;
                String range = part;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    step = Integer.parseInt(part.substring(slash + 1));
                    range = part.substring(0, slash);
                }
                int from;
                int to;
                if (range.equals("*")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    from = Integer.parseInt(range.substring(0, range.indexOf('-')));
                    to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
                } else {
                    from = Integer.parseInt(range);
                    to = slash >= 0 ? max : from;
                }
                if (from < min || to > max || from > to || step < 1) {
                    throw new IllegalArgumentException();
                }
                for (int v = from; v <= to; v += step) {
                    set.set(v);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cron field '" + part + "' outside " + min + "-" + max + " or not supported: "
                        + expression);
            }
        }
        return set;
    }

    boolean isRate() {
        return rate != null;
    }

    /** The period of a rate expression. */
    Duration rate() {
        return rate;
    }

    /** Whether a cron expression fires in the minute that contains {@code instant}, read in its time zone. */
    boolean firesInMinuteOf(Instant instant) {
        if (rate != null) {
            throw new IllegalStateException(text + " is a rate, not a cron expression");
        }
        ZonedDateTime t = instant.atZone(zone);
        int dayOfWeek = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
        return minutes.get(t.getMinute()) && hours.get(t.getHour()) && daysOfMonth.get(t.getDayOfMonth())
                && months.get(t.getMonthValue()) && daysOfWeek.get(dayOfWeek) && years.get(t.getYear());
    }

    /** A cron expression that fires every day (day-of-month, month and day-of-week unrestricted). */
    boolean isDaily() {
        return rate == null && daysOfMonth.cardinality() == 31 && months.cardinality() == 12 && daysOfWeek.cardinality() == 7;
    }

    @Override
    public String toString() {
        return text + " (" + zone + ")";
    }
}
