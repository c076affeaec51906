package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.dynamodb.DynamoDbConversationStore;
import com.replyguard.adapters.dynamodb.DynamoDbKpiStore;
import com.replyguard.adapters.eventbridge.EventBridgeAlertPublisher;
import com.replyguard.alert.Alert;
import com.replyguard.alert.AlertEvent;
import com.replyguard.alert.AlertPlan;
import com.replyguard.assessment.Cycle;
import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaClock;
import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.ConversationId;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.kpi.Fold;
import com.replyguard.kpi.KpiVector;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS side on LocalStack (docs/deploy.md, the LocalStack suite): the DynamoDB tables created from
 * template.yaml's own definitions, with the real adapters; an alert published through EventBridge and routed
 * by the template's own rule pattern (AlertsToLogsRule) to a queue; EventBridge Scheduler schedule CRUD with
 * the template's expressions (LocalStack never fires schedules, so the wheel itself is tested locally).
 *
 * <p>Runs where a Docker engine exists: {@code mvn -B verify -pl infra/local -am -Dtest=LocalStackSuiteTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Skipped with one line where none exists. The image tag is
 * pinned to 4.4.0, the last one that starts without a LocalStack auth token.
 */
@Tag("localstack")
@EnabledIf(value = "dockerAvailable", disabledReason = "LocalStack suite skipped: no Docker engine on this machine")
class LocalStackSuiteTest {
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");
    private static LocalStackContainer localstack;

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    @BeforeAll
    static void start() {
        localstack = new LocalStackContainer(IMAGE).withServices(LocalStackContainer.Service.DYNAMODB,
                LocalStackContainer.Service.SQS, LocalStackContainer.EnabledService.named("events"),
                LocalStackContainer.EnabledService.named("scheduler"));
        localstack.start();
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    private static <B extends AwsClientBuilder<B, C>
            & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(localstack.getEndpoint()).region(Region.of(localstack.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void theTemplatesTables_workWithTheRealAdapters() {
        try (DynamoDbClient dynamo = client(DynamoDbClient.builder())) {
            SamTemplate t = SamTemplate.read(ProjectLayout.template(), "ls-");
            t.createMissingTables(dynamo);
            assertTrue(dynamo.listTables().tableNames().containsAll(t.tableLogicalIds().stream().map(t::tableName).toList()));
            DynamoDbKpiStore kpis = new DynamoDbKpiStore(dynamo, t.tableName("KpisTable"));
            MerchantId m = new MerchantId("demo");
            var cycle = Cycle.parse("2026-10-H1").orElseThrow();
            KpiVector v = new KpiVector(new TreeMap<>(Map.of("2026-10-H1|all|fr.met", 3L)));
            Fold f = new Fold(0, 1, Instant.parse("2026-10-03T00:00:00Z"), List.of(new Fold.CounterDelta(m, cycle, v)),
                    List.of(new ConversationKpi(m, new ConversationId("c1"), 1, v)));
            assertTrue(kpis.begin(f, 0));
            kpis.apply(f);
            kpis.apply(f);
            kpis.end(f);
            assertEquals(3L, kpis.read(m, cycle).counts().counts().get("2026-10-H1|all|fr.met"), "applied once");
            assertEquals(List.of(m), kpis.merchants(cycle), "the ByCycleMerchant index answers");
            assertTrue(new DynamoDbConversationStore(dynamo, t.tableName("ConversationsTable"))
                    .kpiChanges(0, Instant.EPOCH, Instant.now()).isEmpty());
        }
    }

    @Test
    void alerts_areRoutedByTheTemplatesRulePattern() throws Exception {
        try (EventBridgeClient events = client(EventBridgeClient.builder()); SqsClient sqs = client(SqsClient.builder())) {
            events.createEventBus(b -> b.name("replyguard-test"));
            String queueUrl = sqs.createQueue(b -> b.queueName("breaches")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
            // the template's own rule pattern (AlertsToLogsRule), as CloudFormation would give it to EventBridge
            String pattern = new ObjectMapper().writeValueAsString(
                    SamTemplate.read(ProjectLayout.template(), "").resources().path("AlertsToLogsRule").path("Properties")
                            .path("EventPattern"));
            events.putRule(b -> b.eventBusName("replyguard-test").name("breaches-of-demo").eventPattern(pattern));
            events.putTargets(b -> b.eventBusName("replyguard-test").rule("breaches-of-demo")
                    .targets(x -> x.id("queue").arn(queueArn)));
            Instant start = Instant.parse("2026-10-03T04:15:00Z");
            SlaClock clock = new SlaClock(ClockType.FIRST_REPLY, "FIRST_REPLY", Channel.CS_CHAT, false, start, "e1",
                    start.plusSeconds(60), null, null, null);
            List<Alert> plan = AlertPlan.of(List.of(clock), SlaPolicy.DEFAULT).all();
            new EventBridgeAlertPublisher(events, "replyguard-test").publish(plan.stream()
                    .map(a -> AlertEvent.of(new MerchantId("demo"), new ConversationId("chat-1"), a, a.dueAt())).toList());
            var received = new ArrayList<String>();
            for (int i = 0; i < 20 && received.size() < plan.size() - 1; i++) {
                sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10)).messages()
                        .forEach(msg -> received.add(msg.body()));
            }
            assertEquals(plan.size() - 1, received.size(), "every breach and escalation, not the warning: " + received);
            assertTrue(received.stream().noneMatch(b -> b.contains("SlaAtRisk")));
        }
    }

    @Test
    void schedules_canBeCreatedReadAndDeleted_withTheTemplatesExpressions() {
        try (SchedulerClient scheduler = client(SchedulerClient.builder())) {
            scheduler.createScheduleGroup(b -> b.name("replyguard-test"));
            scheduler.createSchedule(b -> b.groupName("replyguard-test").name("cycle-close")
                    .scheduleExpression("cron(30 0 1,16 * ? *)").scheduleExpressionTimezone("Asia/Shanghai")
                    .flexibleTimeWindow(w -> w.mode("OFF"))
                    .target(x -> x.arn("arn:aws:lambda:us-east-1:000000000000:function:kpi").roleArn(
                            "arn:aws:iam::000000000000:role/scheduler").input("{\"job\": \"close\"}")
                            .retryPolicy(r -> r.maximumRetryAttempts(3))));
            var read = scheduler.getSchedule(b -> b.groupName("replyguard-test").name("cycle-close"));
            assertEquals("Asia/Shanghai", read.scheduleExpressionTimezone());
            assertEquals("{\"job\": \"close\"}", read.target().input());
            scheduler.deleteSchedule(b -> b.groupName("replyguard-test").name("cycle-close"));
            assertTrue(scheduler.listSchedules(b -> b.groupName("replyguard-test")).schedules().isEmpty());
        }
    }
}
