package com.replyguard.intake;

import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.CustomerPseudonym;
import com.replyguard.conversation.EventType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The canonical event model of the contract: every problem is reported with its index and field. */
class EventValidationTest {
    private static final Instant NOW = Instant.parse("2026-10-03T02:00:00Z");
    private final EventValidator validator =
            new EventValidator(new CustomerPseudonym("key-key-key-key-key".getBytes(StandardCharsets.UTF_8)));

    private List<Problem> problemsOf(int index, RawEvent e) {
        List<Problem> problems = new ArrayList<>();
        Optional<ConversationEvent> valid = validator.validate(index, e, NOW, problems);
        assertEquals(problems.isEmpty(), valid.isPresent());
        return problems;
    }

    @Test
    void validEvent_shouldBecomeAConversationEvent_withTheCustomerPseudonymised() {
        List<Problem> problems = new ArrayList<>();
        ConversationEvent e = validator.validate(0, raw("eventId", "e1", "type", "customer.message",
                "conversationId", "c1", "occurredAt", "2026-10-03T10:00:00+08:00", "channel", "CS_CHAT",
                "customerId", "buyer-42", "text", "在吗", "urgent", true), NOW, problems).orElseThrow();
        assertEquals(EventType.CUSTOMER_MESSAGE, e.type());
        assertEquals(Instant.parse("2026-10-03T02:00:00Z"), e.occurredAt());
        assertTrue(e.isUrgent());
        assertTrue(e.customerRef().startsWith("c_"));
        assertFalse(e.customerRef().contains("buyer-42"));
    }

    @Test
    void everyProblem_shouldBeReported_notJustTheFirst() {
        List<Problem> problems = problemsOf(7, raw("type", "customer.mesage", "conversationId", "",
                "occurredAt", "2026-10-03 10:00", "channel", "WECHAT", "rating", 9, "auto", "yes"));
        var byField = problems.stream().collect(Collectors.toMap(Problem::field, Problem::message, (a, b) -> a + "; " + b));
        assertTrue(problems.stream().allMatch(p -> p.index() == 7));
        assertEquals("is required", byField.get("eventId"));
        assertTrue(byField.get("type").contains("unknown type 'customer.mesage'"), byField.get("type"));
        assertEquals("must not be empty", byField.get("conversationId"));
        assertTrue(byField.get("occurredAt").contains("ISO-8601"), byField.get("occurredAt"));
        assertTrue(byField.get("channel").contains("WECHAT"));
        assertEquals("must be an integer from 1 to 5", byField.get("rating"));
        assertEquals("must be true or false", byField.get("auto"));
    }

    @Test
    void occurredAt_withoutOffset_isRefused() {
        var p = problemsOf(0, raw("eventId", "e1", "type", "conversation.closed", "conversationId", "c1",
                "occurredAt", "2026-10-03T10:00:00"));
        assertEquals(1, p.size());
        assertEquals("occurredAt", p.get(0).field());
    }

    @Test
    void occurredAt_moreThan60sInTheFuture_isRefused_butBackfillIsNot() {
        assertTrue(problemsOf(0, raw("eventId", "e1", "type", "conversation.closed", "conversationId", "c1",
                "occurredAt", "2026-10-03T10:01:00+08:00")).isEmpty());
        var future = problemsOf(0, raw("eventId", "e1", "type", "conversation.closed", "conversationId", "c1",
                "occurredAt", "2026-10-03T10:01:01+08:00"));
        assertEquals("occurredAt", future.get(0).field());
        assertTrue(future.get(0).message().contains("60 s in the future"));
        assertTrue(problemsOf(0, raw("eventId", "e1", "type", "conversation.closed", "conversationId", "c1",
                "occurredAt", "2020-01-01T00:00:00Z")).isEmpty());
    }

    @Test
    void typeSpecificRequiredFields_areEnforced() {
        String t = "2026-10-03T10:00:00+08:00";
        assertEquals("customerId", problemsOf(0, raw("eventId", "e", "type", "customer.message", "conversationId", "c",
                "occurredAt", t)).get(0).field());
        assertEquals("agentId", problemsOf(0, raw("eventId", "e", "type", "agent.message", "conversationId", "c",
                "occurredAt", t)).get(0).field());
        assertEquals("agentId", problemsOf(0, raw("eventId", "e", "type", "conversation.handoff", "conversationId", "c",
                "occurredAt", t)).get(0).field());
        assertEquals("rating", problemsOf(0, raw("eventId", "e", "type", "conversation.rated", "conversationId", "c",
                "occurredAt", t)).get(0).field());
        assertEquals("category", problemsOf(0, raw("eventId", "e", "type", "conversation.classified",
                "conversationId", "c", "occurredAt", t, "category", "LOGISTICS_LOST")).get(0).field());
        assertTrue(problemsOf(0, raw("eventId", "e", "type", "conversation.classified", "conversationId", "c",
                "occurredAt", t, "category", "LOGISTICS_DAMAGED")).isEmpty());
    }

    @Test
    void lengthsAndShapes_areChecked() {
        String longId = "x".repeat(129);
        var p = problemsOf(0, raw("eventId", longId, "type", "conversation.closed", "conversationId", longId,
                "occurredAt", "2026-10-03T10:00:00+08:00"));
        assertEquals(List.of("eventId", "conversationId"), p.stream().map(Problem::field).toList());
        assertEquals(1, problemsOf(0, RawEvent.notAnObject()).size());
        assertEquals("must be an integer from 1 to 5", problemsOf(0, raw("eventId", "e", "type", "conversation.rated",
                "conversationId", "c", "occurredAt", "2026-10-03T10:00:00+08:00", "rating", new BigDecimal("4.5")))
                .get(0).message());
    }
}
