package com.replyguard.clock;

import com.replyguard.time.ChinaTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Business hours in China time: opening windows per weekday, holidays (closed all day) and
 * make-up workdays (调休: a weekend day worked with the hours of {@code workdayTemplate}). A clock
 * the merchant pauses out of hours runs only inside these windows; a clock started out of hours
 * starts at the next opening.
 */
public final class BusinessCalendar {
    /** One opening window of a day, [from, to); {@code to} 00:00 means midnight at the day's end. */
    public record Window(LocalTime from, LocalTime to) {
        public Window {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
                throw new IllegalArgumentException("window " + from + "-" + to + " must end after it starts");
            }
        }

        Duration length() {
            return to.equals(LocalTime.MIDNIGHT) ? Duration.between(from, LocalTime.MAX).plusNanos(1) : Duration.between(from, to);
        }
    }

    /** Open every day, all day: the contract's 7x24 default. */
    public static final BusinessCalendar ALWAYS_OPEN;

    static {
        Map<DayOfWeek, List<Window>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            all.put(d, List.of(new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        ALWAYS_OPEN = new BusinessCalendar(all, Set.of(), Set.of(), DayOfWeek.MONDAY);
    }

    private static final int MAX_DAYS = 800;
    private final Map<DayOfWeek, List<Window>> weekly;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final DayOfWeek workdayTemplate;

    public BusinessCalendar(Map<DayOfWeek, List<Window>> weekly, Set<LocalDate> holidays, Set<LocalDate> workdays,
            DayOfWeek workdayTemplate) {
        this.weekly = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((d, w) -> this.weekly.put(d, List.copyOf(w)));
        this.holidays = new TreeSet<>(holidays);
        this.workdays = new TreeSet<>(workdays);
        this.workdayTemplate = Objects.requireNonNull(workdayTemplate);
        if (this.weekly.values().stream().allMatch(List::isEmpty) && this.workdays.isEmpty()) {
            throw new IllegalArgumentException("business hours must open at least one day a week");
        }
    }

    private List<Window> windows(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        if (workdays.contains(day)) {
            return weekly.getOrDefault(workdayTemplate, List.of());
        }
        return weekly.getOrDefault(day.getDayOfWeek(), List.of());
    }

    /** The instant {@code amount} of business time after {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        ZonedDateTime cursor = start.atZone(ChinaTime.ZONE);
        Duration left = amount;
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.toLocalDate();
            for (Window w : windows(day)) {
                ZonedDateTime open = day.atTime(w.from()).atZone(ChinaTime.ZONE);
                ZonedDateTime close = w.to().equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(ChinaTime.ZONE)
                        : day.atTime(w.to()).atZone(ChinaTime.ZONE);
                if (!close.isAfter(cursor)) {
                    continue;
                }
                ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
                Duration available = Duration.between(from, close);
                if (available.compareTo(left) >= 0) {
                    return from.plus(left).toInstant();
                }
                left = left.minus(available);
                cursor = close;
            }
            cursor = day.plusDays(1).atStartOfDay(ChinaTime.ZONE);
        }
        throw new IllegalStateException("business hours leave no time within " + MAX_DAYS + " days");
    }

    public Map<DayOfWeek, List<Window>> weekly() {
        return new EnumMap<>(weekly);
    }

    public Set<LocalDate> holidays() {
        return new TreeSet<>(holidays);
    }

    public Set<LocalDate> workdays() {
        return new TreeSet<>(workdays);
    }

    public DayOfWeek workdayTemplate() {
        return workdayTemplate;
    }

    public static List<Window> windowsOf(List<String> ranges) {
        List<Window> out = new ArrayList<>();
        for (String r : ranges) {
            String[] p = r.split("-");
            if (p.length != 2) {
                throw new IllegalArgumentException("'" + r + "' is not a window like 09:00-18:00");
            }
            out.add(new Window(LocalTime.parse(p[0].trim()), "24:00".equals(p[1].trim()) ? LocalTime.MIDNIGHT : LocalTime.parse(p[1].trim())));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessCalendar b && b.weekly.equals(weekly) && b.holidays.equals(holidays)
                && b.workdays.equals(workdays) && b.workdayTemplate == workdayTemplate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(weekly, holidays, workdays, workdayTemplate);
    }
}
