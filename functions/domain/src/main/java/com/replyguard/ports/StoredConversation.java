package com.replyguard.ports;

import com.replyguard.assessment.ResponseTimes;
import com.replyguard.conversation.Conversation;
import com.replyguard.kpi.KpiVector;
import com.replyguard.queue.WaitingClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A conversation as stored, with its optimistic-lock {@code version} and bookkeeping:
 * <ul>
 *   <li>for projections, repairable after a crash: the breach clock keys active at this version
 *       and every breach clock key ever recorded (that set only grows);</li>
 *   <li>for alerts: the keys of alerts already published or recorded as stale ({@code notified},
 *       only grows), the keys written but not yet confirmed published ({@code pending}: the outbox),
 *       and {@code nextDue}, the instant the deadline wheel must look at this conversation again
 *       (its due-index entry; null: nothing more can come);</li>
 *   <li>{@code responseTimes}: its figures for the operations report (R18, R22), also on the item;</li>
 *   <li>{@code kpi}: what it adds to the KPI counters, and {@code kpiChangedAt}, when that last
 *       changed (its entry in the change feed the KPI fold reads; null: never counted anything);</li>
 *   <li>{@code waiting}: the clocks the customer still waits on, the conversation's entry in the live
 *       queue (docs/console.md; empty: not in the queue).</li>
 * </ul>
 */
public record StoredConversation(Conversation conversation, long version, SortedSet<String> activeBreachKeys,
        SortedSet<String> knownBreachKeys, SortedSet<String> notified, SortedSet<String> pending, Instant nextDue,
        ResponseTimes responseTimes, KpiVector kpi, Instant kpiChangedAt, List<WaitingClock> waiting) {

    public StoredConversation {
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
        activeBreachKeys = new TreeSet<>(activeBreachKeys);
        knownBreachKeys = new TreeSet<>(knownBreachKeys);
        notified = new TreeSet<>(notified);
        pending = new TreeSet<>(pending);
        kpi = kpi == null ? KpiVector.empty() : kpi;
    }

    public static StoredConversation fresh(Conversation conversation) {
        return new StoredConversation(conversation, 0, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                null, null, KpiVector.empty(), null, List.of());
    }

    public StoredConversation withVersion(long newVersion) {
        return new StoredConversation(conversation, newVersion, activeBreachKeys, knownBreachKeys, notified, pending, nextDue,
                responseTimes, kpi, kpiChangedAt, waiting);
    }

    /**
     * The next version with the same projections and bookkeeping but other events - only for a
     * change that moves no clock, unit or alert (removing a customer's pseudonym, R29).
     */
    public StoredConversation withConversation(Conversation changed) {
        return new StoredConversation(changed, version + 1, activeBreachKeys, knownBreachKeys, notified, pending, nextDue,
                responseTimes, kpi, kpiChangedAt, waiting);
    }

    /** The next version of this state with new alert bookkeeping (the events and projections unchanged). */
    public StoredConversation withAlerts(Set<String> newNotified, Set<String> newPending, Instant newNextDue) {
        return new StoredConversation(conversation, version + 1, activeBreachKeys, knownBreachKeys,
                new TreeSet<>(newNotified), new TreeSet<>(newPending), newNextDue, responseTimes, kpi, kpiChangedAt, waiting);
    }

    public static SortedSet<String> union(Set<String> a, Set<String> b) {
        SortedSet<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }
}
