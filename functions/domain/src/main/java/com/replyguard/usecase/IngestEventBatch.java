package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.assessment.PlatformAssessment;
import com.replyguard.breach.Breach;
import com.replyguard.clock.ClockStatus;
import com.replyguard.clock.SlaClock;
import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.CustomerPseudonym;
import com.replyguard.intake.BatchRejected;
import com.replyguard.intake.EventValidator;
import com.replyguard.intake.Problem;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.AssessmentStore;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.StoredConversation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Use case: a merchant's batch of events comes in (contract: webhook).
 *
 * <p>Invariants kept here: the whole batch is validated before the first write, so a refused
 * batch changes nothing (invariant 6); a conversation's state is recomputed from the union of its
 * stored and new events, so order and duplicates change nothing (invariants 1, 2); each
 * conversation is written with a version check and retried on contention; breaches of deadlines
 * already past are recorded at once, and withdrawn if back-filled events show the clock was met
 * (invariant 3). Projections (cycle contributions, breaches) are written after the conversation;
 * a redelivery of the same events (the platform retries until it gets a 200) repairs them.
 */
public final class IngestEventBatch {
    public static final int MAX_EVENTS = 500;
    static final int MAX_ATTEMPTS = 6;

    private final ConversationStore conversations;
    private final AssessmentStore assessments;
    private final BreachStore breaches;
    private final SlaPolicy policy;
    private final Clock clock;

