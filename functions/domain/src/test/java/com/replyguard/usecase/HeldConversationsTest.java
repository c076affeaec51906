package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.conversation.ConversationId;
import com.replyguard.ports.HeldIndex;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A conversation whose channel is unknown waits silently (no clock runs): the ingest answer names
 * it, and it is listed once held longer than an hour, until its channel arrives.
 */
class HeldConversationsTest {
    private final MutableClock clock = new MutableClock(at("2026-10-03T10:00:05"));
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final IngestEventBatch ingest = new IngestEventBatch(conversations, new InMemoryBreachStore(), clock);
    private final ListHeldConversations held = new ListHeldConversations(conversations, clock);

    @Test
    void theAnswerNamesTheHeldConversations_andTheListShowsThoseHeldOverAnHour() {
        IngestEventBatch.Result r = ingest.ingest(DEMO_MERCHANT, List.of(
                raw("eventId", "h1", "type", "customer.message", "conversationId", "no-channel", "occurredAt",
                        "2026-10-03T10:00:00+08:00", "customerId", "buyer-1"),
                raw("eventId", "h2", "type", "agent.message", "conversationId", "no-channel", "agentId", "zhang",
                        "occurredAt", "2026-10-03T10:00:03+08:00"),
                raw("eventId", "ok1", "type", "customer.message", "conversationId", "with-channel", "channel", "CS_CHAT",
                        "occurredAt", "2026-10-03T10:00:00+08:00", "customerId", "buyer-2")));
        assertEquals(List.of("no-channel"), r.held(), "stored, but no clock runs until its channel is named");
        assertEquals(3, r.accepted());

        clock.advance(Duration.ofMinutes(30));
        assertEquals(List.of(), held.list(DEMO, ListHeldConversations.DEFAULT_MIN_AGE, 100).held(), "held for 30 min only");
        clock.advance(Duration.ofMinutes(31));
        List<HeldIndex.Held> listed = held.list(DEMO, ListHeldConversations.DEFAULT_MIN_AGE, 100).held();
        assertEquals(1, listed.size());
        assertEquals("no-channel", listed.get(0).conversationId().value());
        assertEquals(at("2026-10-03T10:00:00"), listed.get(0).since(), "since its earliest event");
        assertEquals(2, listed.get(0).events());
        ShowConversation timeline = new ShowConversation(conversations, clock);
        assertTrue(timeline.show(DEMO_MERCHANT, listed.get(0).conversationId()).orElseThrow().held(), "the timeline says it is held");
        assertTrue(!timeline.show(DEMO_MERCHANT, new ConversationId("with-channel")).orElseThrow().held());

        IngestEventBatch.Result named = ingest.ingest(DEMO_MERCHANT, List.of(raw("eventId", "h3", "type", "customer.message",
                "conversationId", "no-channel", "channel", "DIRECT_MESSAGE", "occurredAt", "2026-10-03T11:01:00+08:00",
                "customerId", "buyer-1")));
        assertEquals(List.of(), named.held());
        assertTrue(!timeline.show(DEMO_MERCHANT, new ConversationId("no-channel")).orElseThrow().held(), "its channel arrived");
        assertEquals(List.of(), held.list(DEMO, Duration.ZERO, 100).held(), "its channel arrived: it left the list");
    }

    @Test
    void aNegativeAge_orALimitOutOfRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> held.list(DEMO, Duration.ofMinutes(-1), 10));
        assertEquals("must not be negative (got PT-1M)", ListHeldConversations.ageProblem(Duration.ofMinutes(-1)).orElseThrow());
        assertTrue(ListHeldConversations.ageProblem(Duration.ZERO).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> held.list(DEMO, Duration.ZERO, 0));
    }
}
