package com.replyguard.adapters.dynamodb;

import static com.replyguard.adapters.dynamodb.Attributes.n;
import static com.replyguard.adapters.dynamodb.Attributes.s;

import com.replyguard.assessment.CaseSummary;
import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.CaseIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The after-sales case list: in the sparse GSI {@code ByState} of the conversations table (shared with
 * {@link DynamoDbHeldIndex}: a conversation held for its channel is never a case). A case carries
 * {@code statePk = case#merchant#cycle} and {@code stateSk = CATEGORY#SUBTYPE#startMillis#conversationId},
 * and the case's facts as {@code case}
 * (projected, so a page needs no conversation item). A category or subtype is a prefix of the sort
 * key: a page reads only its own cases (docs/storage.md).
 */
public final class DynamoDbCaseIndex implements CaseIndex {
    static final String INDEX = "ByState";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCaseIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String partition(MerchantId merchant, Cycle cycle) {
        return "case#" + merchant.value() + "#" + cycle;
    }

    /** The index attributes of a conversation item (none when it is no case). */
    static void put(Map<String, AttributeValue> item, Conversation c) {
        CaseSummary.of(c).ifPresent(k -> {
            item.put("statePk", s(partition(c.merchant(), k.cycle())));
            item.put("stateSk", s(k.category().top() + "#" + k.category() + "#"
                    + String.format("%015d", k.start().toEpochMilli()) + "#" + c.id().value()));
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("ch", s(k.channel().name()));
            m.put("cat", s(k.category().name()));
            m.put("sug", AttributeValue.fromBool(k.suggested()));
            m.put("conf", n(k.confidence()));
            m.put("s", s(k.start().toString()));
            if (k.resolvedAt() != null) {
                m.put("r", s(k.resolvedAt().toString()));
            }
            m.put("n", n(k.reopens()));
            if (k.rating() != null) {
                m.put("st", n(k.rating()));
            }
            if (k.agentId() != null) {
                m.put("a", s(k.agentId()));
            }
            item.put("case", AttributeValue.fromM(m));
        });
    }

    private static CaseSummary read(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> m = item.get("case").m();
        String resolved = Attributes.string(m, "r");
        String cycle = Attributes.string(item, "statePk");
        return new CaseSummary(new ConversationId(Attributes.string(item, "conversationId")),
                Channel.valueOf(Attributes.string(m, "ch")), Cycle.parse(cycle.substring(cycle.lastIndexOf('#') + 1)).orElseThrow(),
                AfterSalesCategory.valueOf(Attributes.string(m, "cat")), m.get("sug").bool(), (int) Attributes.number(m, "conf"),
                Instant.parse(Attributes.string(m, "s")), resolved == null ? null : Instant.parse(resolved),
                (int) Attributes.number(m, "n"), m.containsKey("st") ? (int) Attributes.number(m, "st") : null,
                Attributes.string(m, "a"));
    }

    @Override
    public CasePage cases(MerchantId merchant, Cycle cycle, AfterSalesCategory.Top category, AfterSalesCategory subtype,
            int limit, String pageToken) {
        String pk = partition(merchant, cycle);
        String prefix = subtype != null ? subtype.top() + "#" + subtype + "#" : category != null ? category + "#" : null;
        Map<String, AttributeValue> start = null;
        if (pageToken != null) {
            String[] parts = PageTokens.parts(pageToken, 3);
            if (!parts[1].equals(pk) || !parts[0].startsWith(merchant.value() + "#") || (prefix != null && !parts[2].startsWith(prefix))) {
                throw new BreachStore.InvalidPageToken("nextToken is not one this API issued for this merchant, cycle and category");
            }
            start = Map.of("pk", s(parts[0]), "statePk", s(parts[1]), "stateSk", s(parts[2]));
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk));
        String condition = "statePk = :pk";
        if (prefix != null) {
            values.put(":prefix", s(prefix));
            condition += " AND begins_with(stateSk, :prefix)";
        }
        String keyCondition = condition;
        Map<String, AttributeValue> exclusiveStart = start;
        QueryResponse r = dynamo.query(q -> {
            q.tableName(table).indexName(INDEX).limit(limit + 1).keyConditionExpression(keyCondition)
                    .expressionAttributeValues(values);
            if (exclusiveStart != null) {
                q.exclusiveStartKey(exclusiveStart);
            }
        });
        List<Map<String, AttributeValue>> items = r.items();
        List<CaseSummary> page = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, items.size()); i++) {
            page.add(read(items.get(i)));
        }
        String next = null;
        if (items.size() > limit) {
            Map<String, AttributeValue> last = items.get(limit - 1);
            next = PageTokens.encode(Attributes.string(last, "pk"), Attributes.string(last, "statePk"), Attributes.string(last, "stateSk"));
        }
        return new CasePage(page, next);
    }
}
