package com.replyguard.adapters.dynamodb;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.customer;
import static com.replyguard.testing.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.HeldIndex;
import com.replyguard.ports.StoredConversation;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conversations held for their channel in the sparse GSI ByState: oldest first, up to an age, gone once named. */
class DynamoDbHeldIndexTest {
    private DynamoDbConversationStore store;
    private DynamoDbHeldIndex index;

    @BeforeEach
    void setUp() {
        SamTemplate t = SharedDynalite.freshTables();
        store = new DynamoDbConversationStore(SharedDynalite.client(), t.tableName("ConversationsTable"));
        index = new DynamoDbHeldIndex(SharedDynalite.client(), t.tableName("ConversationsTable"));
    }

    private void save(MerchantId m, String id, String time, Channel channel, long version) {
        ConversationEvent e = channel == null
                ? event("e-" + id + version, EventType.CUSTOMER_MESSAGE, id, time).customerRef("c_x").build()
                : customer("e-" + id + version, id, time, channel);
        Conversation c = Conversation.of(m, new ConversationId(id), List.of(e));
        store.save(new StoredConversation(c, version, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                null, null, null, null, List.of()), version - 1);
    }

    @Test
    void heldConversations_oldestFirst_upToAnAge_oneMerchantsOnly_andGoneOnceTheirChannelIsKnown() {
        save(DEMO, "late", "2026-10-03T10:30:00", null, 1);
        save(DEMO, "early", "2026-10-03T09:00:00", null, 1);
        save(DEMO, "named", "2026-10-03T09:00:00", Channel.CS_CHAT, 1);
        save(new MerchantId("other"), "theirs", "2026-10-03T09:00:00", null, 1);
        List<HeldIndex.Held> all = index.heldSince(DEMO, at("2026-10-03T11:00:00"), 100);
        assertEquals(List.of("early", "late"), all.stream().map(h -> h.conversationId().value()).toList());
        assertEquals(at("2026-10-03T09:00:00"), all.get(0).since());
        assertEquals(1, all.get(0).events());
        assertEquals(List.of("early"), index.heldSince(DEMO, at("2026-10-03T10:29:59"), 100).stream()
                .map(h -> h.conversationId().value()).toList());
        assertEquals(1, index.heldSince(DEMO, at("2026-10-03T11:00:00"), 1).size(), "the limit");
        assertEquals(List.of("late"), index.heldSince(DEMO, at("2026-10-03T10:30:00"), 100).stream().skip(1)
                .map(h -> h.conversationId().value()).toList(), "held since exactly the bound: in");
        save(DEMO, "early", "2026-10-03T09:00:00", Channel.DIRECT_MESSAGE, 2);
        assertEquals(List.of("late"), index.heldSince(DEMO, at("2026-10-03T11:00:00"), 100).stream()
                .map(h -> h.conversationId().value()).toList());
    }
}