    public IngestEventBatch(ConversationStore conversations, AssessmentStore assessments, BreachStore breaches,
            SlaPolicy policy, Clock clock) {
        this.conversations = Objects.requireNonNull(conversations);
        this.assessments = Objects.requireNonNull(assessments);
        this.breaches = Objects.requireNonNull(breaches);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Accepted: every event of the request is stored; {@code duplicates} of them were already. */
    public record Result(int accepted, int duplicates) {
    }

    public Result ingest(Merchant merchant, List<RawEvent> raw) {
        Instant now = clock.instant();
        List<Problem> problems = new ArrayList<>();
        if (raw.isEmpty() || raw.size() > MAX_EVENTS) {
            throw new BatchRejected("invalid batch", List.of(Problem.ofBatch("events",
                    "must hold 1 to " + MAX_EVENTS + " events (got " + raw.size() + ")")));
        }
        EventValidator validator = new EventValidator(new CustomerPseudonym(merchant.customerHashKey()));
        List<ConversationEvent> events = new ArrayList<>();
        Map<ConversationEvent, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            Optional<ConversationEvent> e = validator.validate(i, raw.get(i), now, problems);
            if (e.isPresent()) {
                events.add(e.get());
                indexOf.putIfAbsent(e.get(), i);
            }
        }
        checkRepeatedIds(raw, events, indexOf, problems);

        Map<ConversationId, List<ConversationEvent>> byConversation = events.stream()
                .collect(Collectors.groupingBy(ConversationEvent::conversationId, LinkedHashMap::new, Collectors.toList()));
        Map<ConversationId, StoredConversation> stored = byConversation.isEmpty()
                ? Map.of() : conversations.loadAll(merchant.id(), byConversation.keySet());
        checkChannels(byConversation, stored, indexOf, problems);
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Integer.compare(a.index() == null ? -1 : a.index(), b.index() == null ? -1 : b.index()));
            throw new BatchRejected("invalid events", problems);
        }

        int duplicates = 0;
        for (Map.Entry<ConversationId, List<ConversationEvent>> group : byConversation.entrySet()) {
            duplicates += apply(merchant, group.getKey(), group.getValue(), stored.get(group.getKey()), now);
        }
        return new Result(raw.size(), duplicates);
    }

    /** The same eventId twice in one batch must mean the same event. */
    private static void checkRepeatedIds(List<RawEvent> raw, List<ConversationEvent> events,
            Map<ConversationEvent, Integer> indexOf, List<Problem> problems) {
        Map<String, ConversationEvent> firstById = new HashMap<>();
        for (ConversationEvent e : events) {
            ConversationEvent first = firstById.putIfAbsent(e.eventId(), e);
            if (first != null && !raw.get(indexOf.get(first)).fields().equals(raw.get(indexOf.get(e)).fields())) {
                problems.add(Problem.ofEvent(indexOf.get(e), "eventId", "'" + e.eventId()
                        + "' is repeated in this batch (index " + indexOf.get(first) + ") with different content"));
            }
        }
    }

    /**
     * A conversation has one channel (contract: named on its first event). Events may arrive in any
     * order, so an event of a conversation whose channel is not known yet is accepted and held: its
     * clocks and platform units start once some event names the channel. Refusing it instead would
     * make the outcome depend on arrival order (invariant 2). A channel that contradicts the
     * conversation's is refused.
     */
    private static void checkChannels(Map<ConversationId, List<ConversationEvent>> byConversation,
            Map<ConversationId, StoredConversation> stored, Map<ConversationEvent, Integer> indexOf,
            List<Problem> problems) {
        for (Map.Entry<ConversationId, List<ConversationEvent>> group : byConversation.entrySet()) {
            Optional<Channel> known = Optional.ofNullable(stored.get(group.getKey()))
                    .flatMap(s -> s.conversation().channel());
            Channel channel = known.orElse(null);
            for (ConversationEvent e : group.getValue()) {
                if (e.channel() == null) {
                    continue;
                }
                if (channel == null) {
                    channel = e.channel();
                } else if (channel != e.channel()) {
                    problems.add(Problem.ofEvent(indexOf.get(e), "channel", "is " + e.channel()
                            + " but conversation '" + group.getKey() + "' is on " + channel));
                }
            }
        }
    }

    /** Merges one conversation's events, writes it, then its projections. Returns the duplicates. */
    private int apply(Merchant merchant, ConversationId id, List<ConversationEvent> incoming,
            StoredConversation loaded, Instant now) {
        StoredConversation base = loaded;
        for (int attempt = 1; ; attempt++) {
            if (base == null) {
                base = StoredConversation.fresh(Conversation.empty(merchant.id(), id));
            }
            Conversation.Merge merge = base.conversation().merge(incoming);
            Conversation next = merge.conversation();
            Map<String, SlaClock> breached = breachedClocks(next, now);
            boolean breachesMoved = !breached.keySet().equals(base.activeBreachKeys());
            if (!merge.changed() && !breachesMoved) {
                // a redelivery: nothing new, but the earlier delivery may have died before its projections
                project(merchant, base, base, now, true);
                return merge.duplicates();
            }
            Map<Cycle, CycleContribution> contributions = PlatformAssessment.of(next, merchant.assessedHours());
            SortedSet<Cycle> knownCycles = new TreeSet<>(base.knownCycles());
            knownCycles.addAll(contributions.keySet());
            StoredConversation written = new StoredConversation(next, base.version() + 1, new TreeSet<>(breached.keySet()),
                    StoredConversation.union(base.knownBreachKeys(), breached.keySet()), knownCycles);
            try {
                conversations.save(written, base.version());
            } catch (ConversationStore.ConcurrentUpdate contention) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw contention;
                }
                base = conversations.load(merchant.id(), id).orElse(null);
                continue;
            }
            project(merchant, base, written, now, false);
            return merge.duplicates();
        }
    }

    private Map<String, SlaClock> breachedClocks(Conversation conversation, Instant now) {
        Map<String, SlaClock> breached = new TreeMap<>();
        for (SlaClock c : conversation.clocks(policy)) {
            if (c.statusAt(now) == ClockStatus.BREACHED) {
                breached.put(c.key(), c);
            }
        }
        return breached;
    }

    /**
     * Brings the cycle contributions and breaches in line with {@code written}. Only what differs
     * from {@code before} is written, unless {@code full} (repair after a possible crash).
     */
    private void project(Merchant merchant, StoredConversation before, StoredConversation written, Instant now,
            boolean full) {
        Conversation conversation = written.conversation();
        long version = written.version();
        Map<Cycle, CycleContribution> previous = full ? Map.of()
                : PlatformAssessment.of(before.conversation(), merchant.assessedHours());
        Map<Cycle, CycleContribution> current = PlatformAssessment.of(conversation, merchant.assessedHours());
        for (Cycle cycle : written.knownCycles()) {
            CycleContribution now_ = current.getOrDefault(cycle, CycleContribution.none(cycle));
            CycleContribution was = previous.getOrDefault(cycle, CycleContribution.none(cycle));
            boolean known = before.knownCycles().contains(cycle);
            if (full || !now_.equals(was) || (!known && !now_.isEmpty())) {
                assessments.record(merchant.id(), conversation.id(), version, now_);
            }
        }

        Map<String, SlaClock> previousClocks = full ? Map.of() : before.conversation().clocks(policy).stream()
                .collect(Collectors.toMap(SlaClock::key, c -> c));
        Map<String, SlaClock> breached = breachedClocks(conversation, now);
        for (SlaClock clock : breached.values()) {
            boolean unchanged = before.activeBreachKeys().contains(clock.key())
                    && clock.equals(previousClocks.get(clock.key()));
            if (full || !unchanged) {
                breaches.record(Breach.of(merchant.id(), conversation.id(), clock, now), version);
            }
        }
        for (String key : full ? written.knownBreachKeys() : before.activeBreachKeys()) {
            if (!breached.containsKey(key)) {
                breaches.retract(merchant.id(), Breach.idOf(conversation.id(), key), version);
            }
        }
    }
}
