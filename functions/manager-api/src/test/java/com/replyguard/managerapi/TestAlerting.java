package com.replyguard.managerapi;

import com.replyguard.merchant.Manager;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.MerchantDirectory;
import com.replyguard.testing.InMemoryAgentRegistry;
import com.replyguard.testing.InMemoryAlertLog;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.InMemoryNotificationSettings;
import com.replyguard.testing.RecordingRobot;
import com.replyguard.usecase.AcknowledgeAlert;
import com.replyguard.usecase.ClassifyCase;
import com.replyguard.usecase.ConfigureNotifications;
import com.replyguard.usecase.ExcuseBreach;
import com.replyguard.usecase.FindAgent;
import com.replyguard.usecase.ForgetCustomer;
import com.replyguard.usecase.IngestEventBatch;
import com.replyguard.usecase.ListAfterSalesCases;
import com.replyguard.usecase.ListAlerts;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The alerting use cases over fakes: an in-memory alert log and settings, recording robots, every host public. */
final class TestAlerting {
    final InMemoryAlertLog log = new InMemoryAlertLog();
    final InMemoryNotificationSettings settings = new InMemoryNotificationSettings();
    final RecordingRobot robots = new RecordingRobot();
    /** The agents the merchant knows (FindAgent): a test that records breaches without their events names them here. */
    final InMemoryAgentRegistry agents = new InMemoryAgentRegistry();
    final Alerting alerting;

    /** A manager API over in-memory stores with these alerting fakes (the other reports are wired but empty). */
    ManagerApiHandler handler(Map<String, Manager> tokens,
            MerchantDirectory merchants, InMemoryConversationStore conversations,
            InMemoryBreachStore breaches, Clock clock) {
        var kpis = new InMemoryKpiStore();
        var discipline = new ReportAgentDiscipline(breaches);
        return new ManagerApiHandler(new ManagerApiWiring(t -> Optional.ofNullable(tokens.get(t)), merchants,
                new ReportKpiCounters(kpis, clock), new ListBreaches(breaches),
                new ShowConversation(conversations, clock), (id, policy) -> {
                    throw new IllegalStateException("not in this test");
                }, new ExcuseBreach(breaches, conversations, clock), discipline,
                new ReportOperations(conversations, clock),
                new ReportAgentScorecard(conversations, discipline),
                new ReportLeaderboard(conversations, discipline), new ReportAfterSales(kpis),
                new ClassifyCase(conversations, new IngestEventBatch(conversations, breaches, clock), clock),
                new ReportOperationsByType(kpis, clock), new ForgetCustomer(conversations),
                alerting, clock, new ListQueue(conversations, clock),
                new FindAgent(agents, kpis), new ListAfterSalesCases(conversations), new ReportQuality(kpis, clock),
                new ListHeldConversations(conversations, clock)));
    }

    TestAlerting(ConversationStore conversations, Clock clock) {
        alerting = new Alerting(new ConfigureNotifications(settings, host -> List.of(new byte[] {93, (byte) 184, (byte) 216, 34}),
                false, clock), new SendTestMessage(settings, log, robots, clock), new ListAlerts(log),
                new AcknowledgeAlert(log, conversations, clock));
    }
}
