package com.replyguard.adapters.dynamodb;

import static com.replyguard.adapters.dynamodb.Attributes.bool;
import static com.replyguard.adapters.dynamodb.Attributes.n;
import static com.replyguard.adapters.dynamodb.Attributes.s;
import static com.replyguard.adapters.dynamodb.Attributes.string;

import com.replyguard.assessment.Cycle;
import com.replyguard.breach.Breach;
import com.replyguard.breach.BreachPage;
import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaClock;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.BreachStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Breaches in DynamoDB: one item per breach, {@code pk = merchant#breachId}. An active breach also
 * carries {@code listPk = merchant} and {@code listSk = deadline-millis#breachId}, the keys of the
 * sparse {@code ByDeadline} index that lists a merchant's breaches by deadline; retracting one
 * removes them. Every write is an UpdateItem guarded by the conversation version, and
 * {@code detectedAt} is set only by the first write (if_not_exists): exactly one breach per
 * clock, however often and in whatever order it is recorded.
 */
public final class DynamoDbBreachStore implements BreachStore {
    static final String INDEX = "ByDeadline";
    private static final String GUARD = "attribute_not_exists(pk) OR version < :v";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbBreachStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static String key(MerchantId merchant, String breachId) {
        return merchant.value() + "#" + breachId;
    }

    static String sortKey(Instant deadline, String breachId) {
        return String.format("%015d#%s", deadline.toEpochMilli(), breachId);
    }

    @Override
    public void record(Breach b, long version) {
        SlaClock c = b.clock();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":v", n(version));
        values.put(":m", s(b.merchant().value()));
        values.put(":id", s(b.breachId()));
        values.put(":conv", s(b.conversationId().value()));
        values.put(":clock", s(c.type().name()));
        values.put(":key", s(c.key()));
        values.put(":ch", s(c.channel().name()));
        values.put(":urgent", bool(c.urgent()));
        values.put(":start", s(c.start().toString()));
        values.put(":startEvent", s(c.startEventId()));
        values.put(":deadline", s(c.deadline().toString()));
        values.put(":sk", s(sortKey(c.deadline(), b.breachId())));
        values.put(":now", s(b.detectedAt().toString()));
        values.put(":t", bool(true));
        values.put(":pv", n(c.policyVersion()));
        List<String> removes = new ArrayList<>();
        StringBuilder agent = new StringBuilder();
        if (b.responsibleAgentId() != null) {
            // the sparse ByAgent index: an agent's breaches of a cycle (R20)
            agent.append(", agentId = :agentId, agentKey = :agentKey, agentSk = :sk");
            values.put(":agentId", s(b.responsibleAgentId()));
            // the cycle of the clock's start, as the KPI counters count clocks (an agent's timeouts agree everywhere)
            values.put(":agentKey", s(agentKey(b.merchant(), b.responsibleAgentId(), Cycle.containing(c.start()))));
        } else {
            removes.add("agentId");
            removes.add("agentKey");
            removes.add("agentSk");
        }
        StringBuilder update = new StringBuilder("SET version = :v, merchant = :m, breachId = :id, conversationId = :conv,"
                + " clock = :clock, clockKey = :key, channel = :ch, urgent = :urgent, clockStart = :start,"
                + " startEventId = :startEvent, deadline = :deadline, listPk = :m, listSk = :sk, active = :t, policyVersion = :pv,"
                + " detectedAt = if_not_exists(detectedAt, :now)").append(agent);
        if (c.answeredAt() != null) {
            update.append(", answeredAt = :ans, answerEventId = :ansEvent");
            values.put(":ans", s(c.answeredAt().toString()));
            values.put(":ansEvent", s(c.answerEventId()));
            if (c.answeringAgentId() != null) {
                update.append(", answeringAgentId = :agent");
                values.put(":agent", s(c.answeringAgentId()));
            } else {
                removes.add("answeringAgentId");
            }
        } else {
            removes.add("answeredAt");
            removes.add("answerEventId");
            removes.add("answeringAgentId");
        }
        if (!removes.isEmpty()) {
            update.append(" REMOVE ").append(String.join(", ", removes));
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Map.of("pk", s(key(b.merchant(), b.breachId()))))
                    .updateExpression(update.toString()).conditionExpression(GUARD).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException newerAlreadyStored) {
            // a newer version of the conversation already wrote this breach: nothing to do
        }
    }

    @Override
    public void retract(MerchantId merchant, String breachId, long version) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Map.of("pk", s(key(merchant, breachId))))
                    .updateExpression("SET version = :v, active = :f REMOVE listPk, listSk, agentKey, agentSk")
                    .conditionExpression(GUARD)
                    .expressionAttributeValues(Map.of(":v", n(version), ":f", bool(false))));
        } catch (ConditionalCheckFailedException newerAlreadyStored) {
            // a newer version decided about this breach already
        }
    }

    @Override
    public BreachPage list(MerchantId merchant, Instant from, Instant to, int limit, String pageToken) {
        // only the bounds that are given go into the key condition: DynamoDB refuses an empty string
        // as a key value (a BETWEEN "" AND "~" that dynalite accepts answers 400 there)
        String low = from == null ? null : sortKey(from, "");
        String high = to == null ? null : sortKey(to, "~");
        Map<String, AttributeValue> start = pageToken == null ? null : decode(pageToken, merchant, low, high);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":m", s(merchant.value()));
        String condition = "listPk = :m";
        if (low != null) {
            values.put(":low", s(low));
        }
        if (high != null) {
            values.put(":high", s(high));
        }
        if (low != null && high != null) {
            condition += " AND listSk BETWEEN :low AND :high";
        } else if (low != null) {
            condition += " AND listSk >= :low";
        } else if (high != null) {
            condition += " AND listSk <= :high";
        }
        String keyCondition = condition;
        QueryResponse r = dynamo.query(q -> {
            q.tableName(table).indexName(INDEX).limit(limit + 1)
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeValues(values);
            if (start != null) {
                q.exclusiveStartKey(start);
            }
        });
        List<Map<String, AttributeValue>> items = r.items();
        List<Breach> page = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, items.size()); i++) {
            page.add(fromItem(items.get(i)));
        }
        String next = items.size() > limit ? encode(items.get(limit - 1)) : null;
        return new BreachPage(page, next);
    }

    static String agentKey(MerchantId merchant, String agentId, Cycle cycle) {
        return merchant.value() + "#" + cycle + "#" + agentId;
    }

    @Override
    public Optional<Breach> find(MerchantId merchant, String breachId) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", s(key(merchant, breachId)))));
        if (!r.hasItem() || r.item().isEmpty() || r.item().get("active") == null || !r.item().get("active").bool()) {
            return Optional.empty();
        }
        return Optional.of(fromItem(r.item()));
    }

    @Override
    public void excuse(MerchantId merchant, String breachId, Breach.Excuse excuse) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Map.of("pk", s(key(merchant, breachId))))
                    .updateExpression("SET excuseReason = :r, excusedBy = :by, excusedAt = :at")
                    .conditionExpression("active = :t AND attribute_not_exists(excusedAt)")
                    .expressionAttributeValues(Map.of(":r", s(excuse.reason()), ":by", s(excuse.by()),
                            ":at", s(excuse.at().toString()), ":t", bool(true))));
        } catch (ConditionalCheckFailedException alreadyExcusedOrGone) {
            // the first excuse stands; a withdrawn breach needs none
        }
    }

    /** Complaints share the ByAgent index; their sort keys start with "~complaint#", after every breach's digits. */
    private static final String COMPLAINT = "~complaint#";

    @Override
    public void recordComplaint(MerchantId merchant, ConversationId conversation, String agentId, Instant at, long version) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":v", n(version));
        String update;
        if (agentId == null) {
            update = "SET version = :v, kind = :kind REMOVE agentKey, agentSk, agentId";
        } else {
            update = "SET version = :v, kind = :kind, agentId = :a, agentKey = :k, agentSk = :sk, complainedAt = :at";
            values.put(":a", s(agentId));
            values.put(":k", s(agentKey(merchant, agentId, Cycle.containing(at))));
            values.put(":sk", s(COMPLAINT + conversation.value()));
            values.put(":at", s(at.toString()));
        }
        values.put(":kind", s("SLOW_RESPONSE_COMPLAINT"));
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Map.of("pk", s(merchant.value() + "#complaint#" + conversation.value())))
                    .updateExpression(update).conditionExpression(GUARD).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException newerAlreadyStored) {
            // a newer version of the conversation decided already
        }
    }

    @Override
    public int complaintsAgainst(MerchantId merchant, String agentId, Cycle cycle) {
        return dynamo.queryPaginator(q -> q.tableName(table).indexName("ByAgent")
                        .keyConditionExpression("agentKey = :k AND begins_with(agentSk, :c)")
                        .expressionAttributeValues(Map.of(":k", s(agentKey(merchant, agentId, cycle)), ":c", s(COMPLAINT)))
                        .select("COUNT"))
                .stream().mapToInt(QueryResponse::count).sum();
    }

    @Override
    public List<Breach> ofAgent(MerchantId merchant, String agentId, Cycle cycle) {
        List<Breach> out = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).indexName("ByAgent").keyConditionExpression("agentKey = :k AND agentSk < :c")
                        .expressionAttributeValues(Map.of(":k", s(agentKey(merchant, agentId, cycle)), ":c", s(COMPLAINT))))
                .items().forEach(i -> out.add(fromItem(i)));
        return out;
    }

    private static Breach fromItem(Map<String, AttributeValue> item) {
        String answered = string(item, "answeredAt");
        SlaClock clock = new SlaClock(ClockType.valueOf(string(item, "clock")), string(item, "clockKey"),
                Channel.valueOf(string(item, "channel")), item.get("urgent") != null && item.get("urgent").bool(),
                Instant.parse(string(item, "clockStart")), string(item, "startEventId"),
                Instant.parse(string(item, "deadline")), answered == null ? null : Instant.parse(answered),
                string(item, "answerEventId"), string(item, "answeringAgentId"),
                item.containsKey("policyVersion") ? (int) Attributes.number(item, "policyVersion") : 0);
        String excusedAt = string(item, "excusedAt");
        Breach.Excuse excuse = excusedAt == null ? null
                : new Breach.Excuse(string(item, "excuseReason"), string(item, "excusedBy"), Instant.parse(excusedAt));
        return new Breach(string(item, "breachId"), new MerchantId(string(item, "merchant")),
                new ConversationId(string(item, "conversationId")), clock, Instant.parse(string(item, "detectedAt")),
                string(item, "agentId"), excuse);
    }

    private static String encode(Map<String, AttributeValue> item) {
        return PageTokens.encode(string(item, "pk"), string(item, "listPk"), string(item, "listSk"));
    }

    private static Map<String, AttributeValue> decode(String token, MerchantId merchant, String low, String high) {
        String[] parts = PageTokens.decode(token, merchant, low, high);
        return Map.of("pk", s(parts[0]), "listPk", s(parts[1]), "listSk", s(parts[2]));
    }
}
