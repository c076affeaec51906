package com.replyguard.adapters.dynamodb;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationId;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.QueueIndex;
import com.replyguard.ports.StoredConversation;
import com.replyguard.queue.WaitingClock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live queue's sparse GSI ByQueue: written in the conversation's own PutItem, read without the
 * conversation items, only entries whose latest waiting deadline is in range, one merchant's only.
 */
class DynamoDbQueueIndexTest {
    private DynamoDbConversationStore store;
    private DynamoDbQueueIndex index;

    @BeforeEach
    void setUp() {
        SamTemplate t = SharedDynalite.freshTables();
        store = new DynamoDbConversationStore(SharedDynalite.client(), t.tableName("ConversationsTable"));
        index = new DynamoDbQueueIndex(SharedDynalite.client(), t.tableName("ConversationsTable"));
    }

    private static WaitingClock clock(ClockType type, String key, String start, String deadline, String warnAt, String agent) {
        return new WaitingClock(type, key, false, at(start), at(deadline), warnAt == null ? null : at(warnAt), agent);
    }

    private void save(MerchantId m, String id, long version, List<WaitingClock> waiting) {
        Conversation c = Conversation.of(m, new ConversationId(id), List.of(customer("e-" + id, id, "2026-10-03T10:00:00", Channel.CS_CHAT)));
        store.save(new StoredConversation(c, version, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                null, null, null, null, waiting), version - 1);
    }

    @Test
    void theWaitingClocksTravelWithTheConversation_andComeBackFromTheIndexAlone() {
        WaitingClock first = clock(ClockType.FIRST_REPLY, "FIRST_REPLY", "2026-10-03T10:00:00", "2026-10-03T10:01:00",
                "2026-10-03T10:00:48", null);
        WaitingClock next = new WaitingClock(ClockType.NEXT_REPLY, "NEXT_REPLY@e9", true, at("2026-10-03T10:02:00"),
                at("2026-10-03T10:05:00"), null, "zhang");
        save(DEMO, "c1", 1, List.of(first, next));
        assertEquals(List.of(first, next), store.load(DEMO, new ConversationId("c1")).orElseThrow().waiting(), "read back with the item");
        List<QueueIndex.Entry> entries = index.waiting(DEMO, at("2026-10-03T09:00:00"));
        assertEquals(1, entries.size());
        assertEquals("c1", entries.get(0).conversationId().value());
        assertEquals(Channel.CS_CHAT, entries.get(0).channel());
        assertEquals(List.of(first, next), entries.get(0).waiting(), "projected: no item read needed");
    }

    @Test
    void answeredConversationsLeaveTheIndex_oldOnesAreOutOfRange_andMerchantsStayApart() {
        save(DEMO, "open", 1, List.of(clock(ClockType.FIRST_REPLY, "FIRST_REPLY", "2026-10-03T10:00:00", "2026-10-03T10:01:00", null, null)));
        save(DEMO, "old", 1, List.of(clock(ClockType.FIRST_REPLY, "FIRST_REPLY", "2026-10-01T10:00:00", "2026-10-01T10:01:00", null, null)));
        save(new MerchantId("other"), "theirs", 1,
                List.of(clock(ClockType.FIRST_REPLY, "FIRST_REPLY", "2026-10-03T10:00:00", "2026-10-03T10:01:00", null, null)));
        save(DEMO, "answered", 1, List.of(clock(ClockType.FIRST_REPLY, "FIRST_REPLY", "2026-10-03T10:00:00", "2026-10-03T10:01:00", null, null)));
        save(DEMO, "answered", 2, List.of());
        Instant since = at("2026-10-02T10:01:00");
        assertEquals(List.of("open"), index.waiting(DEMO, since).stream().map(e -> e.conversationId().value()).toList());
        assertEquals(List.of("theirs"), index.waiting(new MerchantId("other"), since).stream()
                .map(e -> e.conversationId().value()).toList());
    }
}
