package com.replyguard.usecase;

import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.CustomerPseudonym;
import com.replyguard.conversation.CustomerReport;
import com.replyguard.conversation.EventType;
import com.replyguard.conversation.MessageText;
import com.replyguard.intake.BatchRejected;
import com.replyguard.intake.EventValidator;
import com.replyguard.intake.PlausibleTime;
import com.replyguard.intake.Problem;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.AgentRegistry;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.MessageTexts;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
    private final MessageTexts texts;
    private final AgentRegistry agents;
    private final ConversationRecorder recorder;
    private final Clock clock;
    /** Agents this instance has recorded (saves rewriting them on every batch). */
    private final Set<String> recordedAgents = ConcurrentHashMap.newKeySet();
    private static final int RECORDED_AGENTS_LIMIT = 100_000;

    public IngestEventBatch(ConversationStore conversations, BreachStore breaches, Clock clock) {
        this(conversations, breaches, MessageTexts.NONE, clock);
    }

    /** With the text store for merchants who opted in to keeping message text (R23). */
    public IngestEventBatch(ConversationStore conversations, BreachStore breaches, MessageTexts texts, Clock clock) {
        this(conversations, breaches, texts, AgentRegistry.NONE, clock);
    }

    /** With the registry of the agents the merchant's events name (an unknown agent's report is then a 404). */
    public IngestEventBatch(ConversationStore conversations, BreachStore breaches, MessageTexts texts, AgentRegistry agents,
            Clock clock) {
        this.agents = Objects.requireNonNull(agents);
        this.texts = Objects.requireNonNull(texts);
        this.conversations = Objects.requireNonNull(conversations);
        this.recorder = new ConversationRecorder(Objects.requireNonNull(breaches));
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Accepted: every event of the request is stored; {@code duplicates} of them were already;
     * {@code held}: the batch's conversations whose channel is still unknown - their events are
     * stored, but no clock starts until an event names the channel (decision 0003).
     */
    public record Result(int accepted, int duplicates, List<String> held) {
        public Result {
            held = List.copyOf(held);
        }

        public Result(int accepted, int duplicates) {
            this(accepted, duplicates, List.of());
        }
    }

    public Result ingest(Merchant merchant, List<RawEvent> raw) {
        Instant now = clock.instant();
        List<Problem> problems = new ArrayList<>();
        if (raw.isEmpty() || raw.size() > MAX_EVENTS) {
            throw new BatchRejected("invalid batch", List.of(Problem.ofBatch("events",
                    "must hold 1 to " + MAX_EVENTS + " events (got " + raw.size() + ")")));
        }
        // a message's urgency is read by the urgency rules in force at its instant (its policy version)
        EventValidator validator = new EventValidator(new CustomerPseudonym(merchant.customerHashKey()),
                t -> merchant.policies().at(t).urgency());
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
        Map<String, List<CustomerReport>> reportsInBatch = reportsByCustomer(events);
        if (problems.isEmpty()) {
            spreadCustomerReports(merchant, events, byConversation);
        }
        // the batch's customers' recorded reports come with the conversations, in the same batched read
        Set<String> customers = events.stream().map(ConversationEvent::customerRef).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        ConversationStore.Loaded loaded = byConversation.isEmpty() ? new ConversationStore.Loaded(Map.of(), Map.of())
                : conversations.loadWithReports(merchant.id(), byConversation.keySet(), customers);
        Map<ConversationId, StoredConversation> stored = loaded.conversations();
        checkChannels(byConversation, stored, indexOf, problems);
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Integer.compare(a.index() == null ? -1 : a.index(), b.index() == null ? -1 : b.index()));
            throw new BatchRejected("invalid events", problems);
        }
        // recorded before any conversation is written, so a conversation of the customer written later finds them
        reportsInBatch.forEach((customer, reports) -> conversations.recordReports(merchant.id(), customer, reports));
        copyReports(merchant, byConversation, stored, loaded.reports(), reportsInBatch);

        int duplicates = 0;
        TreeSet<String> held = new TreeSet<>();
        for (Map.Entry<ConversationId, List<ConversationEvent>> group : byConversation.entrySet()) {
            Applied a = apply(merchant, group.getKey(), group.getValue(), stored.get(group.getKey()), now);
            // only the request's own events count as its duplicates, not copies of a customer report
            duplicates += Math.min(a.duplicates(), (int) group.getValue().stream().filter(indexOf::containsKey).count());
            if (a.held()) {
                held.add(group.getKey().value());
            }
        }
        keepTexts(merchant, events, validator.texts());
        recordAgents(merchant, events);
        return new Result(raw.size(), duplicates, new ArrayList<>(held));
    }

    /**
     * A customer report (R13, R14) reaches every conversation of the customer, whatever arrives first:
     * when it arrives, it is recorded for the customer and copied to the customer's stored
     * conversations (by the customer index); a conversation whose customer arrives later gets the
     * recorded reports when its customer's events arrive ({@link #copyReports}). Each copy has the id
     * {@code reportId@conversationId}, so a redelivery merges as a duplicate; each conversation's
     * KPIs leave out the units of the 7 days before a report (docs/metrics.md). The residual case: a
     * report and a conversation's first customer message written at the same moment, within the
     * customer index's propagation delay, can miss each other.
     */
    private void spreadCustomerReports(Merchant merchant, List<ConversationEvent> events,
            Map<ConversationId, List<ConversationEvent>> byConversation) {
        for (ConversationEvent e : events) {
            if (e.type() != EventType.CUSTOMER_REPORTED || e.customerRef() == null) {
                continue;
            }
            for (ConversationId other : conversations.ofCustomer(merchant.id(), e.customerRef(), PlausibleTime.EARLIEST)) {
                if (!other.equals(e.conversationId())) {
                    byConversation.computeIfAbsent(other, k -> new ArrayList<>()).add(copyOf(e.eventId(), e.customerRef(),
                            e.occurredAt(), other));
                }
            }
        }
    }

    private static ConversationEvent copyOf(String reportId, String customerRef, Instant at, ConversationId to) {
        return ConversationEvent.builder(reportId + "@" + to.value(), EventType.CUSTOMER_REPORTED, to, at)
                .customerRef(customerRef).build();
    }

    /** The batch's reports, by customer. */
    private static Map<String, List<CustomerReport>> reportsByCustomer(List<ConversationEvent> events) {
        Map<String, List<CustomerReport>> out = new TreeMap<>();
        for (ConversationEvent e : events) {
            if (e.type() == EventType.CUSTOMER_REPORTED && e.customerRef() != null) {
                out.computeIfAbsent(e.customerRef(), k -> new ArrayList<>()).add(new CustomerReport(e.eventId(), e.occurredAt()));
            }
        }
        return out;
    }

    /**
     * Every conversation of the batch whose customer was reported (recorded before, or in this batch)
     * gets a copy of each report it does not hold yet; a report's own conversation keeps the original.
     */
    private static void copyReports(Merchant merchant, Map<ConversationId, List<ConversationEvent>> byConversation,
            Map<ConversationId, StoredConversation> stored, Map<String, List<CustomerReport>> recorded,
            Map<String, List<CustomerReport>> inBatch) {
        if (recorded.isEmpty() && inBatch.isEmpty()) {
            return;
        }
        Map<String, String> ownConversation = new HashMap<>();
        byConversation.values().forEach(list -> list.stream().filter(e -> e.type() == EventType.CUSTOMER_REPORTED
                && !e.eventId().contains("@")).forEach(e -> ownConversation.put(e.eventId(), e.conversationId().value())));
        for (Map.Entry<ConversationId, List<ConversationEvent>> group : byConversation.entrySet()) {
            Conversation base = Optional.ofNullable(stored.get(group.getKey())).map(StoredConversation::conversation)
                    .orElse(Conversation.empty(merchant.id(), group.getKey()));
            Optional<String> customer = base.merge(group.getValue()).conversation().customerRef();
            if (customer.isEmpty()) {
                continue;
            }
            List<CustomerReport> reports = new ArrayList<>(recorded.getOrDefault(customer.get(), List.of()));
            reports.addAll(inBatch.getOrDefault(customer.get(), List.of()));
            for (CustomerReport r : reports) {
                String copyId = r.eventId() + "@" + group.getKey().value();
                boolean held = base.events().stream().anyMatch(e -> e.eventId().equals(r.eventId()) || e.eventId().equals(copyId))
                        || group.getValue().stream().anyMatch(e -> e.eventId().equals(copyId));
                if (!held && !group.getKey().value().equals(ownConversation.get(r.eventId()))) {
                    group.getValue().add(copyOf(r.eventId(), customer.get(), r.at(), group.getKey()));
                }
            }
        }
    }

    /**
     * R23: the texts of the customers' messages and the agents' replies, only for a merchant that opted in, each expiring its
     * retention after the message (already expired: not kept). Written after the events, so a
     * crash before leaves events without text, never text without events; a retry writes it.
     */
    private void keepTexts(Merchant merchant, List<ConversationEvent> events, Map<String, String> byEventId) {
        if (merchant.textRetention().isEmpty() || byEventId.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<MessageText> kept = new ArrayList<>();
        for (ConversationEvent e : events) {
            String text = byEventId.get(e.eventId());
            Instant expires = e.occurredAt().plus(merchant.textRetention().get());
            if (text != null && expires.isAfter(now)) {
                kept.add(new MessageText(e.conversationId(), e.eventId(), e.customerRef(), text, expires));
            }
        }
        if (!kept.isEmpty()) {
            texts.keep(merchant.id(), kept);
        }
    }

    /**
     * The agents the batch names, recorded once per instance (before the answer: a failure is a 5xx the
     * platform retries, and the retry records them).
     */
    private void recordAgents(Merchant merchant, List<ConversationEvent> events) {
        Set<String> fresh = new TreeSet<>();
        for (ConversationEvent e : events) {
            for (String agent : new String[] {e.agentId(), e.toAgentId()}) {
                if (agent != null && FindAgent.problem(agent).isEmpty() && !recordedAgents.contains(merchant.id() + "#" + agent)) {
                    fresh.add(agent);
                }
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        agents.record(merchant.id(), fresh);
        if (recordedAgents.size() > RECORDED_AGENTS_LIMIT) {
            recordedAgents.clear();
        }
        fresh.forEach(a -> recordedAgents.add(merchant.id() + "#" + a));
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

    /** What writing one conversation did: its duplicate events, and whether it still waits for its channel. */
    private record Applied(int duplicates, boolean held) {
    }

    /** Merges one conversation's events, writes it, then its projections. */
    private Applied apply(Merchant merchant, ConversationId id, List<ConversationEvent> incoming,
            StoredConversation loaded, Instant now) {
        StoredConversation base = loaded;
        for (int attempt = 1; ; attempt++) {
            if (base == null) {
                base = StoredConversation.fresh(Conversation.empty(merchant.id(), id));
            }
            Conversation.Merge merge = base.conversation().merge(incoming);
            StoredConversation next = recorder.next(merchant, base, merge.conversation(), now, Set.of(), base.pending());
            boolean breachesMoved = !next.activeBreachKeys().equals(base.activeBreachKeys());
            if (!merge.changed() && !breachesMoved) {
                // a redelivery: nothing new, but the earlier delivery may have died before its projections
                recorder.project(merchant, base, base, now, true);
                return new Applied(merge.duplicates(), base.conversation().channel().isEmpty());
            }
            try {
                conversations.save(next, base.version());
            } catch (ConversationStore.ConcurrentUpdate contention) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw contention;
                }
                base = conversations.load(merchant.id(), id).orElse(null);
                continue;
            }
            recorder.project(merchant, base, next, now, false);
            return new Applied(merge.duplicates(), next.conversation().channel().isEmpty());
        }
    }
}
