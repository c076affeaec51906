package com.replyguard.adapters.config;

import com.replyguard.adapters.dynamodb.DynamoDbAgentRegistry;
import com.replyguard.adapters.dynamodb.DynamoDbBreachStore;
import com.replyguard.adapters.dynamodb.DynamoDbCaseIndex;
import com.replyguard.adapters.dynamodb.DynamoDbConversationStore;
import com.replyguard.adapters.dynamodb.DynamoDbDueIndex;
import com.replyguard.adapters.dynamodb.DynamoDbHeldIndex;
import com.replyguard.adapters.dynamodb.DynamoDbKpiStore;
import com.replyguard.adapters.dynamodb.DynamoDbMerchantDirectory;
import com.replyguard.adapters.dynamodb.DynamoDbMessageTexts;
import com.replyguard.adapters.dynamodb.DynamoDbPolicyOverrides;
import com.replyguard.adapters.dynamodb.DynamoDbQueueIndex;
import com.replyguard.adapters.dynamodb.DynamoDbWheelWatermark;
import com.replyguard.adapters.local.MerchantsFile;
import com.replyguard.adapters.secrets.SecretsManagerMerchantDirectory;
import com.replyguard.ports.AgentRegistry;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.CaseIndex;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.DueIndex;
import com.replyguard.ports.HeldIndex;
import com.replyguard.ports.KpiStore;
import com.replyguard.ports.ManagerTokens;
import com.replyguard.ports.MerchantDirectory;
import com.replyguard.ports.MessageTexts;
import com.replyguard.ports.QueueIndex;
import com.replyguard.ports.WheelWatermark;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The storage adapters every function shares, built from the environment:
 * {@code CONVERSATIONS_TABLE}, {@code BREACHES_TABLE}, {@code KPIS_TABLE}, {@code TEXTS_TABLE},
 * {@code MERCHANTS_TABLE} (template.yaml sets them); {@code DYNAMODB_ENDPOINT} points at a local
 * DynamoDB (dynalite), and {@code MERCHANTS_FILE} replaces the merchants table with the local
 * merchants file; {@code MERCHANT_SECRETS_PREFIX} reads merchants' secrets from Secrets Manager.
 * One DynamoDB client per execution environment, explicit region and HTTP client.
 */
public final class StorageWiring {
    public final DynamoDbClient dynamo;
    public final ConversationStore conversations;
    public final BreachStore breaches;
    public final MerchantDirectory merchants;
    /** Merchants' policies set through the policy API, laid over the base directory. */
    public final DynamoDbPolicyOverrides policies;
    public final ManagerTokens managerTokens;
    public final DueIndex dueIndex;
    public final QueueIndex queue;
    public final CaseIndex cases;
    public final HeldIndex held;
    public final AgentRegistry agents;
    public final WheelWatermark watermark;
    public final KpiStore kpis;
    public final MessageTexts texts;
    /** The environment, for a function's own variables on top of the storage ones. */
    public final Environment env;

    private StorageWiring(Environment env, Clock clock) {
        this.env = env;
        String conversationsTable = env.require("CONVERSATIONS_TABLE");
        String breachesTable = env.require("BREACHES_TABLE");
        String kpisTable = env.require("KPIS_TABLE");
        String textsTable = env.require("TEXTS_TABLE");
        String merchantsFile = env.optional("MERCHANTS_FILE");
        // MERCHANTS_TABLE also holds the wheel's watermark, so it is needed in local mode too
        String merchantsTable = env.require("MERCHANTS_TABLE");
        if (env.optional("DYNAMODB_ENDPOINT") == null) {
            env.require("AWS_REGION");
        }
        env.check();
        this.dynamo = AwsClients.dynamoDb(env);
        this.conversations = new DynamoDbConversationStore(dynamo, conversationsTable);
        this.breaches = new DynamoDbBreachStore(dynamo, breachesTable);
        this.dueIndex = new DynamoDbDueIndex(dynamo, conversationsTable);
        this.queue = new DynamoDbQueueIndex(dynamo, conversationsTable);
        this.cases = new DynamoDbCaseIndex(dynamo, conversationsTable);
        this.held = new DynamoDbHeldIndex(dynamo, conversationsTable);
        this.agents = new DynamoDbAgentRegistry(dynamo, conversationsTable);
        this.watermark = new DynamoDbWheelWatermark(dynamo, merchantsTable);
        this.kpis = new DynamoDbKpiStore(dynamo, kpisTable);
        this.texts = new DynamoDbMessageTexts(dynamo, textsTable);
        MerchantDirectory baseDirectory;
        if (merchantsFile != null) {
            MerchantsFile file = MerchantsFile.read(Path.of(merchantsFile));
            baseDirectory = file;
            this.managerTokens = file;
        } else {
            DynamoDbMerchantDirectory directory = new DynamoDbMerchantDirectory(dynamo, merchantsTable, clock);
            baseDirectory = directory;
            this.managerTokens = directory;
        }
        // secrets at rest (docs/security.md): webhook and platform secrets from Secrets Manager where the
        // function is given a prefix
        String secretsPrefix = env.optional("MERCHANT_SECRETS_PREFIX");
        if (secretsPrefix != null && merchantsFile == null) {
            baseDirectory = new SecretsManagerMerchantDirectory(baseDirectory,
                    AwsClients.build(SecretsManagerClient.builder(), env),
                    secretsPrefix, clock);
        }
        this.policies = new DynamoDbPolicyOverrides(baseDirectory, dynamo, merchantsTable, clock);
        this.merchants = policies;
    }

    public static StorageWiring from(Environment env, Clock clock) {
        return new StorageWiring(env, clock);
    }
}
