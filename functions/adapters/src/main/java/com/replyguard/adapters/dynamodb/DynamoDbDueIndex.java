package com.replyguard.adapters.dynamodb;

import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.Due;
import com.replyguard.ports.DueIndex;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The due-index: the sparse GSI {@code ByDue} of the conversations table. A conversation with a
 * {@code nextDue} carries {@code dueKey = yyyyMMddHHmm#shard} (UTC minute of the instant, one of
 * {@link #SHARDS} shards by a hash of the conversation key) and {@code dueSort = millis#key}.
 * Minute buckets spread writes over time and shards spread each minute's writes, so 1,000 clock
 * starts a second reach no hot partition; a read of a time range queries each shard of each
 * minute it spans (16-32 small queries for the wheel's ~12 s range).
 */
public final class DynamoDbDueIndex implements DueIndex {
    public static final int SHARDS = 16;
    static final String INDEX = "ByDue";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDueIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static int shardOf(String conversationKey) {
        return Math.floorMod(conversationKey.hashCode(), SHARDS);
    }

    static String partition(Instant at, int shard) {
        return MINUTE.format(at) + "#" + String.format("%02d", shard);
    }

    static String sortKey(Instant at, String conversationKey) {
        return String.format("%015d#%s", at.toEpochMilli(), conversationKey);
    }

    @Override
    public List<Due> dueBetween(Instant from, Instant to) {
        List<Due> due = new ArrayList<>();
        if (to.isBefore(from)) {
            return due;
        }
        String low = String.format("%015d", from.toEpochMilli());
        String high = String.format("%015d", to.toEpochMilli() + 1); // every "to#..." sorts below "to+1"
        for (Instant minute = from.truncatedTo(ChronoUnit.MINUTES); !minute.isAfter(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            for (int shard = 0; shard < SHARDS; shard++) {
                Map<String, AttributeValue> values = Map.of(":k", AttributeValue.fromS(partition(minute, shard)),
                        ":lo", AttributeValue.fromS(low), ":hi", AttributeValue.fromS(high));
                for (Map<String, AttributeValue> item : dynamo.queryPaginator(q -> q.tableName(table).indexName(INDEX)
                        .keyConditionExpression("dueKey = :k AND dueSort BETWEEN :lo AND :hi")
                        .expressionAttributeValues(values)).items()) {
                    String sort = Attributes.string(item, "dueSort");
                    due.add(new Due(new MerchantId(Attributes.string(item, "merchant")),
                            new ConversationId(Attributes.string(item, "conversationId")),
                            Instant.ofEpochMilli(Long.parseLong(sort.substring(0, 15)))));
                }
            }
        }
        return due;
    }
}
