package com.replyguard.adapters.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.cache.ExpiringCache;
import com.replyguard.merchant.DoudianApp;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.MerchantDirectory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Merchants' secrets from AWS Secrets Manager (encrypted with KMS, rotated there, never in a table
 * or a log): secret {@code <prefix><merchantId>} holds
 * {@code {"webhookSecrets": [...], "douyinClientSecret": "...", "doudian": {"appKey", "appSecrets": [...]}}}
 * - two webhook or 抖店 secrets are both valid during a rotation. They are laid over the merchant
 * from the base directory; a merchant without such a secret keeps its configured ones. Cached per
 * execution environment for {@link #TTL}; an unreadable secret is an outage (it propagates), never
 * "no secret".
 */
public final class SecretsManagerMerchantDirectory implements MerchantDirectory {
    public static final Duration TTL = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MerchantDirectory base;
    private final SecretsManagerClient secrets;
    private final String prefix;
    private final ExpiringCache<MerchantId, Optional<JsonNode>> cache;

    public SecretsManagerMerchantDirectory(MerchantDirectory base, SecretsManagerClient secrets, String prefix, Clock clock) {
        this.base = base;
        this.secrets = secrets;
        this.prefix = prefix;
        this.cache = new ExpiringCache<>(TTL, clock);
    }

    @Override
    public Optional<Merchant> find(MerchantId id) {
        Optional<Merchant> merchant = base.find(id);
        if (merchant.isEmpty()) {
            return merchant;
        }
        Optional<JsonNode> secret = cache.get(id, this::secret);
        return secret.isEmpty() ? merchant : Optional.of(overlay(merchant.get(), secret.get()));
    }

    private Optional<JsonNode> secret(MerchantId id) {
        try {
            String value = secrets.getSecretValue(b -> b.secretId(prefix + id.value())).secretString();
            return Optional.of(JSON.readTree(value));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("the secret of merchant " + id + " is not JSON");
        }
    }

    static Merchant overlay(Merchant m, JsonNode s) {
        List<String> webhook = texts(s.path("webhookSecrets"));
        String douyin = s.path("douyinClientSecret").asText(null);
        DoudianApp doudian = s.has("doudian")
                ? new DoudianApp(s.path("doudian").path("appKey").asText(""), texts(s.path("doudian").path("appSecrets"))) : null;
        return m.withSecrets(webhook.isEmpty() ? null : webhook, douyin, doudian);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText("")));
        return out;
    }
}
