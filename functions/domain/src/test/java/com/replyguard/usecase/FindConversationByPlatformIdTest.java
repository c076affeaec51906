package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.conversation.ConversationId;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A manager finds a 抖音 or 抖店 conversation by the id the platform shows, as well as by ReplyGuard's. */
class FindConversationByPlatformIdTest {
    private final MutableClock clock = new MutableClock(at("2026-10-03T12:00:00"));
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final ShowConversation show = new ShowConversation(conversations, clock);

    private void store(String conversation) {
        new IngestEventBatch(conversations, new InMemoryBreachStore(), clock).ingest(DEMO_MERCHANT,
                List.of(raw("eventId", "e-" + conversation, "type", "customer.message", "conversationId", conversation,
                        "channel", "DIRECT_MESSAGE", "occurredAt", "2026-10-03T11:00:00+08:00", "customerId", "buyer-1")));
    }

    @Test
    void aPlatformsIdFindsItsPrefixedConversation_andAnExactIdWinsFirst() {
        store("dy:7301122334455");
        store("aftersale:6900112233");
        assertEquals("dy:7301122334455", show.find(DEMO_MERCHANT, "7301122334455").orElseThrow().conversation().id().value());
        assertEquals("dy:7301122334455", show.find(DEMO_MERCHANT, "dy:7301122334455").orElseThrow().conversation().id().value());
        assertEquals("aftersale:6900112233", show.find(DEMO_MERCHANT, "6900112233").orElseThrow().conversation().id().value());
        store("7301122334455"); // a contract-format conversation with the same id
        assertEquals("7301122334455", show.find(DEMO_MERCHANT, "7301122334455").orElseThrow().conversation().id().value(),
                "the id as stored first");
        assertTrue(show.find(DEMO_MERCHANT, "unknown").isEmpty());
        assertEquals(List.of(new ConversationId("dy:x")), ConversationId.lookup("dy:x"), "a prefixed id is only itself");
    }
}
