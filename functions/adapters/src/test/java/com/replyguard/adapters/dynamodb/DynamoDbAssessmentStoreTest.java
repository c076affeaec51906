package com.replyguard.adapters.dynamodb;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.conversation.ConversationId;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.merchant.MerchantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cycle contributions: version-guarded, one partition per merchant and cycle. */
class DynamoDbAssessmentStoreTest {
    private static final Cycle H1 = Cycle.parse("2026-10-H1").orElseThrow();
    private DynamoDbAssessmentStore store;

    @BeforeEach
    void setUp() {
        store = new DynamoDbAssessmentStore(SharedDynalite.client(), SharedDynalite.freshTables().tableName("AssessmentsTable"));
    }

    @Test
    void record_shouldKeepTheNewestVersion_whateverTheWriteOrder() {
        CycleContribution v1 = new CycleContribution(H1, 0, 0, at("2026-10-03T10:02:00"), 0, 0, at("2026-10-03T10:03:00"), 0, 0);
        CycleContribution v2 = new CycleContribution(H1, 1, 0, null, 1, 0, null, 1, 1);
        store.record(DEMO, new ConversationId("c1"), 2, v2);
        store.record(DEMO, new ConversationId("c1"), 1, v1); // a slow writer of an older state arrives last
        assertEquals(java.util.List.of(v2), store.contributions(DEMO, H1));
        store.record(DEMO, new ConversationId("c1"), 2, v2); // a retry of the same write
        assertEquals(1, store.contributions(DEMO, H1).size());
    }

    @Test
    void contributions_shouldReadOneMerchantsCycleOnly_acrossPages() {
        for (int i = 0; i < 250; i++) {
            store.record(DEMO, new ConversationId("c" + i), 1,
                    new CycleContribution(H1, 1, 0, null, 2, 1, at("2026-10-03T10:03:00"), 0, 0));
        }
        store.record(new MerchantId("other"), new ConversationId("c1"), 1, CycleContribution.none(H1));
        store.record(DEMO, new ConversationId("x"), 1, CycleContribution.none(H1.next()));
        assertEquals(250, store.contributions(DEMO, H1).size());
        assertEquals(500, store.contributions(DEMO, H1).stream().mapToInt(CycleContribution::roundsMet).sum());
        assertTrue(store.contributions(new MerchantId("nobody"), H1).isEmpty());
    }
}
