package com.replyguard.adapters.dynamodb;

import static com.replyguard.adapters.dynamodb.Attributes.s;

import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.QueueIndex;
import com.replyguard.queue.WaitingClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The live queue: the sparse GSI {@code ByQueue} of the conversations table. A conversation with a
 * waiting clock carries {@code queuePk = merchant} and {@code queueSk = latestDeadlineMillis#conversationId},
 * and its waiting clocks as {@code queue} (projected, so a read needs no conversation item). A read
 * asks for entries whose latest waiting deadline is at or after a horizon: answered, closed and
 * long-abandoned conversations are not in the range (or not in the index at all), so the read's cost
 * follows what is open now, not the merchant's history (docs/storage.md).
 */
public final class DynamoDbQueueIndex implements QueueIndex {
    static final String INDEX = "ByQueue";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbQueueIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The index attributes of a conversation item (none when nothing waits). */
    static void put(Map<String, AttributeValue> item, MerchantId merchant, ConversationId id, List<WaitingClock> waiting) {
        if (waiting.isEmpty()) {
            return;
        }
        Instant latest = waiting.stream().map(WaitingClock::deadline).max(Instant::compareTo).orElseThrow();
        item.put("queuePk", s(merchant.value()));
        item.put("queueSk", s(String.format("%015d#%s", latest.toEpochMilli(), id.value())));
        List<AttributeValue> clocks = new ArrayList<>();
        for (WaitingClock w : waiting) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("t", s(w.type().name()));
            m.put("k", s(w.key()));
            m.put("s", s(w.start().toString()));
            m.put("d", s(w.deadline().toString()));
            if (w.warnAt() != null) {
                m.put("w", s(w.warnAt().toString()));
            }
            if (w.urgent()) {
                m.put("u", AttributeValue.fromBool(true));
            }
            if (w.responsibleAgentId() != null) {
                m.put("a", s(w.responsibleAgentId()));
            }
            clocks.add(AttributeValue.fromM(m));
        }
        item.put("queue", AttributeValue.fromL(clocks));
    }

    static List<WaitingClock> waiting(Map<String, AttributeValue> item) {
        AttributeValue queue = item.get("queue");
        if (queue == null || !queue.hasL()) {
            return List.of();
        }
        List<WaitingClock> out = new ArrayList<>();
        for (AttributeValue v : queue.l()) {
            Map<String, AttributeValue> m = v.m();
            String warn = Attributes.string(m, "w");
            out.add(new WaitingClock(ClockType.valueOf(Attributes.string(m, "t")), Attributes.string(m, "k"),
                    m.containsKey("u") && m.get("u").bool(), Instant.parse(Attributes.string(m, "s")),
                    Instant.parse(Attributes.string(m, "d")), warn == null ? null : Instant.parse(warn), Attributes.string(m, "a")));
        }
        return out;
    }

    @Override
    public List<Entry> waiting(MerchantId merchant, Instant since) {
        Map<String, AttributeValue> values = Map.of(":m", AttributeValue.fromS(merchant.value()),
                ":since", AttributeValue.fromS(String.format("%015d", since.toEpochMilli())));
        List<Entry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(q -> q.tableName(table).indexName(INDEX)
                .keyConditionExpression("queuePk = :m AND queueSk >= :since").expressionAttributeValues(values)).items()) {
            String channel = Attributes.string(item, "channel");
            entries.add(new Entry(new ConversationId(Attributes.string(item, "conversationId")),
                    channel == null ? null : Channel.valueOf(channel), waiting(item)));
        }
        return entries;
    }
}
