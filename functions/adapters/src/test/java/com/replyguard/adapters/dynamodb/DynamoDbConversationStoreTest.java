package com.replyguard.adapters.dynamodb;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.agent;
import static com.replyguard.testing.Events.customer;
import static com.replyguard.testing.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.AgentRole;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Complexity;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.CustomerReport;
import com.replyguard.conversation.EventType;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.kpi.KpiVector;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.StoredConversation;
import com.replyguard.testing.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The conversation store against a real local DynamoDB (dynalite) with the template's tables. */
class DynamoDbConversationStoreTest {
    private DynamoDbConversationStore store;
    private String table;

    @BeforeEach
    void setUp() {
        SamTemplate t = SharedDynalite.freshTables();
        table = t.tableName("ConversationsTable");
        store = new DynamoDbConversationStore(SharedDynalite.client(), table);
    }

    private static StoredConversation stored(long version, ConversationEvent... events) {
        Conversation c = Conversation.of(DEMO, new ConversationId("c1"), List.of(events));
        return new StoredConversation(c, version, new TreeSet<>(List.of("FIRST_REPLY")), new TreeSet<>(List.of("FIRST_REPLY")),
                new TreeSet<>(List.of("FIRST_REPLY:RISK")),
                new TreeSet<>(List.of("FIRST_REPLY:L1")), Events.at("2026-10-03T10:01:00"),
                new ResponseTimes(Cycle.parse("2026-10-H1").orElseThrow(), Channel.CS_CHAT, 30_000L,
                        3, 2, 200_000, Events.at("2026-10-03T10:12:00"),
                        Map.of("zhang", new ResponseTimes.AgentShare(30_000L, 2, 200_000, 1, 1),
                                "chen", new ResponseTimes.AgentShare(null, 0, 0, 0, 0))),
                new KpiVector(new TreeMap<>(Map.of("2026-10-H1|all|fr.met", 1L,
                        "2026-10-H1|all|r3.late@1790000000123", 1L))),
                Events.at("2026-10-03T10:12:00.123"), List.of());
    }

