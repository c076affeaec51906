package com.replyguard.conversation;

import com.replyguard.merchant.MerchantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation: the set of its distinct events (by eventId) and everything derived from it.
 *
 * <p>Invariant: every derived fact (channel, human clock start, clocks, rounds, rating) is a pure
 * function of the event set, read in canonical order (occurredAt, then eventId). Arrival order,
 * batch splits and duplicates never change it. The first event seen with an eventId wins.
 */
public final class Conversation {
    private final MerchantId merchant;
    private final ConversationId id;
    private final List<ConversationEvent> events;

    private Conversation(MerchantId merchant, ConversationId id, List<ConversationEvent> canonicalEvents) {
        this.merchant = Objects.requireNonNull(merchant);
        this.id = Objects.requireNonNull(id);
        this.events = List.copyOf(canonicalEvents);
    }

    public static Conversation empty(MerchantId merchant, ConversationId id) {
        return new Conversation(merchant, id, List.of());
    }

    public static Conversation of(MerchantId merchant, ConversationId id, Collection<ConversationEvent> events) {
        return empty(merchant, id).merge(events).conversation();
    }

    /** The outcome of adding events: the new conversation and which of them were already known. */
    public record Merge(Conversation conversation, int added, int duplicates) {
        public boolean changed() {
            return added > 0;
        }
    }

    public Merge merge(Collection<ConversationEvent> incoming) {
        Map<String, ConversationEvent> byId = new LinkedHashMap<>();
        events.forEach(e -> byId.put(e.eventId(), e));
        int added = 0;
        int duplicates = 0;
        for (ConversationEvent e : incoming) {
            if (!e.conversationId().equals(id)) {
                throw new IllegalArgumentException("event " + e.eventId() + " belongs to another conversation");
            }
            if (byId.putIfAbsent(e.eventId(), e) == null) {
                added++;
            } else {
                duplicates++;
            }
        }
        List<ConversationEvent> sorted = new ArrayList<>(byId.values());
        sorted.sort(ConversationEvent.CANONICAL_ORDER);
        return new Merge(new Conversation(merchant, id, sorted), added, duplicates);
    }

    public MerchantId merchant() {
        return merchant;
    }

    public ConversationId id() {
        return id;
    }

