package com.replyguard.adapters.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.adapters.dynamodb.DynamoDbNotificationSettings;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.Language;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Robot URLs and signing secrets: in AWS they live in Secrets Manager under the merchant's
 * notifications secret, never in the table item; a reader pairs settings with the credentials of
 * their version; locally (no secrets store) the table item holds them.
 */
class NotificationCredentialsTest {
    private static final MerchantId DEMO = new MerchantId("demo");
    private final Map<String, String> secrets = new HashMap<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-03T04:00:00Z"));

    private final SecretsManagerClient client = new SecretsManagerClient() {
        @Override
        public GetSecretValueResponse getSecretValue(Consumer<GetSecretValueRequest.Builder> request) {
            GetSecretValueRequest r = GetSecretValueRequest.builder().applyMutation(request).build();
            String v = secrets.get(r.secretId());
            if (v == null) {
                throw ResourceNotFoundException.builder().message("no such secret").build();
            }
            return GetSecretValueResponse.builder().secretString(v).build();
        }

        @Override
        public PutSecretValueResponse putSecretValue(Consumer<PutSecretValueRequest.Builder> request) {
            PutSecretValueRequest r = PutSecretValueRequest.builder().applyMutation(request).build();
            if (!secrets.containsKey(r.secretId())) {
                throw ResourceNotFoundException.builder().message("no such secret").build();
            }
            secrets.put(r.secretId(), r.secretString());
            return PutSecretValueResponse.builder().build();
        }

        @Override
        public CreateSecretResponse createSecret(Consumer<CreateSecretRequest.Builder> request) {
            CreateSecretRequest r = CreateSecretRequest.builder().applyMutation(request).build();
            secrets.put(r.name(), r.secretString());
            return CreateSecretResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "secretsmanager";
        }

        @Override
        public void close() {
        }
    };

    private static NotificationSettings settings(String token) {
        return new NotificationSettings(Language.ZH_CN, null, List.of(new NotifyChannel("leads", ChannelKind.DINGTALK,
                "https://oapi.dingtalk.com/robot/send?access_token=" + token, "SEC-" + token, null, null)), List.of(), Map.of());
    }

    private String item(DynamoDbClient dynamo, String table) {
        return dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("notify#demo")))).item().toString();
    }

    @Test
    void inAws_theTableHoldsNoCredential_andTheSecretHoldsThemWithTheirVersion() {
        DynamoDbClient dynamo = SharedDynalite.client();
        String table = SharedDynalite.freshTables().tableName("MerchantsTable");
        DynamoDbNotificationSettings store = new DynamoDbNotificationSettings(dynamo, table,
                new SecretsManagerNotificationSecrets(client, "replyguard/dev/notifications/", clock), clock);
        store.put(DEMO, settings("tok-1"), clock.instant());
        assertTrue(!item(dynamo, table).contains("tok-1") && !item(dynamo, table).contains("SEC-"), item(dynamo, table));
        assertTrue(secrets.get("replyguard/dev/notifications/demo").contains("tok-1"));
        assertEquals(settings("tok-1"), store.find(DEMO).orElseThrow());
        clock.advance(Duration.ofSeconds(1));
        store.put(DEMO, settings("tok-2"), clock.instant());
        DynamoDbNotificationSettings otherInstance = new DynamoDbNotificationSettings(dynamo, table,
                new SecretsManagerNotificationSecrets(client, "replyguard/dev/notifications/", clock), clock);
        assertEquals(settings("tok-2"), otherInstance.find(DEMO).orElseThrow(), "the credentials of the settings' version");
    }

    @Test
    void settingsWhoseSecretIsMissing_areAnOutage_neverSettingsWithoutCredentials() {
        DynamoDbClient dynamo = SharedDynalite.client();
        String table = SharedDynalite.freshTables().tableName("MerchantsTable");
        new DynamoDbNotificationSettings(dynamo, table, new SecretsManagerNotificationSecrets(client, "replyguard/dev/notifications/",
                clock), clock).put(DEMO, settings("tok-1"), clock.instant());
        secrets.clear();
        DynamoDbNotificationSettings fresh = new DynamoDbNotificationSettings(dynamo, table,
                new SecretsManagerNotificationSecrets(client, "replyguard/dev/notifications/", clock), clock);
        assertThrows(IllegalStateException.class, () -> fresh.find(DEMO));
    }

    @Test
    void locally_theTableItemHoldsThem() {
        DynamoDbClient dynamo = SharedDynalite.client();
        String table = SharedDynalite.freshTables().tableName("MerchantsTable");
        DynamoDbNotificationSettings store = new DynamoDbNotificationSettings(dynamo, table, null, clock);
        store.put(DEMO, settings("tok-9"), clock.instant());
        assertTrue(item(dynamo, table).contains("tok-9"));
        assertEquals(settings("tok-9"), new DynamoDbNotificationSettings(dynamo, table, null, clock).find(DEMO).orElseThrow());
        assertTrue(store.find(new MerchantId("nobody")).isEmpty());
    }
}
