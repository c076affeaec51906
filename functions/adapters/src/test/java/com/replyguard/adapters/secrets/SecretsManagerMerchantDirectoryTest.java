package com.replyguard.adapters.secrets;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.merchant.MerchantId;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Merchants' secrets from Secrets Manager: laid over the configuration, two during a rotation, cached, outages loud. */
class SecretsManagerMerchantDirectoryTest {
    private final Map<String, String> stored = new HashMap<>();
    private int reads;
    private boolean down;

    private final SecretsManagerClient client = new SecretsManagerClient() {
        @Override
        public GetSecretValueResponse getSecretValue(Consumer<GetSecretValueRequest.Builder> request) {
            GetSecretValueRequest r = GetSecretValueRequest.builder().applyMutation(request).build();
            reads++;
            if (down) {
                throw SdkClientException.create("connection refused");
            }
            String value = stored.get(r.secretId());
            if (value == null) {
                throw ResourceNotFoundException.builder().message("no such secret").build();
            }
            return GetSecretValueResponse.builder().secretString(value).build();
        }

        @Override
        public String serviceName() {
            return "secretsmanager";
        }

        @Override
        public void close() {
        }
    };

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-03T04:00:00Z"));
    private final SecretsManagerMerchantDirectory directory = new SecretsManagerMerchantDirectory(
            id -> id.equals(DEMO) ? Optional.of(DEMO_MERCHANT) : Optional.empty(), client, "replyguard/dev/merchants/", clock);

    @Test
    void secretsAreLaidOverTheConfiguration_bothDuringARotation() {
        stored.put("replyguard/dev/merchants/demo", """
                {"webhookSecrets": ["old-secret", "new-secret"], "douyinClientSecret": "dy",
                 "doudian": {"appKey": "k", "appSecrets": ["s1", "s2"]}}""");
        var m = directory.find(DEMO).orElseThrow();
        assertEquals(List.of("old-secret", "new-secret"), m.webhookSecrets());
        assertEquals("dy", m.douyinClientSecret().orElseThrow());
        assertEquals(List.of("s1", "s2"), m.doudian().orElseThrow().appSecrets());
        assertEquals(DEMO_MERCHANT.policy(), m.policy(), "everything else stays");
        assertTrue(directory.find(new MerchantId("nobody")).isEmpty());
    }

    @Test
    void readsAreCachedForFiveMinutes_andAMissingSecretKeepsTheConfiguredOnes() {
        directory.find(DEMO);
        directory.find(DEMO);
        assertEquals(1, reads);
        assertEquals(DEMO_MERCHANT.webhookSecrets(), directory.find(DEMO).orElseThrow().webhookSecrets());
        stored.put("replyguard/dev/merchants/demo", "{\"webhookSecrets\": [\"rotated\"]}");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertEquals(List.of("rotated"), directory.find(DEMO).orElseThrow().webhookSecrets());
        assertEquals(2, reads);
    }

    @Test
    void anOutageIsAnErrorNeverAMerchantWithoutSecrets() {
        down = true;
        assertThrows(SdkClientException.class, () -> directory.find(DEMO));
    }
}
