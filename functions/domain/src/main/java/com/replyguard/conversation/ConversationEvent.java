package com.replyguard.conversation;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One validated event of a conversation (contract: event fields). Optional fields are null when
 * absent. The customer is held only as a keyed hash ({@code customerRef}); message text is not
 * kept by the domain at all (R29).
 *
 * {@code toAgentId}: whom a transfer, handoff or escalation is addressed to, when the platform says
 * (it decides who owes the answer: {@code discipline.Attribution}).
 *
 * <p>Invariant: the canonical order of events is by {@code occurredAt}, ties by {@code eventId},
 * so a conversation's state never depends on arrival order.
 */
public record ConversationEvent(
        String eventId,
        EventType type,
        ConversationId conversationId,
        Instant occurredAt,
        Channel channel,
        String customerRef,
        String agentId,
        AgentRole agentRole,
        boolean auto,
        Boolean urgent,
        Complexity complexity,
        Integer rating,
        AfterSalesCategory category,
        AfterSalesSuggestion suggestion,
        String toAgentId) {

    public static final Comparator<ConversationEvent> CANONICAL_ORDER =
            Comparator.comparing(ConversationEvent::occurredAt).thenComparing(ConversationEvent::eventId);

    public ConversationEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** R8, R13: a human reply is an agent message that no fully automatic bot sent. */
    public boolean isHumanReply() {
        return type == EventType.AGENT_MESSAGE && !auto;
    }

    public boolean isCustomerMessage() {
        return type == EventType.CUSTOMER_MESSAGE;
    }

    public boolean isUrgent() {
        return Boolean.TRUE.equals(urgent);
    }

    public static Builder builder(String eventId, EventType type, ConversationId conversationId, Instant occurredAt) {
        return new Builder(eventId, type, conversationId, occurredAt);
    }

    /** Builds events field by field; used by the intake validator and by tests. */
    public static final class Builder {
        private final String eventId;
        private final EventType type;
        private final ConversationId conversationId;
        private final Instant occurredAt;
        private Channel channel;
        private String customerRef;
        private String agentId;
        private AgentRole agentRole;
        private boolean auto;
        private Boolean urgent;
        private Complexity complexity;
        private Integer rating;
        private AfterSalesCategory category;
        private AfterSalesSuggestion suggestion;
        private String toAgentId;

        private Builder(String eventId, EventType type, ConversationId conversationId, Instant occurredAt) {
            this.eventId = eventId;
            this.type = type;
            this.conversationId = conversationId;
            this.occurredAt = occurredAt;
        }

        public Builder channel(Channel v) { this.channel = v; return this; }
        public Builder customerRef(String v) { this.customerRef = v; return this; }
        public Builder agentId(String v) { this.agentId = v; return this; }
        public Builder agentRole(AgentRole v) { this.agentRole = v; return this; }
        public Builder auto(boolean v) { this.auto = v; return this; }
        public Builder urgent(Boolean v) { this.urgent = v; return this; }
        public Builder complexity(Complexity v) { this.complexity = v; return this; }
        public Builder rating(Integer v) { this.rating = v; return this; }
        public Builder category(AfterSalesCategory v) { this.category = v; return this; }
        public Builder suggestion(AfterSalesSuggestion v) { this.suggestion = v; return this; }
        public Builder toAgentId(String v) { this.toAgentId = v; return this; }

        public ConversationEvent build() {
            return new ConversationEvent(eventId, type, conversationId, occurredAt, channel, customerRef, agentId,
                    agentRole, auto, urgent, complexity, rating, category, suggestion, toAgentId);
        }
    }
}
