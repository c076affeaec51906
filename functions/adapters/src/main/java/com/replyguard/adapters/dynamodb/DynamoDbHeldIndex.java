package com.replyguard.adapters.dynamodb;

import static com.replyguard.adapters.dynamodb.Attributes.n;
import static com.replyguard.adapters.dynamodb.Attributes.s;

import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.HeldIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Conversations waiting for their channel: in the sparse GSI {@code ByState} of the conversations
 * table (shared with {@link DynamoDbCaseIndex}: a held conversation is never a case). A conversation
 * without a channel carries {@code statePk = held#merchant} and
 * {@code stateSk = earliestEventMillis#conversationId}; the item that names the channel drops both, so
 * the conversation leaves the index in the same write (docs/storage.md).
 */
public final class DynamoDbHeldIndex implements HeldIndex {
    static final String INDEX = "ByState";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbHeldIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The index attributes of a conversation item (none once its channel is known). */
    static void put(Map<String, AttributeValue> item, Conversation c) {
        if (c.channel().isPresent() || c.events().isEmpty()) {
            return;
        }
        item.put("statePk", s("held#" + c.merchant().value()));
        item.put("stateSk", s(String.format("%015d#%s", c.events().get(0).occurredAt().toEpochMilli(), c.id().value())));
        item.put("heldEvents", n(c.events().size()));
    }

    @Override
    public List<Held> heldSince(MerchantId merchant, Instant before, int limit) {
        // "~" sorts after the '#' and every id character: every conversation held at that millisecond is in
        Map<String, AttributeValue> values = Map.of(":m", s("held#" + merchant.value()),
                ":before", s(String.format("%015d#~", Math.max(0, before.toEpochMilli()))));
        List<Held> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(q -> q.tableName(table).indexName(INDEX)
                .keyConditionExpression("statePk = :m AND stateSk <= :before").expressionAttributeValues(values)
                .limit(Math.min(limit, 1000))).items()) {
            String sk = Attributes.string(item, "stateSk");
            out.add(new Held(new ConversationId(Attributes.string(item, "conversationId")),
                    Instant.ofEpochMilli(Long.parseLong(sk.substring(0, sk.indexOf('#')))), (int) Attributes.number(item, "heldEvents")));
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }
}
