package com.replyguard.kpifunction;

import com.replyguard.adapters.config.AwsClients;
import com.replyguard.adapters.config.Environment;
import com.replyguard.adapters.config.StorageWiring;
import com.replyguard.adapters.eventbridge.EventBridgeCyclePublisher;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.lambda.SleepingPacer;
import com.replyguard.adapters.local.InProcess;
import com.replyguard.ports.Pacer;
import com.replyguard.ports.CyclePublisher;
import com.replyguard.usecase.CloseKpiCycles;
import com.replyguard.usecase.FoldKpiCounters;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The KPI function's composition root: conversations' change feed and the KPI table (DynamoDB),
 * and the event bus {@code EVENT_BUS_NAME} for CycleClosed (in process when {@code LOCAL_EVENT_BUS}
 * names a local system).
 */
public record KpiWiring(FoldKpiCounters fold, CloseKpiCycles cycles, Pacer pacer, Clock clock) {

    public static KpiWiring from(Map<String, String> environment, Clock clock) {
        StorageWiring storage = StorageWiring.from(new Environment(environment), clock);
        String bus = storage.env.require("EVENT_BUS_NAME");
        storage.env.check();
        String local = storage.env.optional("LOCAL_EVENT_BUS");
        CyclePublisher publisher = local != null ? InProcess.cycleBus(local)
                : new EventBridgeCyclePublisher(AwsClients.build(EventBridgeClient.builder(), storage.env), bus);
        // a conversation the fold cannot count is set aside and logged as an error: the template's metric
        // filter counts these lines (KpiConversationsSetAside) and its alarm fires on the first one
        JsonLog log = new JsonLog("kpi", clock, System.err);
        FoldKpiCounters fold = new FoldKpiCounters(storage.conversations, storage.kpis, clock, s -> log.error(
                KpiHandler.SET_ASIDE_LOG, "merchant", s.merchant().value(), "conversationId", s.conversation().value(),
                "version", s.version(), "reason", s.reason()));
        return new KpiWiring(fold, new CloseKpiCycles(storage.conversations, storage.kpis, fold, publisher, clock),
                new SleepingPacer(clock), clock);
    }
}
