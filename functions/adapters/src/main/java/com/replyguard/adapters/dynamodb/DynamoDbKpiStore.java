package com.replyguard.adapters.dynamodb;

import static com.replyguard.adapters.dynamodb.Attributes.n;
import static com.replyguard.adapters.dynamodb.Attributes.s;
import static com.replyguard.adapters.dynamodb.Attributes.string;

import com.replyguard.adapters.json.FoldJson;
import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.ConversationId;
import com.replyguard.kpi.ChangedAfterClose;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.kpi.CounterKey;
import com.replyguard.kpi.CycleCounters;
import com.replyguard.kpi.Dimension;
import com.replyguard.kpi.Fold;
import com.replyguard.kpi.KpiVector;
import com.replyguard.kpi.SetAside;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.KpiStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The KPI table ({@code pk}, {@code sk}):
 * <ul>
 *   <li>counters: {@code pk = merchant#cycle}, {@code sk = shard#n#family} (one item per dimension
 *       family - all, channel, category, channelCategory, case - and 16 for agents), one number attribute
 *       {@code k:<counter key>} per counter, {@code lastSeq} (the last fold applied, which makes a
 *       repeated apply a failed condition instead of a double count) and {@code cycleKey} (index
 *       ByCycleMerchant, for the jobs);</li>
 *   <li>the closed cycle's frozen figures: {@code pk = merchant#cycle}, {@code sk = final}, with
 *       {@code revision} (1 the close, later ones re-closes; absent on items written before: 1);</li>
 *   <li>a shard's fold state and journal (gzipped JSON): {@code pk = fold#n}, {@code sk = state};</li>
 *   <li>the ledger: {@code pk = counted#merchant#conversation}, {@code sk = -}, the version and vector counted;</li>
 *   <li>conversations the fold set aside (rare): {@code pk = setaside}, {@code sk = merchant#conversation};</li>
 *   <li>cycles whose counters changed after their close time, to be closed again (rare):
 *       {@code pk = closechanged}, {@code sk = merchant#cycle}, {@code at} the latest change.</li>
 * </ul>
 * A report reads one partition (a Query) and the fold states (a BatchGetItem): two requests,
 * whatever the number of conversations.
 */
public final class DynamoDbKpiStore implements KpiStore {
    private static final String COUNTER = "k:";
    /** Counter keys per UpdateItem: keeps the update expression under DynamoDB's 4 KB. */
    private static final int KEYS_PER_UPDATE = 100;
    /** Agents' counters are spread over this many items per shard (about 300 agents each before 400 KB). */
    static final int AGENT_BUCKETS = 16;
    /** A journal rides on the shard's state item: it must stay well below DynamoDB's 400 KB. */
    static final int MAX_JOURNAL_BYTES = 300_000;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbKpiStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static Map<String, AttributeValue> stateKey(int shard) {
        return key("fold#" + shard, "state");
    }

    @Override
    public Fold.State foldState(int shard) {
        var r = dynamo.getItem(b -> b.tableName(table).key(stateKey(shard)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? state(r.item()) : new Fold.State(0, null, null);
    }

    private static Fold.State state(Map<String, AttributeValue> item) {
        String through = string(item, "through");
        AttributeValue journal = item.get("journal");
        return new Fold.State(Attributes.number(item, "seq"), through == null ? null : Instant.parse(through),
                journal == null ? null : FoldJson.read(unzip(journal.b().asByteArray())));
    }

    @Override
    public boolean begin(Fold fold, long expectedSeq) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":seq", n(fold.seq()));
        byte[] journal = zip(FoldJson.write(fold));
        if (journal.length > MAX_JOURNAL_BYTES) {
            throw new IllegalStateException("fold journal of shard " + fold.shard() + " is " + journal.length
                    + " bytes compressed, over " + MAX_JOURNAL_BYTES + ": fold fewer conversations at a time");
        }
        values.put(":journal", AttributeValue.fromB(SdkBytes.fromByteArray(journal)));
        String condition = "attribute_not_exists(journal) AND ";
        if (expectedSeq == 0) {
            condition += "attribute_not_exists(seq)";
        } else {
            condition += "seq = :expected";
            values.put(":expected", n(expectedSeq));
        }
        String c = condition;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(stateKey(fold.shard()))
                    .updateExpression("SET seq = :seq, journal = :journal").conditionExpression(c)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void apply(Fold fold) {
        for (Fold.CounterDelta d : fold.counters()) {
            // one item per dimension family (agents spread over buckets), so no item nears 400 KB
            Map<String, List<Map.Entry<String, Long>>> byItem = new TreeMap<>();
            d.delta().counts().entrySet().forEach(e -> byItem.computeIfAbsent(itemOf(fold.shard(), e.getKey()),
                    k -> new ArrayList<>()).add(e));
            byItem.forEach((sk, entries) -> applyTo(fold, d, sk, entries));
        }
        writeLedgers(fold);
    }

    /** The counter item of a key: {@code shard#n#family}, agents over {@link #AGENT_BUCKETS} buckets. */
    static String itemOf(int shard, String key) {
        Dimension dimension = CounterKey.decode(key).dimension();
        String family = dimension.family().wireName();
        if (dimension.family() == Dimension.Family.AGENT) {
            family = "agent." + Math.floorMod(dimension.encode().hashCode(), AGENT_BUCKETS);
        }
        return "shard#" + shard + "#" + family;
    }

    /** Adds entries to one counter item, at most once per fold: chunks carry increasing tokens under the fold's seq. */
    private void applyTo(Fold fold, Fold.CounterDelta d, String sk, List<Map.Entry<String, Long>> entries) {
        for (int from = 0, part = 0; from < entries.size(); from += KEYS_PER_UPDATE, part++) {
            List<Map.Entry<String, Long>> chunk = entries.subList(from, Math.min(entries.size(), from + KEYS_PER_UPDATE));
            long token = fold.seq() * 1000 + part;
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            StringBuilder add = new StringBuilder("SET lastSeq = :token, cycleKey = :cycle, merchant = :merchant ADD ");
            for (int i = 0; i < chunk.size(); i++) {
                names.put("#k" + i, COUNTER + chunk.get(i).getKey());
                values.put(":v" + i, n(chunk.get(i).getValue()));
                add.append(i == 0 ? "" : ", ").append("#k").append(i).append(" :v").append(i);
            }
            values.put(":token", n(token));
            values.put(":cycle", s(d.cycle().toString()));
            values.put(":merchant", s(d.merchant().value()));
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key(d.merchant().value() + "#" + d.cycle(), sk))
                        .updateExpression(add.toString()).conditionExpression("attribute_not_exists(lastSeq) OR lastSeq < :token")
                        .expressionAttributeNames(names).expressionAttributeValues(values));
            } catch (ConditionalCheckFailedException e) {
                // applied before (a repeated journal): nothing to add
            }
        }
    }

    private void writeLedgers(Fold fold) {
        List<WriteRequest> puts = new ArrayList<>();
        for (ConversationKpi l : fold.ledgers()) {
            Map<String, AttributeValue> item = new HashMap<>(key("counted#" + l.key(), "-"));
            item.put("merchant", s(l.merchant().value()));
            item.put("conversationId", s(l.conversation().value()));
            item.put("version", n(l.version()));
            item.put("kv", vector(l.vector()));
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        Batches.write(dynamo, table, puts, "ledger writes");
    }

    @Override
    public void end(Fold fold) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":seq", n(fold.seq()));
        String update = "REMOVE journal";
        if (fold.through() != null) {
            update += " SET through = :through";
            values.put(":through", s(fold.through().toString()));
        }
        String u = update;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(stateKey(fold.shard())).updateExpression(u)
                    .conditionExpression("seq = :seq").expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // a later fold has begun: this one was ended before
        }
    }

    @Override
    public Map<String, ConversationKpi> counted(Collection<ConversationKpi> conversations) {
        Map<String, ConversationKpi> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        new TreeSet<>(conversations.stream().map(ConversationKpi::key).toList())
                .forEach(k -> keys.add(key("counted#" + k, "-")));
        for (Map<String, AttributeValue> item : Batches.get(dynamo, table, keys, "ledger keys")) {
            ConversationKpi c = new ConversationKpi(new MerchantId(string(item, "merchant")),
                    new ConversationId(string(item, "conversationId")), Attributes.number(item, "version"),
                    vector(item.get("kv")));
            found.put(c.key(), c);
        }
        return found;
    }


    @Override
    public CycleCounters read(MerchantId merchant, Cycle cycle) {
        TreeMap<String, Long> sum = new TreeMap<>();
        CycleCounters.Frozen frozen = null;
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(merchant.value() + "#" + cycle))))
                .items()) {
            if ("final".equals(string(item, "sk"))) {
                AttributeValue announced = item.get("announced");
                frozen = new CycleCounters.Frozen(Instant.parse(string(item, "closedAt")), counters(item),
                        announced != null && Boolean.TRUE.equals(announced.bool()),
                        item.containsKey("revision") ? (int) Attributes.number(item, "revision") : 1);
            } else {
                counters(item).counts().forEach((k, v) -> sum.merge(k, v, Long::sum));
            }
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int s = 0; s < Fold.SHARDS; s++) {
            keys.add(stateKey(s));
        }
        Instant through = null;
        List<Map<String, AttributeValue>> states = Batches.get(dynamo, table, keys, "fold states");
        if (states.size() == Fold.SHARDS) {
            for (Map<String, AttributeValue> item : states) {
                Instant t = state(item).countedThrough();
                if (t == null) {
                    through = null;
                    break;
                }
                through = through == null || t.isBefore(through) ? t : through;
            }
        }
        return new CycleCounters(new KpiVector(sum), through, Optional.ofNullable(frozen));
    }

    private static KpiVector counters(Map<String, AttributeValue> item) {
        TreeMap<String, Long> m = new TreeMap<>();
        item.forEach((name, v) -> {
            if (name.startsWith(COUNTER)) {
                m.put(name.substring(COUNTER.length()), Long.parseLong(v.n()));
            }
        });
        return new KpiVector(m);
    }

    @Override
    public List<MerchantId> merchants(Cycle cycle) {
        TreeSet<String> merchants = new TreeSet<>();
        dynamo.queryPaginator(q -> q.tableName(table).indexName("ByCycleMerchant").keyConditionExpression("cycleKey = :c")
                .expressionAttributeValues(Map.of(":c", s(cycle.toString())))).items()
                .forEach(item -> merchants.add(string(item, "merchant")));
        return merchants.stream().map(MerchantId::new).toList();
    }

    @Override
    public CycleCounters.Frozen freeze(MerchantId merchant, Cycle cycle, CycleCounters.Frozen frozen) {
        Map<String, AttributeValue> item = new HashMap<>(key(merchant.value() + "#" + cycle, "final"));
        item.put("closedAt", s(frozen.closedAt().toString()));
        item.put("announced", AttributeValue.fromBool(frozen.announced()));
        item.put("revision", n(frozen.revision()));
        frozen.counts().counts().forEach((k, v) -> item.put(COUNTER + k, n(v)));
        // revision 1 only where nothing is stored; a later one only over the one before it (an item
        // written before revisions existed is revision 1)
        String condition = frozen.revision() == 1 ? "attribute_not_exists(pk)"
                : frozen.revision() == 2 ? "revision = :before OR (attribute_exists(pk) AND attribute_not_exists(revision))"
                : "revision = :before";
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(item).conditionExpression(condition);
                if (frozen.revision() > 1) {
                    b.expressionAttributeValues(Map.of(":before", n(frozen.revision() - 1)));
                }
            });
            return frozen;
        } catch (ConditionalCheckFailedException e) {
            return read(merchant, cycle).frozen().orElseThrow();
        }
    }

    @Override
    public void announced(MerchantId merchant, Cycle cycle, int revision) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(merchant.value() + "#" + cycle, "final"))
                    .updateExpression("SET announced = :t")
                    .conditionExpression(revision == 1 ? "attribute_exists(pk) AND (attribute_not_exists(revision) OR revision = :r)"
                            : "revision = :r")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":r", n(revision))));
        } catch (ConditionalCheckFailedException e) {
            // a newer revision is stored: it will be announced on its own
        }
    }

    private static final String CHANGED_AFTER_CLOSE = "closechanged";

    @Override
    public void changedAfterClose(ChangedAfterClose change) {
        Map<String, AttributeValue> item = new HashMap<>(key(CHANGED_AFTER_CLOSE, change.key()));
        item.put("merchant", s(change.merchant().value()));
        item.put("cycle", s(change.cycle().toString())); // not cycleKey: these are no counters (index ByCycleMerchant)
        item.put("at", n(change.at().toEpochMilli()));
        try {
            // the note only ever moves later
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk) OR #at < :at")
                    .expressionAttributeNames(Map.of("#at", "at")).expressionAttributeValues(Map.of(":at", n(change.at().toEpochMilli()))));
        } catch (ConditionalCheckFailedException e) {
            // noted at a later instant already
        }
    }

    @Override
    public List<ChangedAfterClose> changedAfterClose() {
        List<ChangedAfterClose> out = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(CHANGED_AFTER_CLOSE)))).items().forEach(i -> out.add(
                        new ChangedAfterClose(new MerchantId(string(i, "merchant")),
                                Cycle.parse(string(i, "cycle")).orElseThrow(), Instant.ofEpochMilli(Attributes.number(i, "at")))));
        return out;
    }

    @Override
    public void reclosed(ChangedAfterClose change) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(CHANGED_AFTER_CLOSE, change.key()))
                    .conditionExpression("#at = :at").expressionAttributeNames(Map.of("#at", "at"))
                    .expressionAttributeValues(Map.of(":at", n(change.at().toEpochMilli()))));
        } catch (ConditionalCheckFailedException e) {
            // changed again since: the note stays for the next re-close
        }
    }

    private static final String SET_ASIDE = "setaside";

    @Override
    public void setAside(SetAside s) {
        Map<String, AttributeValue> item = new HashMap<>(key(SET_ASIDE, s.key()));
        item.put("merchant", s(s.merchant().value()));
        item.put("conversationId", s(s.conversation().value()));
        item.put("version", n(s.version()));
        item.put("reason", s(s.reason()));
        item.put("at", s(s.at().toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<SetAside> setAside() {
        List<SetAside> out = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(SET_ASIDE)))).items().forEach(i -> out.add(new SetAside(
                        new MerchantId(string(i, "merchant")), new ConversationId(string(i, "conversationId")),
                        Attributes.number(i, "version"), string(i, "reason"), Instant.parse(string(i, "at")))));
        return out;
    }

    @Override
    public void clearSetAside(String key) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(SET_ASIDE, key)));
    }

    /** The journal is gzipped JSON: counter keys repeat, so 40 conversations' fold stays far below 400 KB. */
    static byte[] zip(String json) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static String unzip(byte[] bytes) {
        try (var gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable fold journal", e);
        }
    }

    static AttributeValue vector(KpiVector v) {
        Map<String, AttributeValue> m = new HashMap<>();
        v.counts().forEach((k, x) -> m.put(k, n(x)));
        return AttributeValue.fromM(m);
    }

    static KpiVector vector(AttributeValue v) {
        TreeMap<String, Long> m = new TreeMap<>();
        if (v != null && v.hasM()) {
            v.m().forEach((k, x) -> m.put(k, Long.parseLong(x.n())));
        }
        return new KpiVector(m);
    }

}
