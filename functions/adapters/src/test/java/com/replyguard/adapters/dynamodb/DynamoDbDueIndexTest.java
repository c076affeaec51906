package com.replyguard.adapters.dynamodb;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationId;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.Due;
import com.replyguard.ports.StoredConversation;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The due-index (sparse GSI ByDue): written with the conversation, read by time range across shards and minutes. */
class DynamoDbDueIndexTest {
    private DynamoDbConversationStore store;
    private DynamoDbDueIndex index;
    private DynamoDbWheelWatermark watermark;

    @BeforeEach
    void setUp() {
        SamTemplate t = SharedDynalite.freshTables();
        store = new DynamoDbConversationStore(SharedDynalite.client(), t.tableName("ConversationsTable"));
        index = new DynamoDbDueIndex(SharedDynalite.client(), t.tableName("ConversationsTable"));
        watermark = new DynamoDbWheelWatermark(SharedDynalite.client(), t.tableName("MerchantsTable"));
    }

    private void save(MerchantId m, String id, Instant nextDue, long version) {
        Conversation c = Conversation.of(m, new ConversationId(id), List.of(customer("e-" + id, id, "2026-10-03T10:00:00", Channel.CS_CHAT)));
        store.save(new StoredConversation(c, version, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                nextDue, null, null, null, List.of()), version - 1);
    }

    @Test
    void dueBetween_findsEveryShardAndMinute_inclusiveAtBothEnds_andNothingElse() {
        Instant t0 = at("2026-10-03T10:00:58");
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            Instant due = t0.plusMillis(100L * i); // spans the 10:00 / 10:01 minute boundary
            save(DEMO, "c" + i, due, 1);
            if (i >= 5 && i <= 30) {
                expected.add("c" + i);
            }
        }
        save(DEMO, "none", null, 1);
        save(DEMO, "later", at("2026-10-03T11:00:00"), 1);
        List<Due> due = index.dueBetween(t0.plusMillis(500), t0.plusMillis(3000));
        Set<String> found = new HashSet<>();
        due.forEach(d -> found.add(d.conversation().value()));
        assertEquals(expected, found);
        assertTrue(due.stream().allMatch(d -> d.merchant().equals(DEMO)));
        assertEquals(t0.plusMillis(500), due.stream().map(Due::dueAt).min(Instant::compareTo).orElseThrow());
    }

    @Test
    void rewritingTheConversation_movesOrRemovesItsEntry() {
        Instant first = at("2026-10-03T10:00:30");
        save(DEMO, "c1", first, 1);
        assertEquals(1, index.dueBetween(first, first).size());
        save(DEMO, "c1", at("2026-10-03T10:05:00"), 2);
        assertTrue(index.dueBetween(first, first).isEmpty());
        assertEquals(1, index.dueBetween(at("2026-10-03T10:05:00"), at("2026-10-03T10:05:00")).size());
        save(DEMO, "c1", null, 3);
        assertTrue(index.dueBetween(at("2026-10-03T10:00:00"), at("2026-10-03T11:00:00")).isEmpty());
    }

    @Test
    void watermark_roundTrips() {
        assertTrue(watermark.load().isEmpty());
        watermark.save(at("2026-10-03T10:00:30"));
        assertEquals(at("2026-10-03T10:00:30"), watermark.load().orElseThrow());
    }
}
