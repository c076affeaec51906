package com.replyguard.adapters.dynamodb;

import static com.replyguard.testing.Events.DEMO;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.conversation.ConversationId;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.merchant.MerchantId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent registry in the conversations table: idempotent, per merchant, never a conversation's key. */
class DynamoDbAgentRegistryTest {
    private DynamoDbAgentRegistry registry;
    private DynamoDbConversationStore conversations;

    @BeforeEach
    void setUp() {
        SamTemplate t = SharedDynalite.freshTables();
        registry = new DynamoDbAgentRegistry(SharedDynalite.client(), t.tableName("ConversationsTable"));
        conversations = new DynamoDbConversationStore(SharedDynalite.client(), t.tableName("ConversationsTable"));
    }

    @Test
    void recordedAgentsAreKnown_onceOrTwice_andOnlyToTheirMerchant() {
        registry.record(DEMO, List.of("presales-zhang", "lead-王"));
        registry.record(DEMO, List.of("presales-zhang"));
        assertTrue(registry.isKnown(DEMO, "presales-zhang"));
        assertTrue(registry.isKnown(DEMO, "lead-王"));
        assertFalse(registry.isKnown(DEMO, "presales-li"));
        assertFalse(registry.isKnown(new MerchantId("other"), "presales-zhang"));
        assertTrue(conversations.load(DEMO, new ConversationId("presales-zhang")).isEmpty(), "not a conversation");
        registry.record(DEMO, List.of()); // nothing to write: no request
    }
}