    @Test
    void save_thenLoad_shouldRoundTripEveryEventFieldAndTheBookkeeping() {
        ConversationEvent full = event("e3", EventType.CLASSIFIED, "c1", "2026-10-03T10:03:00").agentId("a")
                .agentRole(AgentRole.AFTERSALES).complexity(Complexity.COMPLEX).category(AfterSalesCategory.LOGISTICS_DAMAGED)
                .urgent(false).build();
        ConversationEvent bot = event("e4", EventType.AGENT_MESSAGE, "c1", "2026-10-03T10:00:01.250").agentId("bot").auto(true).build();
        ConversationEvent rated = event("e5", EventType.RATED, "c1", "2026-10-03T10:09:00").rating(4).build();
        StoredConversation s = stored(1, customer("e1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT),
                agent("e2", "c1", "2026-10-03T10:00:30"), full, bot, rated);
        store.save(s, 0);
        StoredConversation loaded = store.load(DEMO, new ConversationId("c1")).orElseThrow();
        assertEquals(s.conversation().events(), loaded.conversation().events());
        assertEquals(1, loaded.version());
        assertEquals(s.activeBreachKeys(), loaded.activeBreachKeys());
        assertEquals(s.notified(), loaded.notified());
        assertEquals(s.pending(), loaded.pending());
        assertEquals(s.nextDue(), loaded.nextDue());
        assertEquals(s.responseTimes(), loaded.responseTimes());
        assertEquals(List.of(s.responseTimes()), store.responseTimes(DEMO, Cycle.parse("2026-10-H1").orElseThrow()));
        assertTrue(store.load(new MerchantId("other"), new ConversationId("c1")).isEmpty(), "tenants are sealed");
    }

    @Test
    void aConversationOfBefore1970_storedWhenIngestStillAcceptedIt_shouldStillLoad() {
        // validation now refuses such instants; an item written before that must not answer 500 forever
        Instant t = Instant.parse("1969-12-31T10:00:00Z");
        Cycle old = Cycle.containing(t);
        ConversationId id = new ConversationId("c1969");
        Conversation c = Conversation.of(DEMO, id, List.of(ConversationEvent.builder("old-1", EventType.CUSTOMER_MESSAGE, id, t)
                .channel(Channel.CS_CHAT).customerRef("c_x").build()));
        StoredConversation s = new StoredConversation(c, 1, new TreeSet<>(), new TreeSet<>(),
                new TreeSet<>(), new TreeSet<>(), null,
                new ResponseTimes(old, Channel.CS_CHAT, null, 1, 0, 0, t),
                new KpiVector(new TreeMap<>(Map.of(old + "|all|fr.late", 1L))), t, List.of());
        store.save(s, 0);
        StoredConversation loaded = store.load(DEMO, id).orElseThrow();
        assertEquals(s.responseTimes(), loaded.responseTimes());
        assertEquals("1969-12-H2", old.toString());
        assertEquals(List.of(s.responseTimes()), store.responseTimes(DEMO, old));
    }

    @Test
    void anItemWrittenWithTheRetiredAssessmentBookkeeping_stillLoads_andLosesItWhenRewritten() {
        StoredConversation s = stored(1, customer("e1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT));
        Map<String, AttributeValue> old = new HashMap<>(
                ConversationItemMapper.toItem(s));
        // what items carried before the Assessments table and the ByCycle index were retired
        old.put("knownCycles", AttributeValue.fromL(List.of(
                AttributeValue.fromS("2026-10-H1"))));
        old.put("cyclePk", AttributeValue.fromS("demo#2026-10-H1"));
        old.put("cycleSk", AttributeValue.fromS("c1"));
        old.put("ownFrMet", AttributeValue.fromN("1"));
        SharedDynalite.client().putItem(b -> b.tableName(table).item(old));
        StoredConversation loaded = store.load(DEMO, new ConversationId("c1")).orElseThrow();
        assertEquals(s.conversation().events(), loaded.conversation().events());
        assertEquals(s.kpi(), loaded.kpi());
        store.save(loaded.withVersion(2), 1);
        var item = SharedDynalite.client().getItem(b -> b.tableName(table).key(Map.of("pk",
                AttributeValue.fromS("demo#c1")))).item();
        assertTrue(!item.containsKey("knownCycles") && !item.containsKey("cyclePk") && !item.containsKey("ownFrMet"), item.keySet().toString());
    }

    @Test
    void customerReports_shouldComeWithTheConversations_inOneRead_andBeAddedIdempotently() {
        store.save(stored(1, customer("e1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT)), 0);
        var r1 = new CustomerReport("rep-1", Events.at("2026-10-03T12:00:00"));
        var r2 = new CustomerReport("rep-2", Events.at("2026-10-04T12:00:00.250"));
        store.recordReports(DEMO, "c_abc", List.of(r1));
        store.recordReports(DEMO, "c_abc", List.of(r1, r2)); // a redelivery adds nothing twice
        store.recordReports(new MerchantId("other"), "c_abc", List.of(r2));
        ConversationStore.Loaded loaded = store.loadWithReports(DEMO, List.of(new ConversationId("c1"), new ConversationId("c2")),
                List.of("c_abc", "c_none"));
        assertEquals(Set.of(new ConversationId("c1")), loaded.conversations().keySet());
        assertEquals(Set.of(r1, r2), new HashSet<>(loaded.reports().get("c_abc")));
        assertEquals(Set.of("c_abc"), loaded.reports().keySet(), "a customer without reports is missing");
        store.forgetReports(DEMO, "c_abc");
        assertTrue(store.loadWithReports(DEMO, List.of(), List.of("c_abc")).reports().isEmpty());
        assertEquals(1, store.loadWithReports(new MerchantId("other"), List.of(), List.of("c_abc")).reports().size(),
                "tenants are sealed");
    }

    @Test
    void save_shouldRefuseAStaleVersion_andACreateOverAnExistingItem() {
        store.save(stored(1, customer("e1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT)), 0);
        assertThrows(ConversationStore.ConcurrentUpdate.class,
                () -> store.save(stored(1, customer("e9", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT)), 0));
        store.save(stored(2, customer("e1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT),
                agent("e2", "c1", "2026-10-03T10:00:30")), 1);
        assertThrows(ConversationStore.ConcurrentUpdate.class,
                () -> store.save(stored(2, customer("e1", "c1", "2026-10-03T10:00:00", Channel.CS_CHAT)), 1));
        assertEquals(2, store.load(DEMO, new ConversationId("c1")).orElseThrow().conversation().events().size());
    }

    @Test
    void loadAll_shouldBatchBeyond100Keys_andOmitMissingOnes() {
        List<ConversationId> ids = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            ConversationId id = new ConversationId("k" + i);
            ids.add(id);
            if (i % 2 == 0) {
                store.save(StoredConversation.fresh(Conversation.of(DEMO, id,
                        List.of(customer("e" + i, "k" + i, "2026-10-03T10:00:00", Channel.CS_CHAT)))).withVersion(1), 0);
            }
        }
        Map<ConversationId, StoredConversation> found = store.loadAll(DEMO, ids);
        assertEquals(65, found.size());
        assertEquals("e128", found.get(new ConversationId("k128")).conversation().events().get(0).eventId());
    }
}
