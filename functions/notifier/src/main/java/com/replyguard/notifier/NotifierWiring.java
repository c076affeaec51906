package com.replyguard.notifier;

import com.replyguard.adapters.config.AlertingWiring;
import com.replyguard.adapters.config.AwsClients;
import com.replyguard.adapters.config.Environment;
import com.replyguard.adapters.config.StorageWiring;
import com.replyguard.adapters.lambda.SleepingPacer;
import com.replyguard.adapters.local.InProcess;
import com.replyguard.adapters.sqs.SqsDeadLetters;
import com.replyguard.ports.DeadLetters;
import com.replyguard.usecase.NotifyPeople;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The notifier function's composition root: merchants (for their shift rosters), the alerting
 * adapters ({@link AlertingWiring}: alerts table, notification settings and their secrets, the
 * robots' HTTP client), and the dead-letter queue {@code DEAD_LETTER_QUEUE_URL} for deliveries given
 * up - in process when {@code LOCAL_EVENT_BUS} names a local system. One thread per channel of an
 * alert, so a slow robot never holds up another.
 */
public record NotifierWiring(NotifyPeople notifyPeople, AlertingWiring alerting, Clock clock) {

    public static NotifierWiring from(Map<String, String> environment, Clock clock) {
        StorageWiring storage = StorageWiring.from(new Environment(environment), clock);
        AlertingWiring alerting = AlertingWiring.from(storage, clock);
        String local = storage.env.optional("LOCAL_EVENT_BUS");
        String queue = local == null ? storage.env.require("DEAD_LETTER_QUEUE_URL") : null;
        storage.env.check();
        DeadLetters deadLetters = local != null ? InProcess.deadLetterQueue(local)
                : new SqsDeadLetters(AwsClients.build(SqsClient.builder(), storage.env), queue);
        ExecutorService channels = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "notifier-channel");
            t.setDaemon(true);
            return t;
        });
        return new NotifierWiring(new NotifyPeople(alerting.settings, alerting.alerts, alerting.alerts, alerting.robots,
                deadLetters, storage.merchants, clock, new SleepingPacer(clock), channels), alerting, clock);
    }
}
