package com.replyguard.adapters.dynamodb;

import static com.replyguard.adapters.dynamodb.Attributes.s;

import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.AgentRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The agents a merchant's events named, one small item each in the conversations table:
 * {@code pk = ~agent#merchant#agentId} ({@code ~} cannot start a merchant id, so no conversation's
 * key is ever one of these). Recording puts the same item again: idempotent.
 */
public final class DynamoDbAgentRegistry implements AgentRegistry {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAgentRegistry(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String key(MerchantId merchant, String agentId) {
        return "~agent#" + merchant.value() + "#" + agentId;
    }

    @Override
    public void record(MerchantId merchant, Collection<String> agentIds) {
        List<WriteRequest> puts = new ArrayList<>();
        for (String agent : agentIds) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s(key(merchant, agent)));
            item.put("merchant", s(merchant.value()));
            item.put("agentId", s(agent));
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        Batches.write(dynamo, table, puts, "agent records");
    }

    @Override
    public boolean isKnown(MerchantId merchant, String agentId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s(key(merchant, agentId)))).projectionExpression("pk"));
        return r.hasItem() && !r.item().isEmpty();
    }
}
