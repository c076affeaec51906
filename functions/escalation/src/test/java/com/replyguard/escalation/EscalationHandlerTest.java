package com.replyguard.escalation;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.replyguard.adapters.json.DueJson;
import com.replyguard.alert.AlertEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.ports.Due;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import com.replyguard.usecase.EscalateDueClocks;
import com.replyguard.usecase.IngestEventBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The escalation λ's handler on the deadline λ's payload: a due clock's breach is recorded and its
 * alert published once (a repeated hand-over publishes nothing new); a payload it cannot read fails
 * loudly, so Lambda retries it and finally hands it to the on-failure destination.
 */
class EscalationHandlerTest {
    private MutableClock clock;
    private InMemoryConversationStore conversations;
    private InMemoryBreachStore breaches;
    private final List<AlertEvent> published = new ArrayList<>();
    private EscalationHandler handler;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at("2026-10-03T10:00:00"));
        conversations = new InMemoryConversationStore();
        breaches = new InMemoryBreachStore();
        new IngestEventBatch(conversations, breaches, clock).ingest(DEMO_MERCHANT, List.of(raw("eventId", "e1",
                "type", "customer.message", "conversationId", "c1", "channel", "CS_CHAT", "occurredAt", "2026-10-03T10:00:00+08:00",
                "customerId", "buyer-1")));
        handler = new EscalationHandler(new EscalationWiring(new EscalateDueClocks(conversations,
                id -> id.equals(DEMO) ? Optional.of(DEMO_MERCHANT) : Optional.empty(), breaches, published::addAll, clock),
                () -> { }, clock));
    }

    private Map<String, Object> handOver(String dueAt) {
        return handler.handleRequest(DueJson.payload(List.of(new Due(DEMO, new ConversationId("c1"), at(dueAt)))), null);
    }

    @Test
    void aDueClock_isBreachedAndPublishedOnce_evenWhenHandedOverTwice() {
        clock.advance(Duration.ofSeconds(61)); // the 60 s first reply is over
        Map<String, Object> out = handOver("2026-10-03T10:01:00");
        assertEquals(1, out.get("conversations"));
        assertEquals(2, out.get("published"), "the warning (due at 48 s, still fresh) and the breach");
        assertEquals(List.of("SlaAtRisk", "SlaBreached"), published.stream().map(AlertEvent::detailType).toList());
        assertEquals(1, breaches.list(DEMO, at("2026-10-03T00:00:00"), at("2026-10-04T00:00:00"), 100, null).breaches().size(),
                "the breach is recorded");
        assertEquals(0, handOver("2026-10-03T10:01:00").get("published"), "the wheel's repeat hands the same clock over again");
        assertEquals(2, published.size());
    }

    @Test
    void aPayloadItCannotRead_fails_soLambdaRetriesIt() {
        assertThrows(RuntimeException.class, () -> handler.handleRequest(Map.of("due", "not a list"), null));
        assertEquals(List.of(), published);
    }
}
