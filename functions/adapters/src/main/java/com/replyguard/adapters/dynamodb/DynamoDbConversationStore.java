package com.replyguard.adapters.dynamodb;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.CustomerReport;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.StoredConversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Conversations in DynamoDB, one item each, written with a version condition (optimistic
 * locking; single-item conditional writes, no transactions, so dynalite tests it faithfully).
 * Reads are strongly consistent. Every failure propagates: an outage is never "not found".
 */
public final class DynamoDbConversationStore implements ConversationStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbConversationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<ConversationId, StoredConversation> loadAll(MerchantId merchant, Collection<ConversationId> ids) {
        Map<ConversationId, StoredConversation> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = ids.stream()
                .map(id -> Map.of("pk", AttributeValue.fromS(ConversationItemMapper.key(merchant, id)))).toList();
        for (Map<String, AttributeValue> item : Batches.get(dynamo, table, keys, "conversation keys")) {
            StoredConversation s = ConversationItemMapper.fromItem(item);
            found.put(s.conversation().id(), s);
        }
        return found;
    }

    /**
     * A customer's reports ride in the conversations table under a key no conversation can have
     * ({@code !} is not allowed in a merchant id): {@code !report#merchant#customerRef}, with a string
     * set of {@code eventId|epochMillis}, so they come in the same BatchGetItem as the conversations.
     */
    static String reportKey(MerchantId merchant, String customerRef) {
        return REPORTS + merchant.value() + "#" + customerRef;
    }

    private static final String REPORTS = "!report#";

    @Override
    public Loaded loadWithReports(MerchantId merchant, Collection<ConversationId> ids, Collection<String> customerRefs) {
        Map<ConversationId, StoredConversation> found = new HashMap<>();
        Map<String, List<CustomerReport>> reports = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        ids.forEach(id -> keys.add(Map.of("pk", AttributeValue.fromS(ConversationItemMapper.key(merchant, id)))));
        new TreeSet<>(customerRefs).forEach(ref -> keys.add(Map.of("pk", AttributeValue.fromS(reportKey(merchant, ref)))));
        for (Map<String, AttributeValue> item : Batches.get(dynamo, table, keys, "conversation and report keys")) {
            if (item.get("pk").s().startsWith(REPORTS)) {
                List<CustomerReport> list = new ArrayList<>();
                for (String r : item.get("reports").ss()) {
                    int bar = r.lastIndexOf('|');
                    list.add(new CustomerReport(r.substring(0, bar), Instant.ofEpochMilli(Long.parseLong(r.substring(bar + 1)))));
                }
                reports.put(item.get("customerRef").s(), list);
            } else {
                StoredConversation s = ConversationItemMapper.fromItem(item);
                found.put(s.conversation().id(), s);
            }
        }
        return new Loaded(found, reports);
    }

    @Override
    public void recordReports(MerchantId merchant, String customerRef, Collection<CustomerReport> reports) {
        List<String> values = reports.stream().map(r -> r.eventId() + "|" + r.at().toEpochMilli()).toList();
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(reportKey(merchant, customerRef))))
                .updateExpression("SET merchant = :m, customerRef = :c ADD reports :r")
                .expressionAttributeValues(Map.of(":r", AttributeValue.fromSs(values), ":m", AttributeValue.fromS(merchant.value()),
                        ":c", AttributeValue.fromS(customerRef))));
    }

    @Override
    public void forgetReports(MerchantId merchant, String customerRef) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(reportKey(merchant, customerRef)))));
    }

    @Override
    public Optional<StoredConversation> load(MerchantId merchant, ConversationId id) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(ConversationItemMapper.key(merchant, id)))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(ConversationItemMapper.fromItem(r.item())) : Optional.empty();
    }

    @Override
    public List<ResponseTimes> responseTimes(MerchantId merchant, Cycle cycle) {
        List<ResponseTimes> all = new ArrayList<>();
        cycleIndex("ByResponseCycle", "rtPk", merchant, cycle).forEach(item -> all.add(ConversationItemMapper.responseTimes(item)));
        return all;
    }

    @Override
    public List<ConversationKpi> kpiChanges(int shard, Instant after, Instant upTo) {
        Map<String, AttributeValue> values = Map.of(":s", AttributeValue.fromS(Integer.toString(shard)),
                ":from", AttributeValue.fromS(ConversationItemMapper.kpiSort(after.plusMillis(1), "")),
                ":to", AttributeValue.fromS(ConversationItemMapper.kpiSort(upTo, "\uffff")));
        List<ConversationKpi> all = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).indexName("ByKpiChange")
                .keyConditionExpression("kpiShard = :s AND kpiAt BETWEEN :from AND :to").expressionAttributeValues(values))
                .items().forEach(item -> all.add(ConversationItemMapper.kpi(item)));
        return all;
    }

    @Override
    public List<ConversationKpi> kpiVectors(MerchantId merchant, Cycle cycle) {
        List<ConversationKpi> all = new ArrayList<>();
        cycleIndex("ByResponseCycle", "rtPk", merchant, cycle).forEach(item -> all.add(ConversationItemMapper.kpi(item)));
        return all;
    }

    @Override
    public List<ConversationId> ofCustomer(MerchantId merchant, String customerRef, Instant activeSince) {
        Map<String, AttributeValue> values = Map.of(":c", AttributeValue.fromS(merchant.value() + "#" + customerRef),
                ":since", AttributeValue.fromS(ConversationItemMapper.kpiSort(activeSince, "")));
        List<ConversationId> ids = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).indexName("ByCustomer")
                .keyConditionExpression("custPk = :c AND custSk >= :since").expressionAttributeValues(values))
                .items().forEach(item -> ids.add(new ConversationId(item.get("conversationId").s())));
        return ids;
    }

    /** Every item of one merchant's cycle in one of the per-cycle indexes, page after page. */
    private Iterable<Map<String, AttributeValue>> cycleIndex(String index, String key, MerchantId merchant, Cycle cycle) {
        return dynamo.queryPaginator(q -> q.tableName(table).indexName(index).keyConditionExpression(key + " = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(merchant.value() + "#" + cycle)))).items();
    }

    @Override
    public void save(StoredConversation next, long expectedVersion) {
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(ConversationItemMapper.toItem(next));
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))));
        }
        try {
            dynamo.putItem(put.build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdate("conversation " + next.conversation().id() + " changed since version " + expectedVersion);
        }
    }
}
