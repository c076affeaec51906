package com.replyguard.managerapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.adapters.config.AlertingWiring;
import com.replyguard.adapters.config.Environment;
import com.replyguard.adapters.config.StorageWiring;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.ManagerTokens;
import com.replyguard.ports.MerchantDirectory;
import com.replyguard.usecase.AcknowledgeAlert;
import com.replyguard.usecase.ClassifyCase;
import com.replyguard.usecase.ConfigureNotifications;
import com.replyguard.usecase.ExcuseBreach;
import com.replyguard.usecase.FindAgent;
import com.replyguard.usecase.ForgetCustomer;
import com.replyguard.usecase.IngestEventBatch;
import com.replyguard.usecase.ListAlerts;
import com.replyguard.usecase.ListAfterSalesCases;
import com.replyguard.usecase.ListBreaches;
import com.replyguard.usecase.ListHeldConversations;
import com.replyguard.usecase.ListQueue;
import com.replyguard.usecase.ReportAfterSales;
import com.replyguard.usecase.ReportAgentDiscipline;
import com.replyguard.usecase.ReportAgentScorecard;
import com.replyguard.usecase.ReportKpiCounters;
import com.replyguard.usecase.ReportLeaderboard;
import com.replyguard.usecase.ReportOperations;
import com.replyguard.usecase.ReportOperationsByType;
import com.replyguard.usecase.ReportQuality;
import com.replyguard.usecase.SendTestMessage;
import com.replyguard.usecase.ShowConversation;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiFunction;

/** The manager API function's composition root. */
public record ManagerApiWiring(ManagerTokens tokens, MerchantDirectory merchants, ReportKpiCounters kpiCounters,
        ListBreaches breaches, ShowConversation conversations, BiFunction<MerchantId, JsonNode, Merchant> policyEditor,
        ExcuseBreach excuses, ReportAgentDiscipline discipline, ReportOperations operations, ReportAgentScorecard scorecards,
        ReportLeaderboard leaderboard, ReportAfterSales afterSales, ClassifyCase classify, ReportOperationsByType operationsByType,
        ForgetCustomer forgetCustomer, Alerting alerting, Clock clock, ListQueue queue, FindAgent agents, ListAfterSalesCases cases,
        ReportQuality quality, ListHeldConversations held) {

    public static ManagerApiWiring from(Map<String, String> environment, Clock clock) {
        StorageWiring storage = StorageWiring.from(new Environment(environment), clock);
        AlertingWiring notify = AlertingWiring.from(storage, clock);
        Alerting alerting = new Alerting(new ConfigureNotifications(notify.settings, notify.resolver, notify.allowLoopback, clock),
                new SendTestMessage(notify.settings, notify.alerts, notify.robots, clock), new ListAlerts(notify.alerts),
                new AcknowledgeAlert(notify.alerts, storage.conversations, clock));
        ReportAgentDiscipline discipline = new ReportAgentDiscipline(storage.breaches);
        return new ManagerApiWiring(storage.managerTokens, storage.merchants, new ReportKpiCounters(storage.kpis, clock),
                new ListBreaches(storage.breaches), new ShowConversation(storage.conversations, storage.texts, clock),
                storage.policies::put, new ExcuseBreach(storage.breaches, storage.conversations, clock), discipline,
                new ReportOperations(storage.conversations, clock), new ReportAgentScorecard(storage.conversations, discipline),
                new ReportLeaderboard(storage.conversations, discipline), new ReportAfterSales(storage.kpis),
                new ClassifyCase(storage.conversations, new IngestEventBatch(storage.conversations,
                        storage.breaches, storage.texts, storage.agents, clock), clock),
                new ReportOperationsByType(storage.kpis, clock), new ForgetCustomer(storage.conversations, storage.texts), alerting,
                clock, new ListQueue(storage.queue, clock), new FindAgent(storage.agents, storage.kpis),
                new ListAfterSalesCases(storage.cases), new ReportQuality(storage.kpis, clock),
                new ListHeldConversations(storage.held, clock));
    }
}
