package com.replyguard.usecase;

import com.replyguard.assessment.ResponseTimes;
import com.replyguard.breach.Breach;
import com.replyguard.clock.ClockRules;
import com.replyguard.clock.ClockStatus;
import com.replyguard.clock.SlaClock;
import com.replyguard.conversation.Conversation;
import com.replyguard.discipline.Attribution;
import com.replyguard.kpi.ConversationVector;
import com.replyguard.kpi.KpiVector;
import com.replyguard.alert.AlertPlan;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.PolicyHistory;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.StoredConversation;
import com.replyguard.queue.WaitingClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What ingest and escalation both do to a conversation: compute its next stored state at an
 * instant (breaches active then, alerts owed, the due-index instant, its KPI vector and queue entry),
 * and bring the projections (breaches, complaints) in line with a written state.
 *
 * <p>Invariant: projections are idempotent writes guarded by the conversation version, so repeated
 * or concurrent calls converge on the newest state; a full projection repairs anything a crash
 * between the conversation write and its projections left behind.
 */
final class ConversationRecorder {
    private final BreachStore breaches;

    ConversationRecorder(BreachStore breaches) {
        this.breaches = breaches;
    }

    static Map<String, SlaClock> breachedClocks(Merchant merchant, Conversation conversation, Instant now) {
        return breached(ClockRules.of(conversation, merchant.policies().sla()), now);
    }

    private static Map<String, SlaClock> breached(List<SlaClock> clocks, Instant now) {
        Map<String, SlaClock> breached = new TreeMap<>();
        for (SlaClock c : clocks) {
            if (c.statusAt(now) == ClockStatus.BREACHED) {
                breached.put(c.key(), c);
            }
        }
        return breached;
    }

    /**
     * The state to write after {@code base}: {@code conversation} with the breaches active at
     * {@code now}, {@code newlyNotified} added to the notified alerts, {@code pending} as the outbox.
     */
    StoredConversation next(Merchant merchant, StoredConversation base, Conversation conversation, Instant now,
            Set<String> newlyNotified, Set<String> pending) {
        PolicyHistory policies = merchant.policies();
        List<SlaClock> clocks = ClockRules.of(conversation, policies.sla());
        AlertPlan plan = AlertPlan.of(clocks, policies.sla());
        Map<String, SlaClock> breached = breached(clocks, now);
        SortedSet<String> notified = StoredConversation.union(base.notified(), newlyNotified);
        // alerts already stale (back-filled history) are never sent: mark them done now, so they
        // do not wake the wheel at all
        plan.dueBy(now, notified).stream().filter(a -> AlertPlan.isStale(a, now)).forEach(a -> notified.add(a.key()));
        Instant nextDue = nextDue(plan, now, notified, pending);
        // one attribution rule for every view: the KPI counters, the queue and (in project) the breaches
        Function<SlaClock, String> owner = k -> Attribution.ownerOf(conversation, k, policies.number(k.policyVersion()).shifts());
        KpiVector kpi = ConversationVector.of(conversation, t -> policies.at(t).assessedHours(), clocks, owner);
        return new StoredConversation(conversation, base.version() + 1, new TreeSet<>(breached.keySet()),
                StoredConversation.union(base.knownBreachKeys(), breached.keySet()), notified,
                new TreeSet<>(pending), nextDue, ResponseTimes.of(conversation).orElse(null), kpi,
                kpi.equals(base.kpi()) ? base.kpiChangedAt() : now,
                WaitingClock.of(conversation, clocks, policies.sla(), owner));
    }

    /**
     * When the wheel must look again: now while alerts wait in the outbox, else the earliest alert
     * not yet notified - never before {@code now}, so the due-index never holds a past instant the
     * wheel has already swept.
     */
    static Instant nextDue(AlertPlan plan, Instant now, Set<String> notified, Set<String> pending) {
        if (!pending.isEmpty()) {
            return now;
        }
        return plan.next(notified).map(t -> t.isBefore(now) ? now : t).orElse(null);
    }

    /**
     * Brings the breaches in line with {@code written}. Only what differs from {@code before} is
     * written, unless {@code full} (repair after a possible crash).
     */
    void project(Merchant merchant, StoredConversation before, StoredConversation written, Instant now, boolean full) {
        Conversation conversation = written.conversation();
        long version = written.version();
        PolicyHistory policies = merchant.policies();
        List<SlaClock> beforeClocks = full ? List.of() : ClockRules.of(before.conversation(), policies.sla());
        Map<String, SlaClock> previousClocks = beforeClocks.stream().collect(Collectors.toMap(SlaClock::key, c -> c));
        Map<String, SlaClock> breached = breachedClocks(merchant, conversation, now);
        for (SlaClock clock : breached.values()) {
            boolean unchanged = before.activeBreachKeys().contains(clock.key())
                    && clock.equals(previousClocks.get(clock.key()));
            if (full || !unchanged) {
                breaches.record(Breach.of(merchant.id(), conversation.id(), clock, now,
                        Attribution.ownerOf(conversation, clock, policies.number(clock.policyVersion()).shifts())), version);
            }
        }
        // R20: a "response too slow" complaint counts against the agent; written when it appears, changes or goes
        var complaint = conversation.slowResponseComplaint();
        var previousComplaint = before.conversation().slowResponseComplaint();
        if (full ? complaint.isPresent() || previousComplaint.isPresent() : !complaint.equals(previousComplaint)) {
            breaches.recordComplaint(merchant.id(), conversation.id(), complaint.map(c -> c.agentId()).orElse(null),
                    complaint.map(c -> c.at()).orElse(now), version);
        }
        for (String key : full ? written.knownBreachKeys() : before.activeBreachKeys()) {
            if (!breached.containsKey(key)) {
                breaches.retract(merchant.id(), Breach.idOf(conversation.id(), key), version);
            }
        }
    }
}
