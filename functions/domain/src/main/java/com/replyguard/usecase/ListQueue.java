package com.replyguard.usecase;

import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.discipline.Shifts;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.QueueIndex;
import com.replyguard.queue.WaitingClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case (manager API, {@code GET /merchants/{m}/queue}): the live queue - every clock of the merchant a customer still
 * waits on, soonest deadline first, each with its status now (RUNNING, AT_RISK from the warning
 * instant, BREACHED after the deadline), filtered, paged. A team lead sees the clocks held by their
 * team and those nobody holds yet (a fresh comment belongs to the whole floor until someone answers);
 * never another team's. {@code team} is the roster shift (R30) of the responsible agent: the shift
 * handover is this list filtered by a shift.
 *
 * <p>A clock whose deadline passed more than {@link #OVERDUE_HORIZON} ago leaves the queue (it stays
 * in the breaches): a live-room comment nobody answered, in a conversation nobody closes, must not
 * make every later read of the queue dearer.
 */
public final class ListQueue {
    public static final Duration OVERDUE_HORIZON = Duration.ofHours(24);
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final QueueIndex index;
    private final Clock clock;

    public ListQueue(QueueIndex index, Clock clock) {
        this.index = Objects.requireNonNull(index);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What to show: null fields match anything. */
    public record Filter(Channel channel, String team, String agent, ClockType clock) {
        String signature() {
            return channel + "|" + team + "|" + agent + "|" + clock;
        }
    }

    public record Row(String conversationId, Channel channel, WaitingClock clock, String team, WaitingClock.Status status) {
    }

    public record Page(Instant asOf, List<Row> rows, String nextToken) {
    }

    /** A nextToken that is not one this merchant and filter got from the previous page. */
    public static final class InvalidPageToken extends RuntimeException {
        InvalidPageToken(String message) {
            super(message);
        }
    }

    public Page list(Merchant merchant, Manager caller, Filter filter, int limit, String nextToken) {
        Instant now = clock.instant();
        Optional<Cursor> after = nextToken == null ? Optional.empty() : Optional.of(Cursor.parse(nextToken, merchant, filter));
        List<Row> rows = new ArrayList<>();
        for (QueueIndex.Entry e : index.waiting(merchant.id(), now.minus(OVERDUE_HORIZON))) {
            for (WaitingClock w : e.waiting()) {
                String team = teamOf(merchant.shifts(), w.responsibleAgentId());
                Row row = new Row(e.conversationId().value(), e.channel(), w, team, w.statusAt(now));
                if (!w.deadline().isBefore(now.minus(OVERDUE_HORIZON)) && visibleTo(caller, w) && matches(row, filter)) {
                    rows.add(row);
                }
            }
        }
        rows.sort(ORDER);
        if (after.isPresent()) {
            rows.removeIf(r -> ORDER.compare(r, after.get().row()) <= 0);
        }
        if (rows.size() <= limit) {
            return new Page(now, rows, null);
        }
        List<Row> page = List.copyOf(rows.subList(0, limit));
        return new Page(now, page, Cursor.of(page.get(limit - 1), merchant, filter));
    }

    static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> r.clock().deadline())
            .thenComparing(Row::conversationId).thenComparing(r -> r.clock().key());

    private static boolean visibleTo(Manager caller, WaitingClock w) {
        return w.responsibleAgentId() == null || caller.covers(w.responsibleAgentId());
    }

    private static boolean matches(Row r, Filter f) {
        return (f.channel() == null || f.channel() == r.channel()) && (f.clock() == null || f.clock() == r.clock().type())
                && (f.agent() == null || f.agent().equals(r.clock().responsibleAgentId()))
                && (f.team() == null || f.team().equals(r.team()));
    }

    /** The roster shift listing the agent (the first, in the policy's order); null when none does. */
    static String teamOf(Shifts shifts, String agent) {
        if (agent == null) {
            return null;
        }
        return shifts.shifts().stream().filter(s -> s.agents().contains(agent)).map(Shifts.Shift::name).findFirst().orElse(null);
    }

    /** Where a page ended: the last row's (deadline, conversation, clock), bound to the merchant and the filter. */
    private record Cursor(Row row) {
        static String of(Row last, Merchant merchant, Filter filter) {
            String text = String.join("\n", "q1", merchant.id().value(), filter.signature(),
                    Long.toString(last.clock().deadline().toEpochMilli()), last.conversationId(), last.clock().key());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String token, Merchant merchant, Filter filter) {
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            } catch (IllegalArgumentException e) {
                throw new InvalidPageToken("is not a token this route gave out");
            }
            if (parts.length != 6 || !parts[0].equals("q1")) {
                throw new InvalidPageToken("is not a token this route gave out");
            }
            if (!parts[1].equals(merchant.id().value()) || !parts[2].equals(filter.signature())) {
                throw new InvalidPageToken("belongs to another merchant or other filters; ask for the first page again");
            }
            try {
                Instant deadline = Instant.ofEpochMilli(Long.parseLong(parts[3]));
                WaitingClock probe = new WaitingClock(ClockType.FIRST_REPLY, parts[5], false, deadline, deadline, null, null);
                return new Cursor(new Row(parts[4], null, probe, null, null));
            } catch (NumberFormatException e) {
                throw new InvalidPageToken("is not a token this route gave out");
            }
        }
    }
}
