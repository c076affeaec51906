package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.testing.Managers;
import com.replyguard.assessment.Cycle;
import com.replyguard.breach.Breach;
import com.replyguard.clock.ClockType;
import com.replyguard.discipline.Shifts;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.Merchant;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One attribution rule per clock - the agent who owed the answer at the deadline - used by every
 * view: a breach's responsible agent (discipline), the operations report by agent and the
 * scorecard agree, agent by agent. A host is not charged for what customer service owed after his
 * handoff; an agent who asks for help is not charged for the guidance the superior owed (R12).
 */
class AttributionAgreementTest {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();
    private MutableClock clock;
    private InMemoryConversationStore conversations;
    private InMemoryBreachStore breaches;
    private InMemoryKpiStore kpis;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at("2026-10-03T23:00:00"));
        conversations = new InMemoryConversationStore();
        breaches = new InMemoryBreachStore();
        kpis = new InMemoryKpiStore();
    }

    private void ingest(Merchant m, RawEvent... events) {
        new IngestEventBatch(conversations, breaches, clock).ingest(m, List.of(events));
        clock.advance(Duration.ofSeconds(2));
        new FoldKpiCounters(conversations, kpis, clock).pass();
    }

    private static RawEvent e(String id, String type, String conversation, String time, Object... more) {
        Object[] kv = new Object[8 + more.length];
        System.arraycopy(new Object[] {"eventId", id, "type", type, "conversationId", conversation,
                "occurredAt", "2026-10-03T" + time + "+08:00"}, 0, kv, 0, 8);
        System.arraycopy(more, 0, kv, 8, more.length);
        return raw(kv);
    }

    /** The day: a live-room question the host hands off, a chat escalated to nobody in particular, one to a named lead. */
    private void theDay(Merchant m) {
        ingest(m,
                // live room: the host answers, hands off at 20:00:40; customer service picks up 4 min later (R4 late),
                // the case runs on past its 10 min solution (R5 late) without progress updates (R6 late)
                e("l1", "customer.message", "live", "20:00:00", "channel", "LIVE_COMMENT", "customerId", "v1", "complexity", "COMPLEX"),
                e("l2", "agent.message", "live", "20:00:10", "agentId", "host-wang", "agentRole", "HOST"),
                e("l3", "conversation.handoff", "live", "20:00:40", "agentId", "host-wang", "agentRole", "HOST"),
                e("l4", "agent.message", "live", "20:04:40", "agentId", "aftersales-zhao", "agentRole", "AFTERSALES"),
                e("l5", "agent.message", "live", "20:04:50", "agentId", "host-wang", "agentRole", "HOST"),
                // chat: presales-zhang escalates at 10:01; nobody gives guidance (R12 breached at 10:06)
                e("c1", "customer.message", "chat", "10:00:00", "channel", "CS_CHAT", "customerId", "b1"),
                e("c2", "agent.message", "chat", "10:00:20", "agentId", "presales-zhang", "agentRole", "PRESALES"),
                e("c3", "conversation.escalated", "chat", "10:01:00", "agentId", "presales-zhang", "agentRole", "PRESALES"),
                e("c4", "agent.message", "chat", "10:20:00", "agentId", "presales-zhang", "agentRole", "PRESALES"),
                e("c5", "conversation.resolved", "chat", "10:21:00", "agentId", "presales-zhang", "agentRole", "PRESALES"),
                e("c6", "agent.message", "chat", "10:21:20", "agentId", "presales-zhang", "agentRole", "PRESALES"),
                // chat 2: escalated to lead-sun by name; he answers late (R12 held against him)
                e("d1", "customer.message", "chat2", "11:00:00", "channel", "CS_CHAT", "customerId", "b2"),
                e("d2", "agent.message", "chat2", "11:00:20", "agentId", "presales-li", "agentRole", "PRESALES"),
                e("d3", "conversation.escalated", "chat2", "11:01:00", "agentId", "presales-li", "agentRole", "PRESALES",
                        "toAgentId", "lead-sun"),
                e("d4", "agent.message", "chat2", "11:09:00", "agentId", "lead-sun", "agentRole", "TEAM_LEAD"),
                e("d5", "conversation.resolved", "chat2", "11:10:00", "agentId", "presales-li", "agentRole", "PRESALES"),
                e("d6", "agent.message", "chat2", "11:10:30", "agentId", "presales-li", "agentRole", "PRESALES"));
    }

    private Map<String, String> ownerByClock() {
        Map<String, String> out = new TreeMap<>();
        for (Breach b : breaches.active(DEMO)) {
            out.put(b.conversationId() + "/" + b.clock().type(), b.responsibleAgentId());
        }
        return out;
    }

    @Test
    void theHostIsNotChargedForWhatCustomerServiceOwed_norTheAskingAgentForTheGuidance() {
        theDay(DEMO_MERCHANT);
        Map<String, String> owners = ownerByClock();
        assertEquals("aftersales-zhao", owners.get("live/HANDOFF_PICKUP"), owners.toString());
        assertEquals("aftersales-zhao", owners.get("live/RESOLUTION"), owners.toString());
        assertTrue(owners.keySet().stream().filter(k -> k.startsWith("live/")).noneMatch(k -> "host-wang".equals(owners.get(k))),
                "nothing after the handoff is the host's: " + owners);
        assertTrue(owners.containsKey("chat/SUPERVISOR_GUIDANCE"), owners.toString());
        assertNull(owners.get("chat/SUPERVISOR_GUIDANCE"), "no superior named, none rostered: nobody's, never the asking agent's");
        assertEquals("lead-sun", owners.get("chat2/SUPERVISOR_GUIDANCE"), "addressed to lead-sun, who answered late");
    }

    @Test
    void anUnaddressedEscalation_isTheSupervisorOnDuty() {
        Shifts roster = new Shifts(List.of(new Shifts.Shift("day", LocalTime.of(8, 0), LocalTime.of(16, 0),
                Set.of("presales-zhang", "presales-li"), List.of("supervisor-qian", "lead-sun"))));
        Merchant m = DEMO_MERCHANT.withPolicy(DEMO_MERCHANT.policy(), DEMO_MERCHANT.urgency(), DEMO_MERCHANT.assessedHours(),
                DEMO_MERCHANT.discipline(), roster);
        theDay(m);
        assertEquals("supervisor-qian", ownerByClock().get("chat/SUPERVISOR_GUIDANCE"));
    }

    @Test
    void operationsByAgent_scorecardAndDiscipline_agreeOnEveryAgentsTimeouts() {
        theDay(DEMO_MERCHANT);
        ReportAgentDiscipline discipline = new ReportAgentDiscipline(breaches);
        ReportAgentScorecard scorecards = new ReportAgentScorecard(conversations, discipline);
        var ops = new ReportOperationsByType(kpis, clock).report(DEMO, OCT_H1, "agent");
        Map<String, Long> opsTimeouts = ops.groups().stream().filter(g -> !g.key().equals("-"))
                .collect(Collectors.toMap(ReportOperationsByType.Group::key, g -> g.timeouts().breached(), (a, b) -> a, TreeMap::new));
        Map<String, Long> breachCounts = breaches.active(DEMO).stream().filter(b -> b.responsibleAgentId() != null)
                .collect(Collectors.groupingBy(Breach::responsibleAgentId, TreeMap::new, Collectors.counting()));
        // every agent with a timeout appears in the grouping, with exactly the breaches discipline holds against them
        assertEquals(breachCounts, opsTimeouts.entrySet().stream().filter(x -> x.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
        for (String agent : breachCounts.keySet()) {
            var d = discipline.report(DEMO_MERCHANT, agent, OCT_H1);
            assertEquals(breachCounts.get(agent).intValue(), d.breaches().size(), agent);
            assertEquals(breachCounts.get(agent).intValue(), d.standing().timeouts() + d.standing().excused(), agent);
            assertEquals(d.standing(), scorecards.scorecard(Managers.supervisor(DEMO), DEMO_MERCHANT, agent, OCT_H1).discipline().standing(), agent);
        }
        assertEquals(0L, opsTimeouts.getOrDefault("host-wang", 0L), "the host owed nothing that was missed: " + opsTimeouts);
        assertTrue(breachCounts.containsKey("aftersales-zhao") && opsTimeouts.containsKey("aftersales-zhao"),
                "an agent who never gave a first reply still appears: " + opsTimeouts);
        // unowned timeouts are counted too, under '-', never under an agent
        long unowned = breaches.active(DEMO).stream().filter(b -> b.responsibleAgentId() == null).count();
        assertEquals(unowned, ops.groups().stream().filter(g -> g.key().equals("-")).mapToLong(g -> g.timeouts().breached()).sum());
        assertEquals(breaches.active(DEMO).size(), ops.all().timeouts().breached());
        assertTrue(ops.all().timeoutsByClock().containsKey(ClockType.SUPERVISOR_GUIDANCE));
    }
}
