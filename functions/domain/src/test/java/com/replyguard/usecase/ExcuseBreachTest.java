package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.breach.Breach;
import com.replyguard.discipline.DisciplineRules;
import com.replyguard.intake.RawEvent;
import com.replyguard.ports.WheelWatermark;
import com.replyguard.testing.EscalationFixture;
import com.replyguard.testing.Managers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R20: breaches count against the responsible agent; a manager's excuse is audited, stops the ladder, leaves discipline. */
class ExcuseBreachTest {
    private static final Cycle H1 = Cycle.parse("2026-10-H1").orElseThrow();
    private EscalationFixture f;
    private ExcuseBreach excuses;
    private ReportAgentDiscipline discipline;

    @BeforeEach
    void setUp() {
        f = new EscalationFixture(at("2026-10-03T10:00:00"));
        excuses = new ExcuseBreach(f.breaches, f.conversations, f.clock);
        discipline = new ReportAgentDiscipline(f.breaches);
    }

    private static RawEvent asks(String id, String conv, String time) {
        return raw("eventId", id, "type", "customer.message", "conversationId", conv, "channel", "CS_CHAT",
                "occurredAt", "2026-10-03T" + time + "+08:00", "customerId", "buyer");
    }

    private static RawEvent answers(String id, String conv, String time, String agent) {
        return raw("eventId", id, "type", "agent.message", "conversationId", conv,
                "occurredAt", "2026-10-03T" + time + "+08:00", "agentId", agent);
    }

    @Test
    void breachesCountAgainstTheLateAnswerer_orTheAgentWhoOwnedTheConversation() {
        f.clock.set(at("2026-10-03T12:00:00"));
        f.webhook.ingest(DEMO_MERCHANT, List.of(
                asks("m1", "c1", "10:00:00"), answers("a1", "c1", "10:02:00", "zhang"),      // FIRST_REPLY late: zhang
                asks("m2", "c1", "10:05:00"),                                                   // NEXT_REPLY unanswered: zhang owned it
                asks("m3", "c2", "10:00:00"), answers("a3", "c2", "10:00:20", "chen")));      // met
        List<String> agents = f.breaches.active(DEMO).stream().map(Breach::responsibleAgentId).toList();
        assertEquals(List.of("zhang", "zhang"), agents);
        var report = discipline.report(DEMO_MERCHANT, "zhang", H1);
        assertEquals(2, report.standing().timeouts());
        assertEquals(DisciplineRules.Level.WARNING, report.standing().level());
        assertEquals(0, discipline.report(DEMO_MERCHANT, "chen", H1).standing().timeouts());
    }

    @Test
    void anExcuse_isAudited_stopsTheLadder_andLeavesDiscipline() throws Exception {
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m0", "c1", "09:59:00"), answers("a0", "c1", "09:59:10", "zhang"),
                asks("m1", "c1", "10:00:00")));
        // NEXT_REPLY for m1 is due 10:03:00; the wheel f.breaches it and climbs the ladder from there
        f.clock.set(at("2026-10-03T10:00:00"));
        DeadlineWheel wheel = new DeadlineWheel(f.conversations, f.escalation::handle, new WheelWatermark() {
            @Override
            public Optional<Instant> load() {
                return Optional.empty();
            }

            @Override
            public void save(Instant w) {
            }
        }, f.clock, f.clock::set);
        wheel.turn(Duration.ofSeconds(190)); // past the breach (10:03:00.001), before level 2 (10:05:00.001)
        assertTrue(f.bus.kinds().contains("SlaBreached:NEXT_REPLY@m1:L1"), f.bus.kinds().toString());
        Breach b = f.breaches.active(DEMO).get(0);
        assertEquals("zhang", b.responsibleAgentId());

        ExcuseBreach.Result r = excuses.excuse(Managers.supervisor(DEMO), DEMO_MERCHANT, b.breachId(), "system outage of the chat tool", "lead-sun");
        assertEquals(ExcuseBreach.Outcome.EXCUSED, r.outcome());
        assertEquals("system outage of the chat tool", r.breach().excuse().reason());
        assertEquals("lead-sun", r.breach().excuse().by());
        assertEquals(f.clock.instant(), r.breach().excuse().at());

        wheel.turn(Duration.ofSeconds(600));
        assertTrue(f.bus.kinds().stream().noneMatch(k -> k.startsWith("SlaEscalated:NEXT_REPLY")), f.bus.kinds().toString());
        var standing = discipline.report(DEMO_MERCHANT, "zhang", H1).standing();
        assertEquals(0, standing.timeouts());
        assertEquals(1, standing.excused());
        assertEquals(ExcuseBreach.Outcome.ALREADY_EXCUSED,
                excuses.excuse(Managers.supervisor(DEMO), DEMO_MERCHANT, b.breachId(), "again", "lead-sun").outcome());
        assertEquals("system outage of the chat tool", f.breaches.active(DEMO).get(0).excuse().reason(), "the first excuse stands");
    }

    @Test
    void aSlowResponseComplaint_countsAgainstTheAgent_untilTheCaseIsReclassified() {
        f.clock.set(at("2026-10-03T12:00:00"));
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:00"), answers("a1", "c1", "10:00:20", "chen"),
                raw("eventId", "k1", "type", "conversation.classified", "conversationId", "c1",
                        "occurredAt", "2026-10-03T11:00:00+08:00", "category", "SERVICE_SLOW_RESPONSE")));
        var standing = discipline.report(DEMO_MERCHANT, "chen", H1).standing();
        assertEquals(0, standing.timeouts());
        assertEquals(1, standing.slowComplaints());
        assertEquals(DisciplineRules.Level.DEDUCTION, standing.level(), "R20: a complaint caused by a late response");
        assertEquals(8, standing.points());
        f.webhook.ingest(DEMO_MERCHANT, List.of(raw("eventId", "k2", "type", "conversation.classified", "conversationId", "c1",
                "occurredAt", "2026-10-03T11:30:00+08:00", "category", "SERVICE_ATTITUDE")));
        assertEquals(0, discipline.report(DEMO_MERCHANT, "chen", H1).standing().slowComplaints(), "latest classification wins");
    }

    @Test
    void unknownBreach_orNoReason_changesNothing() {
        assertEquals(ExcuseBreach.Outcome.NOT_FOUND, excuses.excuse(Managers.supervisor(DEMO), DEMO_MERCHANT, "b_nope", "why not", "lead").outcome());
        assertThrows(IllegalArgumentException.class, () -> excuses.excuse(Managers.supervisor(DEMO), DEMO_MERCHANT, "b_nope", " ", "lead"));
        assertThrows(IllegalArgumentException.class, () -> excuses.excuse(Managers.supervisor(DEMO), DEMO_MERCHANT, "b_nope", "x".repeat(501), "lead"));
    }
}
