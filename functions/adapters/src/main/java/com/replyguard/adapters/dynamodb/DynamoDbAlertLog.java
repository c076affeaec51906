package com.replyguard.adapters.dynamodb;

import static com.replyguard.adapters.dynamodb.Attributes.n;
import static com.replyguard.adapters.dynamodb.Attributes.s;
import static com.replyguard.adapters.dynamodb.Attributes.string;

import com.replyguard.adapters.json.NoticeJson;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.Acknowledgement;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.AlertPage;
import com.replyguard.notify.AlertRecord;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.ChannelState;
import com.replyguard.notify.Delivery;
import com.replyguard.notify.DeliveryState;
import com.replyguard.notify.RobotAnswer;
import com.replyguard.ports.AlertLog;
import com.replyguard.ports.DeliveryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The alerts table (template.yaml {@code AlertsTable}): the alert log, the deliveries and the
 * channels' sending state, each a single item written by conditional writes only.
 * <ul>
 *   <li>alert: {@code pk = merchant#alertId, sk = alert}; the notice, the channels it was routed to, the
 *       acknowledgement; {@code ByAlertTime} ({@code listPk = merchant}, {@code listSk = dueMillis#id})
 *       lists a merchant's alerts, {@code ByAlertConversation} ({@code convPk = merchant#conversation}) a
 *       conversation's;</li>
 *   <li>delivery: {@code pk = merchant#noticeId, sk = d#channelId}, created with
 *       {@code attribute_not_exists}; while not final it carries {@code qPk = merchant#channelId},
 *       {@code qSk = queuedMillis#noticeId}, the keys of the sparse {@code ByChannelQueue} index a
 *       digest reads (then confirmed by a consistent BatchGetItem: the index lags); a final state is
 *       never overwritten;</li>
 *   <li>channel state: {@code pk = ~channel#merchant#channelId, sk = state}, replaced only on its {@code version}.</li>
 * </ul>
 * Items expire after {@link #KEEP_FOR} ({@code expiresAt}, DynamoDB TTL).
 */
public final class DynamoDbAlertLog implements AlertLog, DeliveryStore {
    public static final Duration KEEP_FOR = Duration.ofDays(90);
    static final String BY_TIME = "ByAlertTime";
    static final String BY_CONVERSATION = "ByAlertConversation";
    static final String BY_QUEUE = "ByChannelQueue";
    private static final String ALERT = "alert";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAlertLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static String pk(MerchantId merchant, String noticeId) {
        return merchant.value() + "#" + noticeId;
    }

    private static String order(Instant t, String id) {
        return String.format("%015d#%s", t.toEpochMilli(), id);
    }

    private static AttributeValue expiry(Instant from) {
        return n(from.plus(KEEP_FOR).getEpochSecond());
    }

    // --- the alert log ------------------------------------------------------------------------

    @Override
    public void record(AlertNotice a, List<String> channelIds, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk(a.merchant(), a.id())));
        item.put("sk", s(ALERT));
        item.put("merchant", s(a.merchant().value()));
        item.put("alertId", s(a.id()));
        item.put("notice", s(NoticeJson.toText(a)));
        item.put("channels", Attributes.strings(channelIds));
        item.put("recordedAt", s(now.toString()));
        item.put("listPk", s(a.merchant().value()));
        item.put("listSk", s(order(a.dueAt(), a.id())));
        item.put("convPk", s(a.merchant().value() + "#" + a.conversationId()));
        item.put("convSk", s(order(a.dueAt(), a.id())));
        item.put("expiresAt", expiry(a.dueAt()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            // a repeated delivery of the same event: the first record stands
        }
    }

    @Override
    public Optional<AlertRecord> find(MerchantId merchant, String alertId) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", s(pk(merchant, alertId)), "sk", s(ALERT))));
        if (!r.hasItem() || r.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(records(merchant, List.of(r.item())).get(0));
    }

    @Override
    public AlertPage list(MerchantId merchant, Instant from, Instant to, int limit, String pageToken) {
        String low = from == null ? "" : order(from, "");
        String high = to == null ? "~" : order(to, "~");
        Map<String, AttributeValue> start = pageToken == null ? null : decode(pageToken, merchant, low, high);
        QueryResponse r = dynamo.query(q -> {
            q.tableName(table).indexName(BY_TIME).limit(limit + 1)
                    .keyConditionExpression("listPk = :m AND listSk BETWEEN :low AND :high")
                    .expressionAttributeValues(Map.of(":m", s(merchant.value()), ":low", s(low), ":high", s(high)));
            if (start != null) {
                q.exclusiveStartKey(start);
            }
        });
        List<Map<String, AttributeValue>> items = r.items();
        List<Map<String, AttributeValue>> page = items.subList(0, Math.min(limit, items.size()));
        String next = items.size() > limit ? encode(items.get(limit - 1)) : null;
        return new AlertPage(records(merchant, page), next);
    }

    @Override
    public List<AlertRecord> ofConversation(MerchantId merchant, String conversationId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).indexName(BY_CONVERSATION).keyConditionExpression("convPk = :c")
                .expressionAttributeValues(Map.of(":c", s(merchant.value() + "#" + conversationId))))
                .items().forEach(items::add);
        return records(merchant, items);
    }

    @Override
    public boolean acknowledge(MerchantId merchant, String alertId, Acknowledgement ack) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s(pk(merchant, alertId)), "sk", s(ALERT)))
                    .updateExpression("SET ackBy = :by, ackAt = :at")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(ackAt)")
                    .expressionAttributeValues(Map.of(":by", s(ack.by()), ":at", s(ack.at().toString()))));
            return true;
        } catch (ConditionalCheckFailedException firstStands) {
            return false;
        }
    }

    /** Alert items with their deliveries (one consistent BatchGetItem per 100 deliveries). */
    private List<AlertRecord> records(MerchantId merchant, List<Map<String, AttributeValue>> alertItems) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> a : alertItems) {
            for (String channel : Attributes.stringList(a, "channels")) {
                keys.add(Map.of("pk", a.get("pk"), "sk", s("d#" + channel)));
            }
        }
        Map<String, Delivery> byKey = new HashMap<>();
        for (Map<String, AttributeValue> d : Batches.get(dynamo, table, keys, "deliveries")) {
            byKey.put(string(d, "pk") + "\n" + string(d, "sk"), delivery(d));
        }
        List<AlertRecord> out = new ArrayList<>();
        for (Map<String, AttributeValue> a : alertItems) {
            AlertNotice notice = (AlertNotice) NoticeJson.fromText(string(a, "notice"));
            List<Delivery> deliveries = new ArrayList<>();
            for (String channel : Attributes.stringList(a, "channels")) {
                Delivery d = byKey.get(string(a, "pk") + "\nd#" + channel);
                if (d != null) {
                    deliveries.add(d);
                }
            }
            String ackAt = string(a, "ackAt");
            out.add(new AlertRecord(notice, deliveries, ackAt == null ? null : new Acknowledgement(string(a, "ackBy"),
                    Instant.parse(ackAt))));
        }
        return out;
    }

    private static String encode(Map<String, AttributeValue> item) {
        return PageTokens.encode(string(item, "pk"), string(item, "listPk"), string(item, "listSk"));
    }

    private static Map<String, AttributeValue> decode(String token, MerchantId merchant, String low, String high) {
        String[] parts = PageTokens.decode(token, merchant, low, high);
        return Map.of("pk", s(parts[0]), "sk", s(ALERT), "listPk", s(parts[1]), "listSk", s(parts[2]));
    }

    // --- deliveries ---------------------------------------------------------------------------

    private static Map<String, AttributeValue> deliveryKey(MerchantId merchant, String noticeId, String channelId) {
        return Map.of("pk", s(pk(merchant, noticeId)), "sk", s("d#" + channelId));
    }

    private static Map<String, AttributeValue> item(MerchantId merchant, Delivery d) {
        Map<String, AttributeValue> item = new HashMap<>(deliveryKey(merchant, d.noticeId(), d.channelId()));
        item.put("merchant", s(merchant.value()));
        item.put("channelId", s(d.channelId()));
        item.put("kind", s(d.kind().wireName()));
        item.put("state", s(d.state().name()));
        item.put("final", Attributes.bool(d.isFinal()));
        item.put("queuedAt", s(d.queuedAt().toString()));
        item.put("at", s(d.at().toString()));
        item.put("notBefore", s(d.notBefore().toString()));
        item.put("attempts", n(d.attempts()));
        item.put("notice", s(NoticeJson.toText(d.notice())));
        item.put("expiresAt", expiry(d.queuedAt()));
        if (d.answer() != null) {
            item.put("answerStatus", n(d.answer().httpStatus()));
            if (d.answer().code() != null) {
                item.put("answerCode", n(d.answer().code()));
            }
            if (d.answer().message() != null) {
                item.put("answerMessage", s(d.answer().message()));
            }
        }
        if (!d.isFinal()) {
            item.put("qPk", s(merchant.value() + "#" + d.channelId()));
            item.put("qSk", s(order(d.queuedAt(), d.noticeId())));
        }
        return item;
    }

    private static Delivery delivery(Map<String, AttributeValue> i) {
        RobotAnswer answer = i.containsKey("answerStatus") ? new RobotAnswer(Integer.parseInt(i.get("answerStatus").n()),
                i.containsKey("answerCode") ? Integer.valueOf(i.get("answerCode").n()) : null, string(i, "answerMessage")) : null;
        return new Delivery(NoticeJson.fromText(string(i, "notice")), string(i, "channelId"),
                ChannelKind.parse(string(i, "kind")).orElseThrow(), DeliveryState.valueOf(string(i, "state")),
                Instant.parse(string(i, "queuedAt")), Instant.parse(string(i, "at")), Instant.parse(string(i, "notBefore")),
                (int) Attributes.number(i, "attempts"), answer);
    }

    @Override
    public Delivery enqueue(MerchantId merchant, Delivery delivery) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(merchant, delivery)).conditionExpression("attribute_not_exists(pk)"));
            return delivery;
        } catch (ConditionalCheckFailedException exists) {
            return find(merchant, delivery.noticeId(), delivery.channelId()).orElseThrow();
        }
    }

    @Override
    public Optional<Delivery> find(MerchantId merchant, String noticeId, String channelId) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(deliveryKey(merchant, noticeId, channelId)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(delivery(r.item())) : Optional.empty();
    }

    @Override
    public List<Delivery> waiting(MerchantId merchant, String channelId, int limit) {
        QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(BY_QUEUE).limit(limit)
                .keyConditionExpression("qPk = :q").expressionAttributeValues(Map.of(":q", s(merchant.value() + "#" + channelId))));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> k : r.items()) {
            keys.add(Map.of("pk", k.get("pk"), "sk", k.get("sk")));
        }
        List<Delivery> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : Batches.get(dynamo, table, keys, "waiting deliveries")) {
            Delivery d = delivery(i);
            if (!d.isFinal()) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparing(Delivery::queuedAt).thenComparing(Delivery::noticeId));
        return out;
    }

    @Override
    public boolean update(MerchantId merchant, Delivery delivery) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(merchant, delivery))
                    .conditionExpression("attribute_exists(pk) AND #f = :no")
                    .expressionAttributeNames(Map.of("#f", "final"))
                    .expressionAttributeValues(Map.of(":no", Attributes.bool(false))));
            return true;
        } catch (ConditionalCheckFailedException alreadyFinal) {
            return false;
        }
    }

    /** A digest's entries, written in parallel (each still conditional): the channel's lock is held meanwhile. */
    @Override
    public void updateAll(MerchantId merchant, List<Delivery> deliveries) {
        if (deliveries.size() < 4) {
            DeliveryStore.super.updateAll(merchant, deliveries);
            return;
        }
        List<CompletableFuture<Boolean>> writes = new ArrayList<>();
        for (Delivery d : deliveries) {
            writes.add(CompletableFuture.supplyAsync(() -> update(merchant, d), WRITERS));
        }
        writes.forEach(CompletableFuture::join);
    }

    private static final ExecutorService WRITERS = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "alert-log-writer");
        t.setDaemon(true);
        return t;
    });

    // --- channel state ------------------------------------------------------------------------

    private static Map<String, AttributeValue> channelKey(MerchantId merchant, String channelId) {
        return Map.of("pk", s("~channel#" + merchant.value() + "#" + channelId), "sk", s("state"));
    }

    @Override
    public Optional<ChannelState> channel(MerchantId merchant, String channelId) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(channelKey(merchant, channelId)));
        if (!r.hasItem() || r.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> i = r.item();
        return Optional.of(new ChannelState((int) Attributes.number(i, "tokens"), Instant.parse(string(i, "asOf")),
                string(i, "grid"), instant(i, "blockedUntil"), string(i, "lockedBy"), instant(i, "lockedUntil"),
                Attributes.number(i, "version")));
    }

    private static Instant instant(Map<String, AttributeValue> i, String name) {
        String v = string(i, name);
        return v == null ? null : Instant.parse(v);
    }

    @Override
    public boolean replace(MerchantId merchant, String channelId, ChannelState expected, ChannelState next) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(channelKey(merchant, channelId));
        item.put("tokens", n(next.tokens()));
        item.put("asOf", s(next.asOf().toString()));
        item.put("grid", s(next.grid()));
        item.put("version", n(next.version()));
        if (next.blockedUntil() != null) {
            item.put("blockedUntil", s(next.blockedUntil().toString()));
        }
        if (next.lockedBy() != null) {
            item.put("lockedBy", s(next.lockedBy()));
            item.put("lockedUntil", s(next.lockedUntil().toString()));
        }
        try {
            if (expected == null) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :v")
                        .expressionAttributeValues(Map.of(":v", n(expected.version()))));
            }
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }
}
