package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.discipline.Shifts;
import com.replyguard.merchant.Manager;
import com.replyguard.testing.InMemoryAgentRegistry;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.InMemoryMessageTexts;
import com.replyguard.testing.Managers;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An agent never seen is unknown (404), a malformed id malformed (400) - never a spotless record. */
class FindAgentTest {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();
    private final MutableClock clock = new MutableClock(at("2026-10-03T12:00:00"));
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final InMemoryAgentRegistry registry = new InMemoryAgentRegistry();
    private final InMemoryKpiStore kpis = new InMemoryKpiStore();
    private final IngestEventBatch ingest = new IngestEventBatch(conversations, new InMemoryBreachStore(), new InMemoryMessageTexts(), registry, clock);
    private final FindAgent agents = new FindAgent(registry, kpis);

    @Test
    void theAgentsTheEventsName_areKnown_othersNot() {
        ingest.ingest(DEMO_MERCHANT, List.of(
                raw("eventId", "m1", "type", "customer.message", "conversationId", "c1", "channel", "CS_CHAT",
                        "occurredAt", "2026-10-03T11:00:00+08:00", "customerId", "b1"),
                raw("eventId", "a1", "type", "agent.message", "conversationId", "c1", "agentId", "presales-zhang",
                        "occurredAt", "2026-10-03T11:00:20+08:00"),
                raw("eventId", "x1", "type", "conversation.escalated", "conversationId", "c1", "agentId", "presales-zhang",
                        "toAgentId", "lead-wang", "occurredAt", "2026-10-03T11:01:00+08:00")));
        assertEquals(FindAgent.Outcome.KNOWN, agents.find(DEMO_MERCHANT, "presales-zhang", OCT_H1));
        assertEquals(FindAgent.Outcome.KNOWN, agents.find(DEMO_MERCHANT, "lead-wang", OCT_H1), "the escalation's addressee");
        assertEquals(FindAgent.Outcome.UNKNOWN, agents.find(DEMO_MERCHANT, "presales-nobody", OCT_H1));
        int writes = registry.writes;
        ingest.ingest(DEMO_MERCHANT, List.of(raw("eventId", "a2", "type", "agent.message", "conversationId", "c1",
                "agentId", "presales-zhang", "occurredAt", "2026-10-03T11:02:00+08:00")));
        assertEquals(writes, registry.writes, "an agent recorded once by this instance is not written again");
    }

    @Test
    void anAgentCountedBeforeTheRegistryExisted_orOnARoster_isKnown() {
        new IngestEventBatch(conversations, new InMemoryBreachStore(), clock).ingest(DEMO_MERCHANT,
                List.of(raw("eventId", "m1", "type", "customer.message", "conversationId", "c1", "channel", "CS_CHAT",
                        "occurredAt", "2026-10-03T11:00:00+08:00", "customerId", "b1"),
                        raw("eventId", "a1", "type", "agent.message", "conversationId", "c1", "agentId", "old-hand",
                                "occurredAt", "2026-10-03T11:00:20+08:00")));
        clock.advance(Duration.ofSeconds(2));
        new FoldKpiCounters(conversations, kpis, clock).pass();
        assertEquals(FindAgent.Outcome.KNOWN, agents.find(DEMO_MERCHANT, "old-hand", OCT_H1), "counted in the cycle asked about");
        assertEquals(FindAgent.Outcome.KNOWN, agents.find(DEMO_MERCHANT, "old-hand", OCT_H1.next()), "or the one before");
        assertEquals(FindAgent.Outcome.UNKNOWN, agents.find(DEMO_MERCHANT, "old-hand", OCT_H1.next().next()));

        var current = DEMO_MERCHANT.policies().current();
        var rostered = DEMO_MERCHANT.withPolicy(current.sla(), current.urgency(), current.assessedHours(), current.discipline(),
                new Shifts(List.of(new Shifts.Shift("day", LocalTime.of(8, 30), LocalTime.of(16, 30), Set.of("new-hire"),
                        List.of("sup-zhao")))));
        assertEquals(FindAgent.Outcome.KNOWN, agents.find(rostered, "new-hire", OCT_H1), "on the roster before a first reply");
        assertEquals(FindAgent.Outcome.KNOWN, agents.find(rostered, "sup-zhao", OCT_H1), "a shift's supervisor");
        assertEquals(FindAgent.Outcome.UNKNOWN, agents.find(DEMO_MERCHANT, "new-hire", OCT_H1));
    }

    @Test
    void aBlankOrOverlongOrControlCharacterId_isMalformed() {
        for (String bad : List.of(" ", "", "a".repeat(129), "zhang\n")) {
            assertEquals(FindAgent.Outcome.MALFORMED, agents.find(DEMO_MERCHANT, bad, OCT_H1), "'" + bad + "'");
            assertTrue(FindAgent.problem(bad).isPresent());
        }
        assertTrue(FindAgent.problem("presales-张").isEmpty());
    }

    @Test
    void aManagersRequest_isMalformedWhoeverAsks_andATeamLeadLearnsNothingOfAnotherTeamsAgents() {
        ingest.ingest(DEMO_MERCHANT, List.of(raw("eventId", "a1", "type", "agent.message", "conversationId", "c1",
                "agentId", "presales-chen", "occurredAt", "2026-10-03T11:00:20+08:00")));
        Manager lead = new Manager(DEMO, Manager.Role.TEAM_LEAD, Set.of("presales-zhang"));
        assertEquals(FindAgent.Outcome.MALFORMED, agents.find(lead, DEMO_MERCHANT, " ", OCT_H1));
        assertThrows(Manager.NotPermitted.class, () -> agents.find(lead, DEMO_MERCHANT, "presales-chen", OCT_H1), "known, another team");
        assertThrows(Manager.NotPermitted.class, () -> agents.find(lead, DEMO_MERCHANT, "presales-nobody", OCT_H1),
                "unknown, another team: the same refusal");
        assertEquals(FindAgent.Outcome.UNKNOWN, agents.find(lead, DEMO_MERCHANT, "presales-zhang", OCT_H1), "their own, never seen");
        assertEquals(FindAgent.Outcome.KNOWN, agents.find(Managers.supervisor(DEMO), DEMO_MERCHANT, "presales-chen", OCT_H1));
    }
}
