package com.replyguard.adapters.dynamodb;

import static com.replyguard.adapters.dynamodb.Attributes.n;
import static com.replyguard.adapters.dynamodb.Attributes.s;
import static com.replyguard.adapters.dynamodb.Attributes.string;

import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.MessageText;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.MessageTexts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The texts table: {@code pk = merchant#conversationId}, {@code sk = eventId}, the text, the
 * customer's keyed hash and {@code expiresAt} (epoch seconds: DynamoDB's TTL deletes the item
 * within days of it; reads skip what has expired already, so expiry is exact to the second).
 */
public final class DynamoDbMessageTexts implements MessageTexts {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbMessageTexts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static String pk(MerchantId m, ConversationId c) {
        return m.value() + "#" + c.value();
    }

    @Override
    public void keep(MerchantId merchant, List<MessageText> texts) {
        List<WriteRequest> puts = new ArrayList<>();
        for (MessageText t : texts) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s(pk(merchant, t.conversation())));
            item.put("sk", s(t.eventId()));
            item.put("text", s(t.text()));
            if (t.customerRef() != null) {
                item.put("customer", s(t.customerRef()));
            }
            item.put("expiresAt", n(t.expiresAt().getEpochSecond()));
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        Batches.write(dynamo, table, puts, "text writes");
    }


    private Iterable<Map<String, AttributeValue>> items(MerchantId merchant, ConversationId conversation) {
        return dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk(merchant, conversation))))).items();
    }

    @Override
    public Map<String, String> of(MerchantId merchant, ConversationId conversation, Instant now) {
        Map<String, String> out = new TreeMap<>();
        for (Map<String, AttributeValue> item : items(merchant, conversation)) {
            if (Attributes.number(item, "expiresAt") > now.getEpochSecond()) {
                out.put(string(item, "sk"), string(item, "text"));
            }
        }
        return out;
    }

    @Override
    public int forget(MerchantId merchant, ConversationId conversation, String customerRef) {
        List<WriteRequest> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> item : items(merchant, conversation)) {
            // the customer's own messages, and the agents' replies to them (stored without a customer)
            String customer = string(item, "customer");
            if (customer == null || customerRef.equals(customer)) {
                deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))))
                        .build());
            }
        }
        Batches.write(dynamo, table, deletes, "text deletes");
        return deletes.size();
    }
}
