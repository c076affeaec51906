package com.replyguard.usecase;

import com.replyguard.alert.Alert;
import com.replyguard.alert.AlertEvent;
import com.replyguard.alert.AlertPlan;
import com.replyguard.breach.Breach;
import com.replyguard.clock.ClockRules;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationId;
import com.replyguard.discipline.Attribution;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.AlertPublisher;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.Due;
import com.replyguard.ports.MerchantDirectory;
import com.replyguard.ports.StoredConversation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * Use case (escalation λ): the wheel hands over conversations whose next alert instant has come.
 * For each, at the current instant: record the breaches now active (exactly once per clock: the
 * breach store's conditional write), put the alerts now owed in the conversation's outbox together
 * with that state, publish them, then clear the outbox.
 *
 * <p>Invariants: any number of deliveries of the same due entry, concurrent or repeated, publish
 * each alert at least once with one stable id and record each breach once (invariant 3); a crash
 * between the state write and the publish leaves the alerts in the outbox with the conversation due
 * at once, so the wheel hands it over again within a second and they go out then. Alerts found
 * more than {@link AlertPlan#STALE_AFTER} late (history, an outage) are marked done, not sent.
 */
public final class EscalateDueClocks {
    static final int MAX_ATTEMPTS = 6;

    private final ConversationStore conversations;
    private final MerchantDirectory merchants;
    private final ConversationRecorder recorder;
    private final AlertPublisher publisher;
    private final Clock clock;

    public EscalateDueClocks(ConversationStore conversations, MerchantDirectory merchants, BreachStore breaches,
            AlertPublisher publisher, Clock clock) {
        this.conversations = Objects.requireNonNull(conversations);
        this.merchants = Objects.requireNonNull(merchants);
        this.recorder = new ConversationRecorder(breaches);
        this.publisher = Objects.requireNonNull(publisher);
        this.clock = Objects.requireNonNull(clock);
    }

    public record Result(int conversations, int published, int staleSkipped) {
    }

    public Result handle(List<Due> due) {
        Map<String, Due> distinct = new LinkedHashMap<>();
        due.forEach(d -> distinct.putIfAbsent(d.merchant().value() + "\u0000" + d.conversation().value(), d));
        int published = 0;
        int stale = 0;
        RuntimeException failure = null;
        for (Due d : distinct.values()) {
            try {
                int[] counts = escalate(d.merchant(), d.conversation());
                published += counts[0];
                stale += counts[1];
            } catch (RuntimeException e) {
                // keep going with the others; the failed one stays due and the wheel hands it over again
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new Result(distinct.size(), published, stale);
    }

    private int[] escalate(MerchantId merchantId, ConversationId id) {
        Optional<Merchant> merchant = merchants.find(merchantId);
        if (merchant.isEmpty()) {
            return new int[] {0, 0};
        }
        Merchant m = merchant.get();
        for (int attempt = 1; ; attempt++) {
            Optional<StoredConversation> loaded = conversations.load(merchantId, id);
            if (loaded.isEmpty()) {
                return new int[] {0, 0};
            }
            StoredConversation stored = loaded.get();
            Instant now = clock.instant();
            Conversation c = stored.conversation();
            AlertPlan plan = AlertPlan.of(ClockRules.of(c, m.policies().sla()), m.policies().sla());
            SortedSet<String> done = StoredConversation.union(stored.notified(), stored.pending());
            List<Alert> owed = plan.dueBy(now, done);
            Set<String> owedKeys = owed.stream().map(Alert::key).collect(Collectors.toSet());
            Set<String> fresh = owed.stream().filter(a -> !AlertPlan.isStale(a, now)).map(Alert::key)
                    .collect(Collectors.toSet());
            SortedSet<String> pending = StoredConversation.union(stored.pending(), fresh);
            StoredConversation next = recorder.next(m, stored, c, now, owedKeys, pending);
            boolean unchanged = owed.isEmpty() && next.activeBreachKeys().equals(stored.activeBreachKeys())
                    && Objects.equals(next.nextDue(), stored.nextDue()) && pending.equals(stored.pending());
            StoredConversation written = stored;
            if (!unchanged) {
                try {
                    conversations.save(next, stored.version());
                } catch (ConversationStore.ConcurrentUpdate contention) {
                    if (attempt >= MAX_ATTEMPTS) {
                        throw contention;
                    }
                    continue;
                }
                recorder.project(m, stored, next, now, false);
                written = next;
            }
            if (written.pending().isEmpty()) {
                return new int[] {0, owedKeys.size() - fresh.size()};
            }
            int sent = publishOutbox(m, written, plan, now);
            return new int[] {sent, owedKeys.size() - fresh.size()};
        }
    }

    /** Publishes the outbox, then clears it; an alert whose clock no longer owes it is dropped unsent. */
    private int publishOutbox(Merchant m, StoredConversation written, AlertPlan plan, Instant now) {
        Map<String, Alert> byKey = new LinkedHashMap<>();
        plan.all().forEach(a -> byKey.put(a.key(), a));
        List<AlertEvent> events = new ArrayList<>();
        for (String key : written.pending()) {
            Alert a = byKey.get(key);
            if (a != null) {
                events.add(AlertEvent.of(m.id(), written.conversation().id(), a, now,
                        Attribution.ownerOf(written.conversation(), a.clock(),
                                m.policies().number(a.clock().policyVersion()).shifts())));
            }
        }
        events.sort(Comparator.comparing((AlertEvent e) -> e.alert().dueAt()).thenComparing(e -> e.alert().key()));
        if (!events.isEmpty()) {
            publisher.publish(events);
        }
        StoredConversation cleared = written.withAlerts(written.notified(), Set.of(),
                ConversationRecorder.nextDue(plan, now, written.notified(), Set.of()));
        try {
            conversations.save(cleared, written.version());
        } catch (ConversationStore.ConcurrentUpdate someoneElseWrote) {
            // the other writer kept the outbox and made the conversation due now: the alerts go out again
            // with the same ids, which subscribers drop as repeats
        }
        return events.size();
    }
}
