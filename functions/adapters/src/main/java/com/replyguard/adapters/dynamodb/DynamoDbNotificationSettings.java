package com.replyguard.adapters.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.cache.ExpiringCache;
import com.replyguard.adapters.json.NotificationSettingsJson;
import com.replyguard.adapters.secrets.NotificationSecrets;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.ports.NotificationSettingsStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Merchants' notification settings as {@code notify#<merchant>} items of the merchants table. With
 * a {@link NotificationSecrets} (AWS: Secrets Manager) the item holds no credential - robot URLs
 * and signing secrets are written to the secret first, then the item names the secret's version
 * ({@code updatedAt}), so a reader never pairs new routes with old credentials for long. Without
 * one (the local runner) the item holds them too. Read through a per-environment cache of
 * {@link #CACHE_FOR}: a change reaches every function within that.
 */
public final class DynamoDbNotificationSettings implements NotificationSettingsStore {
    public static final Duration CACHE_FOR = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamo;
    private final String table;
    private final NotificationSecrets secrets;
    private final ExpiringCache<MerchantId, Optional<NotificationSettings>> cache;

    /** {@code secrets} null: credentials are kept in the item (local runner only). */
    public DynamoDbNotificationSettings(DynamoDbClient dynamo, String table, NotificationSecrets secrets, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.secrets = secrets;
        this.cache = new ExpiringCache<>(CACHE_FOR, clock);
    }

    private static Map<String, AttributeValue> key(MerchantId merchant) {
        return Map.of("pk", AttributeValue.fromS("notify#" + merchant.value()));
    }

    @Override
    public Optional<NotificationSettings> find(MerchantId merchant) {
        return cache.get(merchant, this::load);
    }

    private Optional<NotificationSettings> load(MerchantId merchant) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(merchant)));
        if (!r.hasItem() || r.item().isEmpty()) {
            return Optional.empty();
        }
        JsonNode stored;
        try {
            stored = JSON.readTree(r.item().get("settings").s());
        } catch (IOException e) {
            throw new IllegalStateException("stored notification settings of " + merchant + " are not JSON", e);
        }
        NotificationSettingsJson.Read read = NotificationSettingsJson.read(stored);
        if (read.settings() == null) {
            throw new IllegalStateException("stored notification settings of " + merchant + " do not read back: "
                    + read.problems().size() + " problem(s)");
        }
        NotificationSettings settings = read.settings();
        if (secrets != null) {
            String version = r.item().get("updatedAt").s();
            settings = NotificationSettingsJson.withCredentials(settings, secrets.read(merchant, version));
        }
        return Optional.of(settings);
    }

    @Override
    public void put(MerchantId merchant, NotificationSettings settings, Instant now) {
        String version = now.toString();
        NotificationSettingsJson.Credentials mode = NotificationSettingsJson.Credentials.INCLUDED;
        if (secrets != null) {
            secrets.write(merchant, version, NotificationSettingsJson.credentials(settings));
            mode = NotificationSettingsJson.Credentials.OMITTED;
        }
        String text;
        try {
            text = JSON.writeValueAsString(NotificationSettingsJson.write(settings, mode));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode notification settings", e);
        }
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("notify#" + merchant.value()),
                "settings", AttributeValue.fromS(text), "updatedAt", AttributeValue.fromS(version))));
        cache.forget(merchant);
    }
}
