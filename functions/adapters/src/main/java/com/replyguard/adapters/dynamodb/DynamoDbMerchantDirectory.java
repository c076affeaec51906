package com.replyguard.adapters.dynamodb;

import static com.replyguard.adapters.dynamodb.Attributes.string;
import static com.replyguard.adapters.dynamodb.Attributes.stringList;

import com.replyguard.adapters.cache.ExpiringCache;
import com.replyguard.merchant.AssessedHours;
import com.replyguard.merchant.DoudianApp;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.ManagerTokens;
import com.replyguard.ports.MerchantDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Merchant configuration in the merchants table: {@code merchant#<id>} items hold webhook secrets,
 * the customer-hash key (base64) and assessed hours; {@code token#<sha256 hex>} items map a
 * manager token's digest (never the token) to its merchant. Entries are cached per execution
 * environment for a minute, so a webhook costs no configuration read on a warm function.
 * (Secrets move to Secrets Manager/KMS with the security issue.)
 */
public final class DynamoDbMerchantDirectory implements MerchantDirectory, ManagerTokens {
    private static final Duration CACHE_FOR = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo;
    private final String table;
    private final ExpiringCache<String, Optional<Merchant>> merchants;
    private final ExpiringCache<String, Optional<Manager>> tokens;

    public DynamoDbMerchantDirectory(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.merchants = new ExpiringCache<>(CACHE_FOR, clock);
        this.tokens = new ExpiringCache<>(CACHE_FOR, clock);
    }

    @Override
    public Optional<Merchant> find(MerchantId id) {
        return cached(merchants, "merchant#" + id.value(), item -> {
            String key = string(item, "customerHashKey");
            return new Merchant(id, stringList(item, "webhookSecrets"), Base64.getDecoder().decode(key),
                    new AssessedHours(LocalTime.parse(string(item, "assessedFrom")), LocalTime.parse(string(item, "assessedTo"))))
                    .withDouyinClientSecret(string(item, "douyinClientSecret"))
                    .withDoudian(string(item, "doudianAppKey") == null ? null
                            : new DoudianApp(string(item, "doudianAppKey"),
                                    stringList(item, "doudianAppSecrets")))
                    .withTextRetention(item.containsKey("textRetentionDays")
                            ? Duration.ofDays(Attributes.number(item, "textRetentionDays")) : null);
        });
    }

    @Override
    public Optional<Manager> managerOf(String bearerToken) {
        // an API token's item: its merchant, and optionally its role and team (default: a supervisor)
        return cached(tokens, "token#" + digest(bearerToken), item -> new Manager(
                new MerchantId(string(item, "merchantId")),
                string(item, "role") == null ? Manager.Role.SUPERVISOR
                        : Manager.Role.valueOf(string(item, "role")),
                new HashSet<>(stringList(item, "team"))));
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> Optional<T> cached(ExpiringCache<String, Optional<T>> cache, String pk,
            Function<Map<String, AttributeValue>, T> map) {
        return cache.get(pk, key -> {
            GetItemResponse r = dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(key))));
            return r.hasItem() && !r.item().isEmpty() ? Optional.of(map.apply(r.item())) : Optional.empty();
        });
    }

    /** Writes a merchant's configuration and its managers' token digests (provisioning and tests). */
    public void put(Merchant merchant, Iterable<String> managerTokens) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("merchant#" + merchant.id().value()),
                "webhookSecrets", Attributes.strings(merchant.webhookSecrets()),
                "customerHashKey", AttributeValue.fromS(Base64.getEncoder().encodeToString(merchant.customerHashKey())),
                "assessedFrom", AttributeValue.fromS(merchant.assessedHours().from().toString()),
                "assessedTo", AttributeValue.fromS(merchant.assessedHours().to().toString()))));
        for (String token : managerTokens) {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                    "pk", AttributeValue.fromS("token#" + digest(token)),
                    "merchantId", AttributeValue.fromS(merchant.id().value()))));
        }
        merchants.forget("merchant#" + merchant.id().value());
    }
}
