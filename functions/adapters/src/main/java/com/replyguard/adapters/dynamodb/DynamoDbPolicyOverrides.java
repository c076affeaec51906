package com.replyguard.adapters.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replyguard.adapters.cache.ExpiringCache;
import com.replyguard.adapters.json.PolicyJson;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.merchant.PolicyHistory;
import com.replyguard.merchant.PolicyVersion;
import com.replyguard.ports.MerchantDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Merchants' policy versions set through the policy API ({@code PUT /merchants/{m}/policy}), laid over
 * the base directory (the merchants file locally, the merchants table in AWS), whose policy is version
 * 0. Each PUT adds the next version, in force from the instant it was made; none is ever changed, so
 * a clock stays judged by the version in force at its start (docs/clocks.md).
 *
 * <p>Stored as one item of the merchants table, {@code policy#<merchant>}: {@code versions} (gzipped
 * JSON array of {@code {version, effectiveFrom, policy}}, the policy as the manager sent it) and
 * {@code count}, on which each append is conditional, so two concurrent PUTs never lose one another.
 * An item of the single-policy format written before versions existed reads as version 1, in force
 * from its {@code updatedAt}. Read through a short per-environment cache: a new version takes effect
 * within {@link #CACHE_FOR} in every function.
 */
public final class DynamoDbPolicyOverrides implements MerchantDirectory {
    public static final Duration CACHE_FOR = Duration.ofSeconds(10);
    /** The versions' gzipped JSON must stay well below DynamoDB's 400 KB item limit. */
    static final int MAX_STORED_BYTES = 350_000;
    private static final int MAX_ATTEMPTS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MerchantDirectory base;
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final ExpiringCache<MerchantId, Optional<ArrayNode>> cache;

    public DynamoDbPolicyOverrides(MerchantDirectory base, DynamoDbClient dynamo, String table, Clock clock) {
        this.base = base;
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.cache = new ExpiringCache<>(CACHE_FOR, clock);
    }

    /** A policy version refused because the stored history would outgrow its item. */
    public static final class TooManyVersions extends IllegalStateException {
        TooManyVersions(String message) {
            super(message);
        }
    }

    @Override
    public Optional<Merchant> find(MerchantId id) {
        Optional<Merchant> merchant = base.find(id);
        if (merchant.isEmpty()) {
            return merchant;
        }
        Optional<ArrayNode> versions = cache.get(id, k -> stored(k).map(Stored::versions));
        return versions.isEmpty() ? merchant : Optional.of(withVersions(merchant.get(), versions.get()));
    }

    /** The merchant with every stored version over its configured policy (version 0). */
    private static Merchant withVersions(Merchant merchant, ArrayNode versions) {
        PolicyHistory history = merchant.policies();
        for (JsonNode v : versions) {
            PolicyJson.Parsed p = PolicyJson.read(v.get("policy"), "policy", merchant.assessedHours());
            history = history.plus(Instant.parse(v.get("effectiveFrom").asText()), new PolicyVersion(0, null, p.policy(),
                    p.urgency(), p.assessedHours(), p.discipline(), p.shifts()));
        }
        return merchant.withPolicies(history);
    }

    /** The stored versions (after version 0) and their count, as read. */
    private record Stored(ArrayNode versions, long count) {
    }

    private Optional<Stored> stored(MerchantId id) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(id)));
        if (!r.hasItem() || r.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = r.item();
        try {
            if (item.containsKey("versions")) {
                ArrayNode versions = (ArrayNode) JSON.readTree(DynamoDbKpiStore.unzip(item.get("versions").b().asByteArray()));
                return Optional.of(new Stored(versions, Long.parseLong(item.get("count").n())));
            }
            // the single-policy format of before versions: one version, in force from when it was written
            ArrayNode one = JSON.createArrayNode();
            one.addObject().put("version", 1).put("effectiveFrom", item.get("updatedAt").s())
                    .set("policy", JSON.readTree(item.get("policy").s()));
            return Optional.of(new Stored(one, 0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy of " + id + " is not JSON", e);
        }
    }

    private static Map<String, AttributeValue> key(MerchantId id) {
        return Map.of("pk", AttributeValue.fromS("policy#" + id.value()));
    }

    /**
     * Validates a merchant's new policy (every problem listed on refusal) and stores it as the next
     * version, in force from now; answers the merchant with every version.
     */
    public Merchant put(MerchantId id, JsonNode policy) {
        Merchant merchant = base.find(id).orElseThrow(() -> new IllegalArgumentException("unknown merchant " + id));
        PolicyJson.read(policy, "policy", merchant.assessedHours()); // refuses a bad policy before anything is written
        for (int attempt = 1; ; attempt++) {
            Optional<Stored> current = stored(id);
            ArrayNode versions = current.map(s -> s.versions().deepCopy()).orElseGet(JSON::createArrayNode);
            ObjectNode next = versions.addObject();
            next.put("version", versions.size());
            next.put("effectiveFrom", clock.instant().toString());
            next.set("policy", policy);
            byte[] zipped = DynamoDbKpiStore.zip(versions.toString());
            if (zipped.length > MAX_STORED_BYTES) {
                throw new TooManyVersions("merchant " + id + " has " + (versions.size() - 1)
                        + " policy versions, as many as one item holds; ask an operator to archive old ones");
            }
            Map<String, AttributeValue> item = new HashMap<>(key(id));
            item.put("versions", AttributeValue.fromB(SdkBytes.fromByteArray(zipped)));
            item.put("count", AttributeValue.fromN(Integer.toString(versions.size())));
            item.put("updatedAt", AttributeValue.fromS(clock.instant().toString()));
            long expected = current.map(Stored::count).orElse(-1L);
            try {
                dynamo.putItem(b -> {
                    b.tableName(table).item(item);
                    if (expected < 0) {
                        b.conditionExpression("attribute_not_exists(pk)");
                    } else if (expected == 0) {
                        b.conditionExpression("attribute_not_exists(#c)").expressionAttributeNames(Map.of("#c", "count"));
                    } else {
                        b.conditionExpression("#c = :c").expressionAttributeNames(Map.of("#c", "count"))
                                .expressionAttributeValues(Map.of(":c", AttributeValue.fromN(Long.toString(expected))));
                    }
                });
            } catch (ConditionalCheckFailedException concurrentPut) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw concurrentPut;
                }
                continue; // another version was added meanwhile: append after it
            }
            cache.forget(id);
            return withVersions(merchant, versions);
        }
    }
}
