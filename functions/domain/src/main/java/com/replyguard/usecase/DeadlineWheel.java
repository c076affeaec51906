package com.replyguard.usecase;

import com.replyguard.alert.AlertPlan;
import com.replyguard.ports.Due;
import com.replyguard.ports.DueIndex;
import com.replyguard.ports.EscalationDispatcher;
import com.replyguard.ports.Pacer;
import com.replyguard.ports.WheelWatermark;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Use case (deadline λ): one turn of the deadline wheel. EventBridge Scheduler invokes it every
 * minute (60 s precision); each turn covers a window a little longer than a minute, so turns
 * overlap. It re-reads the due-index about every second, looking {@link #LOOKAHEAD} ahead, holds
 * what is about to come due and hands each entry to escalation at its instant.
 *
 * <p>Invariant 4, no missed breach: a turn starts reading at the watermark the previous turn left
 * (or an hour back), and the watermark never passes an entry still listed as due, so dropped
 * ticks, lost invocations and failed escalations are caught by the next read. Handing the same
 * entry twice is harmless: escalation is idempotent.
 */
public final class DeadlineWheel {
    public static final Duration READ_EVERY = Duration.ofSeconds(1);
    public static final Duration LOOKAHEAD = Duration.ofMillis(1500);
    /** Entries written with a due instant a little in the past (write latency, clock skew) are still read. */
    public static final Duration OVERLAP = Duration.ofSeconds(10);
    /** A turn with no watermark yet (first deploy) looks back as far as an alert can still be sent. */
    public static final Duration FIRST_LOOKBACK = AlertPlan.STALE_AFTER;
    /** An entry handed over but still listed this long after is handed over again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** Backlog minutes read per read: an hour of missed ticks is caught up in about 12 s. */
    public static final int BACKLOG_MINUTES_PER_READ = 5;

    private final DueIndex index;
    private final EscalationDispatcher dispatcher;
    private final WheelWatermark watermark;
    private final Clock clock;
    private final Pacer pacer;
    private Instant lastWatermark;

    public DeadlineWheel(DueIndex index, EscalationDispatcher dispatcher, WheelWatermark watermark, Clock clock, Pacer pacer) {
        this.index = index;
        this.dispatcher = dispatcher;
        this.watermark = watermark;
        this.clock = clock;
        this.pacer = pacer;
    }

    /** What a turn did, with each hand-over's lag behind its due instant (for the benchmarks). */
    public record Turn(int reads, int handed, List<Duration> lags, Instant watermark) {
    }

    public Turn turn(Duration window) throws InterruptedException {
        Instant end = clock.instant().plus(window);
        Instant recent = clock.instant().minus(OVERLAP);
        // the backlog (from the last turn's watermark up to the recent past) is read a few minutes at a
        // time, between the timely reads of the current window, so catching up never delays new deadlines
        Instant backlog = watermark.load().orElse(clock.instant().minus(FIRST_LOOKBACK));
        Instant backlogEnd = recent;
        Map<Due, Instant> handedAt = new HashMap<>();
        PriorityQueue<Due> upcoming = new PriorityQueue<>(Comparator.comparing(Due::dueAt));
        Set<Due> queued = new HashSet<>(); // what upcoming holds, for constant-time membership on every read
        List<Duration> lags = new ArrayList<>();
        Instant nextRead = clock.instant();
        Instant stuckSince = null;
        int reads = 0;
        int handed = 0;
        try {
            while (clock.instant().isBefore(end)) {
                Instant now = clock.instant();
                if (!now.isBefore(nextRead)) {
                    Instant windowStart = now.minus(OVERLAP);
                    if (windowStart.isBefore(backlogEnd)) {
                        windowStart = backlogEnd;
                    }
                    List<Due> found = new ArrayList<>(index.dueBetween(windowStart, now.plus(LOOKAHEAD)));
                    reads++;
                    for (int slice = 0; slice < BACKLOG_MINUTES_PER_READ && backlog.isBefore(backlogEnd); slice++) {
                        Instant sliceEnd = backlog.plus(Duration.ofMinutes(1));
                        if (sliceEnd.isAfter(backlogEnd)) {
                            sliceEnd = backlogEnd;
                        }
                        found.addAll(index.dueBetween(backlog, sliceEnd.minusMillis(1)));
                        reads++;
                        backlog = sliceEnd;
                    }
                    Instant earliestStillDue = null;
                    for (Due d : found) {
                        Instant handed0 = handedAt.get(d);
                        boolean retry = handed0 != null && !d.dueAt().isAfter(now) && now.isAfter(handed0.plus(RETRY_AFTER));
                        if ((handed0 == null || retry) && queued.add(d)) {
                            upcoming.add(d);
                        }
                        if (!d.dueAt().isAfter(now) && (earliestStillDue == null || d.dueAt().isBefore(earliestStillDue))) {
                            earliestStillDue = d.dueAt();
                        }
                    }
                    stuckSince = earliestStillDue;
                    nextRead = now.plus(READ_EVERY);
                }
                List<Due> batch = new ArrayList<>();
                while (!upcoming.isEmpty() && !upcoming.peek().dueAt().isAfter(clock.instant())) {
                    Due d = upcoming.poll();
                    queued.remove(d);
                    batch.add(d);
                }
                if (!batch.isEmpty()) {
                    Instant at = clock.instant();
                    dispatcher.dispatch(batch);
                    for (Due d : batch) {
                        handedAt.put(d, at);
                        lags.add(Duration.between(d.dueAt(), at));
                    }
                    handed += batch.size();
                }
                Instant wake = nextRead;
                if (!upcoming.isEmpty() && upcoming.peek().dueAt().isBefore(wake)) {
                    wake = upcoming.peek().dueAt();
                }
                if (end.isBefore(wake)) {
                    wake = end;
                }
                pacer.sleepUntil(wake);
            }
        } finally {
            // the next turn resumes at the earliest of: unread backlog, an entry still due, the recent past
            Instant next = clock.instant().minus(OVERLAP);
            if (backlog.isBefore(backlogEnd) && backlog.isBefore(next)) {
                next = backlog;
            }
            if (stuckSince != null && stuckSince.isBefore(next)) {
                next = stuckSince;
            }
            watermark.save(next);
            lastWatermark = next;
        }
        return new Turn(reads, handed, lags, lastWatermark);
    }
}
