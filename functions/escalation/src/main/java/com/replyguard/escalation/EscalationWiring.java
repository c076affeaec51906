package com.replyguard.escalation;

import com.replyguard.adapters.config.AwsClients;
import com.replyguard.adapters.config.Environment;
import com.replyguard.adapters.config.StorageWiring;
import com.replyguard.adapters.eventbridge.EventBridgeAlertPublisher;
import com.replyguard.adapters.local.InProcess;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.AlertPublisher;
import com.replyguard.usecase.EscalateDueClocks;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The escalation function's composition root: storage, and the event bus {@code EVENT_BUS_NAME} (in
 * process when {@code LOCAL_EVENT_BUS} names a local system); {@code storageWarmUp} is one read for priming.
 */
public record EscalationWiring(EscalateDueClocks escalate, Runnable storageWarmUp, Clock clock) {

    public static EscalationWiring from(Map<String, String> environment, Clock clock) {
        StorageWiring storage = StorageWiring.from(new Environment(environment), clock);
        String bus = storage.env.require("EVENT_BUS_NAME");
        storage.env.check();
        AlertPublisher publisher;
        String local = storage.env.optional("LOCAL_EVENT_BUS");
        if (local != null) {
            publisher = InProcess.eventBus(local);
        } else {
            publisher = new EventBridgeAlertPublisher(AwsClients.build(EventBridgeClient.builder(), storage.env), bus);
        }
        // priming: one read through this function's DynamoDB client (the priming tenant's conversation)
        Runnable warmUp = () -> storage.conversations.load(new MerchantId("replyguard-priming"),
                new ConversationId("priming"));
        return new EscalationWiring(new EscalateDueClocks(storage.conversations, storage.merchants,
                storage.breaches, publisher, clock), warmUp, clock);
    }
}
