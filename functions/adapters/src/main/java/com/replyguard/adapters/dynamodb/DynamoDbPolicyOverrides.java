package com.replyguard.adapters.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.cache.ExpiringCache;
import com.replyguard.adapters.json.PolicyJson;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.MerchantDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Merchants' policies set through the policy API ({@code PUT /merchants/{m}/policy}), stored as
 * {@code policy#<merchant>} items of the merchants table and laid over the base directory (the
 * merchants file locally, the merchants table in AWS). Read through a short per-environment cache:
 * a change takes effect within {@link #CACHE_FOR} in every function.
 */
public final class DynamoDbPolicyOverrides implements MerchantDirectory {
    public static final Duration CACHE_FOR = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MerchantDirectory base;
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final ExpiringCache<MerchantId, Optional<JsonNode>> cache;

    public DynamoDbPolicyOverrides(MerchantDirectory base, DynamoDbClient dynamo, String table, Clock clock) {
        this.base = base;
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.cache = new ExpiringCache<>(CACHE_FOR, clock);
    }

    @Override
    public Optional<Merchant> find(MerchantId id) {
        Optional<Merchant> merchant = base.find(id);
        if (merchant.isEmpty()) {
            return merchant;
        }
        Optional<JsonNode> policy = cache.get(id, this::stored);
        if (policy.isEmpty()) {
            return merchant;
        }
        PolicyJson.Parsed p = PolicyJson.read(policy.get(), "policy", merchant.get().assessedHours());
        return Optional.of(merchant.get().withPolicy(p.policy(), p.urgency(), p.assessedHours(), p.discipline(), p.shifts()));
    }

    private Optional<JsonNode> stored(MerchantId id) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("policy#" + id.value()))));
        Optional<JsonNode> policy = Optional.empty();
        if (r.hasItem() && r.item().containsKey("policy")) {
            try {
                policy = Optional.of(JSON.readTree(r.item().get("policy").s()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored policy of " + id + " is not JSON", e);
            }
        }
        return policy;
    }

    /** Validates and stores a merchant's policy (every problem listed on refusal); answers the merchant under it. */
    public Merchant put(MerchantId id, JsonNode policy) {
        Merchant merchant = base.find(id).orElseThrow(() -> new IllegalArgumentException("unknown merchant " + id));
        PolicyJson.Parsed p = PolicyJson.read(policy, "policy", merchant.assessedHours());
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("policy#" + id.value()),
                "policy", AttributeValue.fromS(policy.toString()), "updatedAt", AttributeValue.fromS(clock.instant().toString()))));
        cache.forget(id);
        return merchant.withPolicy(p.policy(), p.urgency(), p.assessedHours(), p.discipline(), p.shifts());
    }
}