    /** The events in canonical order. */
    public List<ConversationEvent> events() {
        return events;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** The channel named by the conversation's events (the intake refuses conflicting channels). */
    public Optional<Channel> channel() {
        return events.stream().map(ConversationEvent::channel).filter(Objects::nonNull).findFirst();
    }

    /**
     * Contract: the human clock start is the conversation's {@code conversation.transferred} event
     * if it has one (the earliest, if several), else its first {@code customer.message}.
     */
    public Optional<ConversationEvent> humanClockStartEvent() {
        Optional<ConversationEvent> transfer = events.stream().filter(e -> e.type() == EventType.TRANSFERRED).findFirst();
        return transfer.isPresent() ? transfer : events.stream().filter(ConversationEvent::isCustomerMessage).findFirst();
    }

    public Optional<Instant> humanClockStart() {
        return humanClockStartEvent().map(ConversationEvent::occurredAt);
    }

    /** R8, R13: the first human (not {@code auto}) agent message at or after {@code from}. */
    public Optional<ConversationEvent> firstHumanReplyAtOrAfter(Instant from) {
        return events.stream().filter(ConversationEvent::isHumanReply).filter(e -> !e.occurredAt().isBefore(from)).findFirst();
    }

    /**
     * R14: the rounds of customer messages at or after the human clock start. A customer message
     * at the same instant as the reply that ends a round is answered by that reply.
     */
    public List<Round> rounds() {
        Optional<Instant> hcs = humanClockStart();
        if (hcs.isEmpty()) {
            return List.of();
        }
        List<ConversationEvent> customer = events.stream().filter(ConversationEvent::isCustomerMessage)
                .filter(e -> !e.occurredAt().isBefore(hcs.get())).toList();
        List<ConversationEvent> replies = events.stream().filter(ConversationEvent::isHumanReply).toList();
        List<Round> rounds = new ArrayList<>();
        int i = 0;
        while (i < customer.size()) {
            ConversationEvent first = customer.get(i);
            Optional<ConversationEvent> reply = replies.stream()
                    .filter(r -> !r.occurredAt().isBefore(first.occurredAt())).findFirst();
            int j = i + 1;
            while (j < customer.size()
                    && (reply.isEmpty() || !customer.get(j).occurredAt().isAfter(reply.get().occurredAt()))) {
                j++;
            }
            rounds.add(new Round(first.occurredAt(), first.eventId(), j - i,
                    reply.map(ConversationEvent::occurredAt).orElse(null),
                    reply.map(ConversationEvent::eventId).orElse(null),
                    reply.map(ConversationEvent::agentId).orElse(null)));
            i = j;
        }
        return rounds;
    }

    /** The conversation's customer: the keyed hash on its first customer message (or report). */
    public Optional<String> customerRef() {
        return events.stream().filter(e -> e.customerRef() != null).map(ConversationEvent::customerRef).findFirst();
    }

    /**
     * R24-R26: the conversation as an after-sales case: its subtype from the latest manager
     * classification, else the most confident suggestion of its customer messages (ties: the
     * earliest); empty when it is neither classified nor suggested.
     */
    public Optional<AfterSalesCase> afterSalesCase() {
        Optional<ConversationEvent> manual = latestClassification();
        if (manual.isPresent()) {
            return Optional.of(new AfterSalesCase(manual.get().category(), false, 100));
        }
        ConversationEvent best = null;
        for (ConversationEvent e : events) {
            if (e.suggestion() != null && (best == null || e.suggestion().confidence() > best.suggestion().confidence())) {
                best = e;
            }
        }
        return best == null ? Optional.empty()
                : Optional.of(new AfterSalesCase(best.suggestion().category(), true, best.suggestion().confidence()));
    }

    /** An after-sales case's subtype, whether it is only suggested, and the confidence (100 when classified). */
    public record AfterSalesCase(AfterSalesCategory category, boolean suggested, int confidence) {
    }

    /**
     * R25, one round of processing: the first from the human clock start, each later one from a
     * {@code conversation.reopened} that came after the previous round's resolution; {@code resolved}
     * is the first resolution at or after the round's start, if any.
     */
    public record ProcessingRound(Instant start, String startEventId, boolean reopened, Optional<ConversationEvent> resolved) {
    }

    /**
     * The case's rounds of processing (R25), in order; empty before the human clock start. A reopen
     * while a round is still being processed starts nothing.
     */
    public List<ProcessingRound> processingRounds() {
        Optional<ConversationEvent> hcs = humanClockStartEvent();
        if (hcs.isEmpty()) {
            return List.of();
        }
        List<ProcessingRound> rounds = new ArrayList<>();
        ProcessingRound round = round(hcs.get(), false);
        rounds.add(round);
        for (ConversationEvent e : events) {
            if (e.type() == EventType.REOPENED && round.resolved().isPresent()
                    && events.indexOf(e) > events.indexOf(round.resolved().get())) {
                round = round(e, true);
                rounds.add(round);
            }
        }
        return rounds;
    }

    /** A round from {@code start}: resolved by the first resolution at or after it (after it, in order, for a reopen). */
    private ProcessingRound round(ConversationEvent start, boolean reopened) {
        int from = events.indexOf(start);
        Optional<ConversationEvent> resolved = Optional.empty();
        for (int i = 0; i < events.size() && resolved.isEmpty(); i++) {
            ConversationEvent e = events.get(i);
            boolean inRound = reopened ? i > from : !e.occurredAt().isBefore(start.occurredAt());
            if (e.type() == EventType.RESOLVED && inRound) {
                resolved = Optional.of(e);
            }
        }
        return new ProcessingRound(start.occurredAt(), start.eventId(), reopened, resolved);
    }

    /** R25: how often the case was processed again (reopens that started a round). */
    public int reopens() {
        return (int) processingRounds().stream().filter(ProcessingRound::reopened).count();
    }

    /**
     * R25: when the case's processing ended - the resolution of its last round; empty while a round
     * (the first, or a reopened one) is still being processed.
     */
    public Optional<Instant> caseResolvedAt() {
        List<ProcessingRound> rounds = processingRounds();
        return rounds.isEmpty() ? Optional.empty() : rounds.get(rounds.size() - 1).resolved().map(ConversationEvent::occurredAt);
    }

    /** How far back a customer report reaches: the customer's messages of the 7 days before it. */
    public static final Duration REPORT_REACH = Duration.ofDays(7);

    /**
     * True when a customer report of this conversation covers {@code instant}: the report was made
     * at or after it, at most {@link #REPORT_REACH} later (units starting then leave the reply rates).
     */
    public boolean excludedByReport(Instant instant) {
        return events.stream().filter(e -> e.type() == EventType.CUSTOMER_REPORTED).map(ConversationEvent::occurredAt)
                .anyMatch(t -> !t.isBefore(instant) && !t.minus(REPORT_REACH).isAfter(instant));
    }

    /** R15: the latest rating wins (latest by occurredAt, ties by eventId). */
    public Optional<Integer> latestRating() {
        return events.stream().filter(e -> e.type() == EventType.RATED).map(ConversationEvent::rating)
                .reduce((a, b) -> b);
    }

    /** R24: the conversation's after-sales category: the latest classification wins. */
    public Optional<ConversationEvent> latestClassification() {
        return events.stream().filter(e -> e.type() == EventType.CLASSIFIED).reduce((a, b) -> b);
    }

    /**
     * R20: a complaint that the response was too slow - the conversation classified
     * {@code SERVICE_SLOW_RESPONSE} (latest classification) - held against the agent who last replied
     * before the classification. Empty when there is no such complaint or no agent to hold it against.
     */
    public Optional<SlowResponseComplaint> slowResponseComplaint() {
        Optional<ConversationEvent> c = latestClassification();
        if (c.isEmpty() || c.get().category() != AfterSalesCategory.SERVICE_SLOW_RESPONSE) {
            return Optional.empty();
        }
        String agent = null;
        for (ConversationEvent e : events) {
            if (e.isHumanReply() && !e.occurredAt().isAfter(c.get().occurredAt())) {
                agent = e.agentId();
            }
        }
        return agent == null ? Optional.empty() : Optional.of(new SlowResponseComplaint(agent, c.get().occurredAt()));
    }

    /** A "response too slow" complaint against an agent, at the classification's instant. */
    public record SlowResponseComplaint(String agentId, Instant at) {
    }

    /**
     * R3, R5, R11, R12: a case is complex when an event says so ({@code complexity: COMPLEX}), or it
     * was handed off by the host, or escalated to a superior.
     */
    public boolean isComplex() {
        return events.stream().anyMatch(e -> e.complexity() == Complexity.COMPLEX || e.type() == EventType.HANDOFF
                || e.type() == EventType.ESCALATED || e.type() == EventType.REOPENED);
    }

    public Optional<Instant> lastActivity() {
        return events.stream().map(ConversationEvent::occurredAt).max(Comparator.naturalOrder());
    }
}
