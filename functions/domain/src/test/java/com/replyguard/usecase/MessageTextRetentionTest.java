package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.CustomerPseudonym;
import com.replyguard.merchant.Merchant;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryMessageTexts;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R23, R29: message text only for merchants who opted in, expiring, and deleted with the customer. */
class MessageTextRetentionTest {
    private final MutableClock clock = new MutableClock(at("2026-10-03T12:00:00"));
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final InMemoryMessageTexts texts = new InMemoryMessageTexts();
    private final IngestEventBatch ingest = new IngestEventBatch(conversations, new InMemoryBreachStore(), texts, clock);
    private final Merchant keeping = DEMO_MERCHANT.withTextRetention(Duration.ofDays(30));

    private void send(Merchant merchant, String id, String conversation, String time, String customer, String text) {
        ingest.ingest(merchant, List.of(raw("eventId", id, "type", "customer.message", "conversationId", conversation,
                "channel", "CS_CHAT", "occurredAt", time + "+08:00", "customerId", customer, "text", text)));
    }

    @Test
    void aMerchantThatDidNotOptIn_keepsNoText() {
        send(DEMO_MERCHANT, "e1", "c1", "2026-10-03T11:00:00", "buyer-1", "在吗？我的快递还没到");
        assertEquals(0, texts.size());
        assertEquals(Map.of(), new ShowConversation(conversations, texts, clock).show(DEMO_MERCHANT, new ConversationId("c1"))
                .orElseThrow().texts());
    }

    @Test
    void textIsShownUntilItExpires_andDeletedWithTheCustomer() {
        send(keeping, "e1", "c1", "2026-10-03T11:00:00", "buyer-1", "在吗？我的快递还没到");
        send(keeping, "e2", "c2", "2026-10-03T11:30:00", "buyer-2", "想换个颜色");
        send(keeping, "e0", "c0", "2026-08-01T11:00:00", "buyer-1", "两个月前的消息");
        assertEquals(2, texts.size(), "a message older than the retention is not kept at all");
        ShowConversation show = new ShowConversation(conversations, texts, clock);
        assertEquals(Map.of("e1", "在吗？我的快递还没到"), show.show(keeping, new ConversationId("c1")).orElseThrow().texts());

        clock.set(at("2026-11-02T11:00:00"));
        assertEquals(Map.of(), show.show(keeping, new ConversationId("c1")).orElseThrow().texts(), "30 days after the message");
        clock.set(at("2026-10-10T12:00:00"));

        String buyer1 = new CustomerPseudonym(keeping.customerHashKey()).of("buyer-1");
        assertEquals(2, new ForgetCustomer(conversations, texts).forget(keeping, buyer1), "c1 and c0");
        assertEquals(Map.of(), show.show(keeping, new ConversationId("c1")).orElseThrow().texts());
        assertEquals(Map.of("e2", "想换个颜色"), show.show(keeping, new ConversationId("c2")).orElseThrow().texts(),
                "another customer's text stays");
        assertTrue(conversations.load(DEMO, new ConversationId("c1")).orElseThrow().conversation().customerRef().isEmpty());
    }

    @Test
    void theAgentsRepliesAreKeptToo_andGoWithTheirCustomersConversation() {
        send(keeping, "e1", "c1", "2026-10-03T11:00:00", "buyer-1", "在吗？我的快递还没到");
        ingest.ingest(keeping, List.of(raw("eventId", "a1", "type", "agent.message", "conversationId", "c1",
                "agentId", "presales-zhang", "occurredAt", "2026-10-03T11:00:30+08:00", "text", "您好，已经帮您催促快递了")));
        send(keeping, "e2", "c2", "2026-10-03T11:30:00", "buyer-2", "想换个颜色");
        ingest.ingest(keeping, List.of(raw("eventId", "a2", "type", "agent.message", "conversationId", "c2",
                "agentId", "presales-zhang", "occurredAt", "2026-10-03T11:31:00+08:00", "text", "可以的")));
        ShowConversation show = new ShowConversation(conversations, texts, clock);
        assertEquals(Map.of("e1", "在吗？我的快递还没到", "a1", "您好，已经帮您催促快递了"),
                show.show(keeping, new ConversationId("c1")).orElseThrow().texts(), "the whole exchange, both sides");
        String buyer1 = new CustomerPseudonym(keeping.customerHashKey()).of("buyer-1");
        new ForgetCustomer(conversations, texts).forget(keeping, buyer1);
        assertEquals(Map.of(), show.show(keeping, new ConversationId("c1")).orElseThrow().texts(),
                "the reply to the customer goes with the customer's data");
        assertEquals(Map.of("e2", "想换个颜色", "a2", "可以的"), show.show(keeping, new ConversationId("c2")).orElseThrow().texts());

        ingest.ingest(DEMO_MERCHANT, List.of(raw("eventId", "a3", "type", "agent.message", "conversationId", "c3",
                "agentId", "presales-zhang", "occurredAt", "2026-10-03T11:40:00+08:00", "text", "不保存")));
        assertEquals(2, texts.size(), "c2's two texts: a merchant that did not opt in keeps no reply either");
    }
}
