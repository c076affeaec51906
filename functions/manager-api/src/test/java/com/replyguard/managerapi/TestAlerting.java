package com.replyguard.managerapi;

import com.replyguard.ports.ConversationStore;
import com.replyguard.testing.InMemoryAlertLog;
import com.replyguard.testing.InMemoryNotificationSettings;
import com.replyguard.testing.RecordingRobot;
import com.replyguard.usecase.AcknowledgeAlert;
import com.replyguard.usecase.ConfigureNotifications;
import com.replyguard.usecase.ListAlerts;
import com.replyguard.usecase.SendTestMessage;
import java.time.Clock;
import java.util.List;

/** The alerting use cases over fakes: an in-memory alert log and settings, recording robots, every host public. */
final class TestAlerting {
    final InMemoryAlertLog log = new InMemoryAlertLog();
    final InMemoryNotificationSettings settings = new InMemoryNotificationSettings();
    final RecordingRobot robots = new RecordingRobot();
    final Alerting alerting;

    /** A manager API over in-memory stores with these alerting fakes (the other reports are wired but empty). */
    ManagerApiHandler handler(java.util.Map<String, com.replyguard.merchant.Manager> tokens,
            com.replyguard.ports.MerchantDirectory merchants, com.replyguard.testing.InMemoryConversationStore conversations,
            com.replyguard.testing.InMemoryBreachStore breaches, Clock clock) {
        var assessments = new com.replyguard.testing.InMemoryAssessmentStore();
        var kpis = new com.replyguard.testing.InMemoryKpiStore();
        var discipline = new com.replyguard.usecase.ReportAgentDiscipline(breaches);
        return new ManagerApiHandler(new ManagerApiWiring(t -> java.util.Optional.ofNullable(tokens.get(t)), merchants,
                new com.replyguard.usecase.ReportKpiCounters(kpis, clock), new com.replyguard.usecase.ListBreaches(breaches),
                new com.replyguard.usecase.ShowConversation(conversations, clock), (id, policy) -> {
                    throw new IllegalStateException("not in this test");
                }, new com.replyguard.usecase.ExcuseBreach(breaches, conversations, clock), discipline,
                new com.replyguard.usecase.ReportOperations(conversations, clock),
                new com.replyguard.usecase.ReportAgentScorecard(conversations, discipline),
                new com.replyguard.usecase.ReportLeaderboard(conversations, discipline), new com.replyguard.usecase.ReportAfterSales(kpis),
                new com.replyguard.usecase.ClassifyCase(conversations, new com.replyguard.usecase.IngestEventBatch(conversations,
                        assessments, breaches, clock), clock),
                new com.replyguard.usecase.ReportOperationsByType(kpis, clock), new com.replyguard.usecase.ForgetCustomer(conversations),
                alerting, clock));
    }

    TestAlerting(ConversationStore conversations, Clock clock) {
        alerting = new Alerting(new ConfigureNotifications(settings, host -> List.of(new byte[] {93, (byte) 184, (byte) 216, 34}),
                false, clock), new SendTestMessage(settings, log, robots, clock), new ListAlerts(log),
                new AcknowledgeAlert(log, conversations, clock));
    }
}
