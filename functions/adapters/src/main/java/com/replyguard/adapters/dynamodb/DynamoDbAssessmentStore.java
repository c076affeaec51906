package com.replyguard.adapters.dynamodb;

import static com.replyguard.adapters.dynamodb.Attributes.intOrZero;
import static com.replyguard.adapters.dynamodb.Attributes.n;
import static com.replyguard.adapters.dynamodb.Attributes.s;
import static com.replyguard.adapters.dynamodb.Attributes.string;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.AssessmentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Cycle contributions in DynamoDB: {@code pk = merchant#cycle}, {@code sk = conversationId}, so a
 * cycle's report reads one partition (Query, never Scan). Writes carry the conversation version
 * and are refused for anything older than what is stored, which makes them idempotent and safe
 * against a slow concurrent writer.
 */
public final class DynamoDbAssessmentStore implements AssessmentStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAssessmentStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String partition(MerchantId merchant, Cycle cycle) {
        return merchant.value() + "#" + cycle;
    }

    @Override
    public void record(MerchantId merchant, ConversationId conversation, long version, CycleContribution c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(merchant, c.cycle())));
        item.put("sk", s(conversation.value()));
        item.put("version", n(version));
        item.put("cycle", s(c.cycle().toString()));
        item.put("frMet", n(c.firstReplyMet()));
        item.put("frLate", n(c.firstReplyLate()));
        if (c.firstReplyOpenDeadline() != null) {
            item.put("frOpen", s(c.firstReplyOpenDeadline().toString()));
        }
        item.put("rMet", n(c.roundsMet()));
        item.put("rLate", n(c.roundsLate()));
        if (c.roundOpenDeadline() != null) {
            item.put("rOpen", s(c.roundOpenDeadline().toString()));
        }
        item.put("sat", n(c.satisfied()));
        item.put("rated", n(c.rated()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR version < :v")
                    .expressionAttributeValues(Map.of(":v", n(version))));
        } catch (ConditionalCheckFailedException newerAlreadyStored) {
            // a newer version of this conversation already wrote its contribution: nothing to do
        }
    }

    @Override
    public List<CycleContribution> contributions(MerchantId merchant, Cycle cycle) {
        List<CycleContribution> all = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition(merchant, cycle))))).items()) {
            all.add(new CycleContribution(cycle, intOrZero(item, "frMet"), intOrZero(item, "frLate"),
                    instant(item, "frOpen"), intOrZero(item, "rMet"), intOrZero(item, "rLate"),
                    instant(item, "rOpen"), intOrZero(item, "sat"), intOrZero(item, "rated")));
        }
        return all;
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = string(item, name);
        return v == null ? null : Instant.parse(v);
    }
}
