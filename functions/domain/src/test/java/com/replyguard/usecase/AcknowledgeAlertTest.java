package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.alert.AlertEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.intake.RawEvent;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.NoticeType;
import com.replyguard.ports.Due;
import com.replyguard.testing.EscalationFixture;
import com.replyguard.testing.InMemoryAlertLog;
import com.replyguard.testing.Managers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "I am on it": acknowledging an alert stops the rest of that clock's escalation ladder - the
 * escalation λ publishes none of its later levels - while the breach stays recorded (unlike an
 * excuse); who and when are kept, the first acknowledgement stands; other clocks and conversations
 * escalate as before. Published alerts name the agent responsible.
 */
class AcknowledgeAlertTest {
    private EscalationFixture f;
    private InMemoryAlertLog alerts;
    private AcknowledgeAlert acks;

    @BeforeEach
    void setUp() {
        f = new EscalationFixture(at("2026-10-03T10:00:00"));
        alerts = new InMemoryAlertLog();
        acks = new AcknowledgeAlert(alerts, f.conversations, f.clock);
    }

    private static RawEvent asks(String id, String conv, String time) {
        return raw("eventId", id, "type", "customer.message", "conversationId", conv, "channel", "CS_CHAT",
                "occurredAt", "2026-10-03T" + time + "+08:00", "customerId", "buyer");
    }

    /** The wheel handing every conversation over at {@code now}; what is published is logged as the notifier would. */
    private void turnAt(String chinaTime, String... conversationIds) {
        f.clock.set(at("2026-10-03T" + chinaTime));
        List<Due> due = new ArrayList<>();
        for (String c : conversationIds) {
            due.add(new Due(DEMO, new ConversationId(c), f.clock.instant()));
        }
        int before = f.bus.published.size();
        f.escalation.handle(due);
        for (AlertEvent e : f.bus.published.subList(before, f.bus.published.size())) {
            alerts.record(notice(e), List.of(), f.clock.instant());
        }
    }

    static AlertNotice notice(AlertEvent e) {
        var a = e.alert();
        return new AlertNotice(e.eventId(), NoticeType.of(e.detailType()).orElseThrow(), e.merchant(), e.conversation().value(),
                a.clock().type(), a.clock().key(), a.clock().channel(), a.clock().urgent(), a.clock().start(), a.clock().deadline(),
                a.dueAt(), a.level(), e.responsibleAgentId());
    }

    private String published(String conversation, String detailType) {
        return f.bus.published.stream().filter(e -> e.conversation().value().equals(conversation) && e.detailType().equals(detailType))
                .findFirst().orElseThrow().eventId();
    }

    @Test
    void acknowledgingTheBreach_stopsItsEscalations_butTheBreachStays() {
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:00"), asks("m2", "c2", "10:00:00")));
        turnAt("10:01:00.001", "c1", "c2");
        String breach = published("c1", "SlaBreached");
        f.clock.set(at("2026-10-03T10:01:20"));
        AcknowledgeAlert.Result r = acks.acknowledge(Managers.supervisor(DEMO), DEMO_MERCHANT, breach, "lead-wang");
        assertEquals(AcknowledgeAlert.Outcome.ACKNOWLEDGED, r.outcome());
        assertEquals("lead-wang", r.alert().acknowledged().by());
        assertEquals(at("2026-10-03T10:01:20"), r.alert().acknowledged().at());
        turnAt("10:03:00.001", "c1", "c2");
        turnAt("10:06:00.001", "c1", "c2");
        assertEquals(0, f.bus.published.stream().filter(e -> e.conversation().value().equals("c1")
                && e.detailType().equals("SlaEscalated")).count(), "c1's ladder stopped: " + f.bus.kinds());
        assertEquals(2, f.bus.published.stream().filter(e -> e.conversation().value().equals("c2")
                && e.detailType().equals("SlaEscalated")).count(), "the unacknowledged conversation goes up the ladder");
        assertEquals(2, f.breaches.active(DEMO).size(), "both f.breaches still count");
        var stored = f.conversations.load(DEMO, new ConversationId("c1")).orElseThrow();
        assertEquals(null, stored.nextDue(), "nothing more can come for c1: it left the due-index");
    }

    @Test
    void acknowledgingTheWarning_stopsTheWholeLadder_theBreachIsStillRecorded() {
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:00")));
        turnAt("10:00:48", "c1");
        String warning = published("c1", "SlaAtRisk");
        assertEquals(AcknowledgeAlert.Outcome.ACKNOWLEDGED, acks.acknowledge(Managers.supervisor(DEMO), DEMO_MERCHANT, warning, "lead-wang").outcome());
        turnAt("10:01:00.001", "c1");
        turnAt("10:10:00", "c1");
        assertEquals(List.of("SlaAtRisk:FIRST_REPLY"), f.bus.kinds());
        assertEquals(1, f.breaches.active(DEMO).size(), "the deadline still passed unanswered");
    }

    @Test
    void theFirstAcknowledgementStands_unknownAlertsAreNotFound_andWhoIsRequired() {
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:00")));
        turnAt("10:01:00.001", "c1");
        String breach = published("c1", "SlaBreached");
        acks.acknowledge(Managers.supervisor(DEMO), DEMO_MERCHANT, breach, "lead-wang");
        f.clock.advance(Duration.ofSeconds(5));
        AcknowledgeAlert.Result again = acks.acknowledge(Managers.supervisor(DEMO), DEMO_MERCHANT, breach, "sup-chen");
        assertEquals(AcknowledgeAlert.Outcome.ALREADY_ACKNOWLEDGED, again.outcome());
        assertEquals("lead-wang", again.alert().acknowledged().by());
        assertEquals(AcknowledgeAlert.Outcome.NOT_FOUND, acks.acknowledge(Managers.supervisor(DEMO), DEMO_MERCHANT, "a_nope", "lead-wang").outcome());
        assertThrows(IllegalArgumentException.class, () -> acks.acknowledge(Managers.supervisor(DEMO), DEMO_MERCHANT, breach, " "));
    }

    @Test
    void publishedAlerts_nameTheAgentResponsible() {
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:00"),
                raw("eventId", "r1", "type", "agent.message", "conversationId", "c1", "occurredAt", "2026-10-03T10:00:30+08:00",
                        "agentId", "presales-zhang"),
                asks("m2", "c1", "10:01:00")));
        Instant due = at("2026-10-03T10:04:00.001");
        turnAt("10:04:00.001", "c1");
        AlertEvent nextReplyBreach = f.bus.published.stream().filter(e -> e.detailType().equals("SlaBreached")).findFirst().orElseThrow();
        assertEquals(due, nextReplyBreach.alert().dueAt());
        assertEquals("presales-zhang", nextReplyBreach.responsibleAgentId(), "the agent who last replied before the f.clock started");
    }
}
