package com.replyguard.adapters.dynamodb;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.customer;
import static com.replyguard.testing.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.replyguard.assessment.CaseSummary;
import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.CaseIndex;
import com.replyguard.ports.StoredConversation;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case list in the sparse GSI ByState: written with the conversation, read without its item, by
 * category, subtype and start; a reclassified case moves; tokens are bound to merchant, cycle and filter.
 */
class DynamoDbCaseIndexTest {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();
    private DynamoDbConversationStore store;
    private DynamoDbCaseIndex index;

    @BeforeEach
    void setUp() {
        SamTemplate t = SharedDynalite.freshTables();
        store = new DynamoDbConversationStore(SharedDynalite.client(), t.tableName("ConversationsTable"));
        index = new DynamoDbCaseIndex(SharedDynalite.client(), t.tableName("ConversationsTable"));
    }

    private void save(MerchantId m, String id, String start, AfterSalesCategory category, boolean resolved, long version) {
        List<ConversationEvent> events = new ArrayList<>();
        events.add(customer("m-" + id, id, start, Channel.CS_CHAT));
        if (category != null) {
            events.add(event("k-" + id + "-" + version, EventType.CLASSIFIED, id, start).agentId("wang").category(category).build());
        }
        if (resolved) {
            String solved = at(start).plus(Duration.ofHours(3)).atOffset(ZoneOffset.ofHours(8)).toLocalDateTime().toString();
            events.add(event("r-" + id, EventType.RESOLVED, id, solved).agentId("li").build());
        }
        Conversation c = Conversation.of(m, new ConversationId(id), events);
        store.save(new StoredConversation(c, version, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                null, null, null, null, List.of()), version - 1);
    }

    private static List<String> ids(CaseIndex.CasePage p) {
        return p.cases().stream().map(c -> c.conversationId().value()).toList();
    }

    @Test
    void casesComeBackFromTheIndexAlone_byCategorySubtypeAndStart() {
        save(DEMO, "q1", "2026-10-03T10:00:00", AfterSalesCategory.PRODUCT_QUALITY_DEFECT, true, 1);
        save(DEMO, "q2", "2026-10-02T10:00:00", AfterSalesCategory.PRODUCT_QUALITY_DEFECT, false, 1);
        save(DEMO, "q3", "2026-10-04T10:00:00", AfterSalesCategory.PRODUCT_QUALITY_COUNTERFEIT, false, 1);
        save(DEMO, "r1", "2026-10-05T10:00:00", AfterSalesCategory.RETURN_NO_REASON, false, 1);
        save(DEMO, "plain", "2026-10-05T11:00:00", null, false, 1);
        save(new MerchantId("other"), "theirs", "2026-10-05T10:00:00", AfterSalesCategory.RETURN_NO_REASON, false, 1);
        save(DEMO, "nov", "2026-11-05T10:00:00", AfterSalesCategory.RETURN_NO_REASON, false, 1);

        assertEquals(List.of("q3", "q2", "q1", "r1"), ids(index.cases(DEMO, OCT_H1, null, null, 100, null)));
        assertEquals(List.of("q3", "q2", "q1"), ids(index.cases(DEMO, OCT_H1, AfterSalesCategory.Top.PRODUCT_QUALITY, null, 100, null)));
        assertEquals(List.of("q2", "q1"), ids(index.cases(DEMO, OCT_H1, null, AfterSalesCategory.PRODUCT_QUALITY_DEFECT, 100, null)));
        CaseSummary q1 = index.cases(DEMO, OCT_H1, null, AfterSalesCategory.PRODUCT_QUALITY_DEFECT, 100, null).cases().get(1);
        assertEquals(CaseSummary.of(store.load(DEMO, new ConversationId("q1")).orElseThrow().conversation()).orElseThrow(), q1,
                "the projected facts are the case's own");
        assertEquals(Duration.ofHours(3), q1.processing());
    }

    @Test
    void aReclassifiedCaseMoves_andPagesChainWithTokensBoundToTheirList() {
        save(DEMO, "q1", "2026-10-03T10:00:00", AfterSalesCategory.PRODUCT_QUALITY_DEFECT, false, 1);
        save(DEMO, "q2", "2026-10-04T10:00:00", AfterSalesCategory.PRODUCT_QUALITY_DEFECT, false, 1);
        save(DEMO, "q3", "2026-10-05T10:00:00", AfterSalesCategory.PRODUCT_QUALITY_DEFECT, false, 1);
        save(DEMO, "q1", "2026-10-03T10:00:00", AfterSalesCategory.LOGISTICS_LATE, false, 2);
        assertEquals(List.of("q1"), ids(index.cases(DEMO, OCT_H1, AfterSalesCategory.Top.LOGISTICS, null, 100, null)));
        CaseIndex.CasePage first = index.cases(DEMO, OCT_H1, AfterSalesCategory.Top.PRODUCT_QUALITY, null, 1, null);
        assertEquals(List.of("q2"), ids(first));
        CaseIndex.CasePage second = index.cases(DEMO, OCT_H1, AfterSalesCategory.Top.PRODUCT_QUALITY, null, 1, first.nextToken());
        assertEquals(List.of("q3"), ids(second));
        assertNull(second.nextToken(), "nothing after q3");
        assertThrows(BreachStore.InvalidPageToken.class,
                () -> index.cases(DEMO, OCT_H1, AfterSalesCategory.Top.LOGISTICS, null, 1, first.nextToken()), "another category");
        assertThrows(BreachStore.InvalidPageToken.class,
                () -> index.cases(new MerchantId("other"), OCT_H1, null, null, 1, first.nextToken()), "another merchant");
        assertThrows(BreachStore.InvalidPageToken.class, () -> index.cases(DEMO, OCT_H1, null, null, 1, "not-a-token"));
    }
}
