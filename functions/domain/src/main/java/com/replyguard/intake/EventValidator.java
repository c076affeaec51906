package com.replyguard.intake;

import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.AfterSalesSuggestion;
import com.replyguard.conversation.AgentRole;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Complexity;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.CustomerPseudonym;
import com.replyguard.conversation.EventType;
import com.replyguard.conversation.UrgencyRules;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns one raw event into a {@link ConversationEvent}, or reports every problem with it
 * (contract: event fields). It never stops at the first problem: an integrator fixes a batch in
 * one round trip. Events more than 60 s in the future are refused; any past from
 * {@link PlausibleTime#EARLIEST} on is backfill (earlier is refused: {@link PlausibleTime}).
 */
public final class EventValidator {
    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final Duration MAX_FUTURE = Duration.ofSeconds(60);

    private final CustomerPseudonym pseudonym;
    private final Function<Instant, UrgencyRules> urgencyAt;
    /** The customer messages' texts of the valid events, by event id: handed to the text store when the merchant opted in. */
    private final Map<String, String> texts = new LinkedHashMap<>();

    public EventValidator(CustomerPseudonym pseudonym) {
        this(pseudonym, UrgencyRules.DEFAULT);
    }

    public EventValidator(CustomerPseudonym pseudonym, UrgencyRules urgency) {
        this(pseudonym, at -> urgency);
    }

    /** With the urgency rules in force at each message's instant (the merchant's policy version then). */
    public EventValidator(CustomerPseudonym pseudonym, Function<Instant, UrgencyRules> urgencyAt) {
        this.pseudonym = pseudonym;
        this.urgencyAt = urgencyAt;
    }

    /** The texts of the customer messages validated so far, by event id (kept only if the merchant opted in). */
    public Map<String, String> texts() {
        return Collections.unmodifiableMap(texts);
    }

    /** The event, or empty with the problems added to {@code problems}. */
    public Optional<ConversationEvent> validate(int index, RawEvent raw, Instant now, List<Problem> problems) {
        if (!raw.isObject()) {
            problems.add(Problem.ofEvent(index, "", "an event must be a JSON object"));
            return Optional.empty();
        }
        int before = problems.size();
        Report r = new Report(index, problems);

        String eventId = r.requiredString(raw, "eventId", MAX_ID_LENGTH);
        String typeName = r.requiredString(raw, "type", 64);
        EventType type = null;
        if (typeName != null) {
            type = EventType.fromWireName(typeName).orElse(null);
            if (type == null) {
                r.add("type", "unknown type '" + typeName + "'; expected one of "
                        + Arrays.stream(EventType.values()).map(EventType::wireName).toList());
            }
        }
        String conversationId = r.requiredString(raw, "conversationId", ConversationId.MAX_LENGTH);
        Instant occurredAt = r.instant(raw, "occurredAt");
        if (occurredAt != null && occurredAt.isAfter(now.plus(MAX_FUTURE))) {
            r.add("occurredAt", "lies more than 60 s in the future (" + occurredAt + " is after " + now + " + 60 s); "
                    + "an event's time must lie from " + PlausibleTime.EARLIEST + " up to 60 s from now");
        } else if (occurredAt != null && !PlausibleTime.contains(occurredAt)) {
            r.add("occurredAt", "lies before " + PlausibleTime.EARLIEST + " (got " + occurredAt
                    + "); an event's time must lie from " + PlausibleTime.EARLIEST + " up to 60 s from now");
        }
        Channel channel = r.enumValue(raw, "channel", Channel.class);
        String customerId = r.optionalString(raw, "customerId", MAX_ID_LENGTH);
        String agentId = r.optionalString(raw, "agentId", MAX_ID_LENGTH);
        // whom a transfer, handoff or escalation is addressed to, when the platform says (who owes the answer)
        String toAgentId = r.optionalString(raw, "toAgentId", MAX_ID_LENGTH);
        AgentRole agentRole = r.enumValue(raw, "agentRole", AgentRole.class);
        String text = r.optionalString(raw, "text", MAX_TEXT_LENGTH);
        Boolean auto = r.bool(raw, "auto");
        Boolean urgent = r.bool(raw, "urgent");
        Complexity complexity = r.enumValue(raw, "complexity", Complexity.class);
        Integer rating = r.rating(raw);
        AfterSalesCategory category = null;
        String categoryCode = r.optionalString(raw, "category", 64);
        if (categoryCode != null) {
            category = AfterSalesCategory.fromCode(categoryCode).orElse(null);
            if (category == null) {
                r.add("category", "unknown after-sales category '" + categoryCode + "'; expected one of "
                        + Arrays.toString(AfterSalesCategory.values()) + " (R24)");
            }
        }

        if ((type == EventType.CUSTOMER_MESSAGE || type == EventType.CUSTOMER_REPORTED) && customerId == null
                && !raw.has("customerId")) {
            r.add("customerId", "is required on " + type.wireName());
        }
        if (type != null && type.isAgentAction() && agentId == null && !raw.has("agentId")) {
            r.add("agentId", "is required on " + type.wireName());
        }
        if (type == EventType.RATED && rating == null && !raw.has("rating")) {
            r.add("rating", "is required on conversation.rated (an integer 1-5)");
        }
        if (type == EventType.CLASSIFIED && categoryCode == null && !raw.has("category")) {
            r.add("category", "is required on conversation.classified (R24 code, e.g. LOGISTICS_DAMAGED)");
        }

        if (problems.size() > before) {
            return Optional.empty();
        }
        // R23: the customers' messages and the agents' replies (kept only if the merchant opted in)
        if (text != null && (type == EventType.CUSTOMER_MESSAGE || type == EventType.AGENT_MESSAGE)) {
            texts.put(eventId, text);
        }
        // R9: the flag overrides; without it, a customer message's text decides (the text itself is not kept)
        if (urgent == null && type == EventType.CUSTOMER_MESSAGE && urgencyAt.apply(occurredAt).isUrgent(text)) {
            urgent = Boolean.TRUE;
        }
        return Optional.of(ConversationEvent.builder(eventId, type, new ConversationId(conversationId), occurredAt)
                .channel(channel)
                .customerRef(customerId == null ? null : pseudonym.of(customerId))
                .agentId(agentId)
                .agentRole(agentRole)
                .auto(Boolean.TRUE.equals(auto))
                .urgent(urgent)
                .complexity(complexity)
                .rating(rating)
                // R24: a customer message's text suggests an after-sales subtype (the text itself is not kept)
                .suggestion(type == EventType.CUSTOMER_MESSAGE ? AfterSalesSuggestion.of(text).orElse(null) : null)
                .category(category)
                .toAgentId(toAgentId)
                .build());
    }

    /** Collects the problems of one event. */
    private static final class Report {
        private final int index;
        private final List<Problem> problems;

        Report(int index, List<Problem> problems) {
            this.index = index;
            this.problems = problems;
        }

        void add(String field, String message) {
            problems.add(Problem.ofEvent(index, field, message));
        }

        String requiredString(RawEvent raw, String field, int maxLength) {
            if (!raw.has(field)) {
                add(field, "is required");
                return null;
            }
            return string(raw, field, maxLength);
        }

        String optionalString(RawEvent raw, String field, int maxLength) {
            return raw.has(field) ? string(raw, field, maxLength) : null;
        }

        private String string(RawEvent raw, String field, int maxLength) {
            Object v = raw.get(field);
            if (!(v instanceof String s)) {
                add(field, "must be a string");
                return null;
            }
            if (s.isBlank()) {
                add(field, "must not be empty");
                return null;
            }
            if (s.length() > maxLength) {
                add(field, "must be at most " + maxLength + " characters (got " + s.length() + ")");
                return null;
            }
            return s;
        }

        Instant instant(RawEvent raw, String field) {
            String text = requiredString(raw, field, 64);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                add(field, "must be an ISO-8601 instant with an offset, e.g. 2026-10-03T10:00:00+08:00 (got '"
                        + text + "')");
                return null;
            }
        }

        <E extends Enum<E>> E enumValue(RawEvent raw, String field, Class<E> type) {
            String text = optionalString(raw, field, 64);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                add(field, "unknown value '" + text + "'; expected one of " + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        Boolean bool(RawEvent raw, String field) {
            if (!raw.has(field)) {
                return null;
            }
            if (raw.get(field) instanceof Boolean b) {
                return b;
            }
            add(field, "must be true or false");
            return null;
        }

        Integer rating(RawEvent raw) {
            if (!raw.has("rating")) {
                return null;
            }
            // only a JSON integer is a rating: 4.0 or 4.5 (BigDecimal) is refused like any other value
            Object v = raw.get("rating");
            Long whole = v instanceof Long l ? l : v instanceof Integer i ? Long.valueOf(i) : null;
            if (whole == null || whole < 1 || whole > 5) {
                add("rating", "must be an integer from 1 to 5");
                return null;
            }
            return whole.intValue();
        }
    }
}
