package com.replyguard.deadline;

import com.replyguard.adapters.config.AwsClients;
import com.replyguard.adapters.config.Environment;
import com.replyguard.adapters.config.StorageWiring;
import com.replyguard.adapters.lambda.LambdaEscalationDispatcher;
import com.replyguard.adapters.lambda.SleepingPacer;
import com.replyguard.adapters.local.InProcess;
import com.replyguard.ports.EscalationDispatcher;
import com.replyguard.usecase.DeadlineWheel;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The deadline function's composition root: the due-index and watermark (DynamoDB), and the
 * escalation function ({@code ESCALATION_FUNCTION}) invoked asynchronously - in process when
 * {@code LOCAL_INVOKE} names a local system (local runner).
 */
public record DeadlineWiring(DeadlineWheel wheel, Clock clock) {

    public static DeadlineWiring from(Map<String, String> environment, Clock clock) {
        StorageWiring storage = StorageWiring.from(new Environment(environment), clock);
        String escalation = storage.env.require("ESCALATION_FUNCTION");
        storage.env.check();
        EscalationDispatcher dispatcher;
        String local = storage.env.optional("LOCAL_INVOKE");
        if (local != null) {
            dispatcher = InProcess.dispatcher(local, escalation);
        } else {
            dispatcher = new LambdaEscalationDispatcher(AwsClients.build(LambdaClient.builder(), storage.env), escalation);
        }
        return new DeadlineWiring(new DeadlineWheel(storage.dueIndex, dispatcher, storage.watermark, clock,
                new SleepingPacer(clock)), clock);
    }
}
