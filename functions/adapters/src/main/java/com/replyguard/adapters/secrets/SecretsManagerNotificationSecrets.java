package com.replyguard.adapters.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replyguard.adapters.cache.ExpiringCache;
import com.replyguard.merchant.MerchantId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Robot URLs and signing secrets in AWS Secrets Manager (KMS-encrypted, never in a table or a log):
 * secret {@code <prefix><merchantId>} (template: {@code replyguard/<stage>/notifications/}, beside the
 * merchants' webhook secrets but under its own prefix, so only the notifier and the manager API may
 * read it - not the ingest function). The secret holds the credentials and the {@code version} of the
 * settings they belong to; a read that finds another version (a change in flight) reads again, and
 * otherwise keeps a version's credentials for {@link #TTL}.
 */
public final class SecretsManagerNotificationSecrets implements NotificationSecrets {
    public static final Duration TTL = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final String prefix;
    private final ExpiringCache<String, JsonNode> cache;

    public SecretsManagerNotificationSecrets(SecretsManagerClient secrets, String prefix, Clock clock) {
        this.secrets = secrets;
        this.prefix = prefix;
        this.cache = new ExpiringCache<>(TTL, clock);
    }

    @Override
    public JsonNode read(MerchantId merchant, String version) {
        String key = merchant.value() + "\n" + version;
        JsonNode cached = cache.get(key, k -> fetch(merchant));
        if (!version.equals(cached.path("version").asText())) {
            cache.forget(key);
            cached = cache.get(key, k -> fetch(merchant));
            if (!version.equals(cached.path("version").asText())) {
                throw new IllegalStateException("the notification secrets of merchant " + merchant
                        + " are not those of its settings (a change in progress); retry");
            }
        }
        return cached;
    }

    private JsonNode fetch(MerchantId merchant) {
        try {
            return JSON.readTree(secrets.getSecretValue(b -> b.secretId(prefix + merchant.value())).secretString());
        } catch (ResourceNotFoundException e) {
            throw new IllegalStateException("merchant " + merchant + " has notification settings but no secret " + prefix
                    + merchant.value());
        } catch (IOException e) {
            throw new IllegalStateException("the notification secret of merchant " + merchant + " is not JSON");
        }
    }

    @Override
    public void write(MerchantId merchant, String version, Map<String, Object> credentials) {
        ObjectNode value = JSON.valueToTree(credentials);
        value.put("version", version);
        String text = value.toString();
        String id = prefix + merchant.value();
        try {
            secrets.putSecretValue(b -> b.secretId(id).secretString(text));
        } catch (ResourceNotFoundException first) {
            secrets.createSecret(b -> b.name(id).secretString(text)
                    .description("ReplyGuard: robot webhook URLs and signing secrets of merchant " + merchant.value()));
        }
    }
}
