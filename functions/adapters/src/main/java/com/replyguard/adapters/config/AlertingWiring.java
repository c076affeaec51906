package com.replyguard.adapters.config;

import com.replyguard.adapters.dynamodb.DynamoDbAlertLog;
import com.replyguard.adapters.dynamodb.DynamoDbNotificationSettings;
import com.replyguard.adapters.robots.HttpRobotClient;
import com.replyguard.adapters.robots.JdkHostResolver;
import com.replyguard.adapters.secrets.SecretsManagerNotificationSecrets;
import com.replyguard.ports.HostResolver;
import com.replyguard.ports.NotificationSettingsStore;
import com.replyguard.ports.RobotClient;
import java.time.Clock;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What the notifier and the manager API share to reach people: the alerts table
 * ({@code ALERTS_TABLE}: alert log, deliveries, channel budgets), the notification settings (in the
 * merchants table, their robot URLs and signing secrets in Secrets Manager under
 * {@code NOTIFICATION_SECRETS_PREFIX}; only the local runner, which sets {@code LOCAL_EVENT_BUS},
 * keeps them in its local table) and the robots' HTTP client. {@code ALLOW_LOOPBACK_ROBOTS=true}
 * (set by the local runner only, never a default) also lets robot and webhook URLs point at
 * {@code http://127.0.0.1} / {@code localhost}.
 */
public final class AlertingWiring {
    public static final String ALLOW_LOOPBACK = "ALLOW_LOOPBACK_ROBOTS";

    public final DynamoDbAlertLog alerts;
    public final NotificationSettingsStore settings;
    public final HostResolver resolver;
    public final RobotClient robots;
    public final boolean allowLoopback;

    private AlertingWiring(StorageWiring storage, Clock clock) {
        Environment env = storage.env;
        String table = env.require("ALERTS_TABLE");
        String merchantsTable = env.require("MERCHANTS_TABLE");
        boolean local = env.optional("LOCAL_EVENT_BUS") != null;
        // the local runner has no Secrets Manager: its table keeps the credentials (they are the inbox's, on 127.0.0.1)
        String secretsPrefix = local ? null : env.require("NOTIFICATION_SECRETS_PREFIX");
        this.allowLoopback = "true".equals(env.optional(ALLOW_LOOPBACK));
        env.check();
        this.alerts = new DynamoDbAlertLog(storage.dynamo, table);
        this.settings = new DynamoDbNotificationSettings(storage.dynamo, merchantsTable, secretsPrefix == null ? null
                : new SecretsManagerNotificationSecrets(AwsClients.build(SecretsManagerClient.builder(), env), secretsPrefix, clock),
                clock);
        this.resolver = new JdkHostResolver();
        this.robots = new HttpRobotClient(resolver, allowLoopback);
    }

    public static AlertingWiring from(StorageWiring storage, Clock clock) {
        return new AlertingWiring(storage, clock);
    }
}
