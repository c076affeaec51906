package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.PlatformAssessment;
import com.replyguard.breach.Breach;
import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaClock;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.Round;
import com.replyguard.intake.InvalidInput;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.Manager.Action;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.Managers;
import com.replyguard.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who may do what (docs/security.md): the role's rules ({@link Manager#require}) and a team lead's
 * team, held by the use cases that know whose a breach or an agent's report is.
 */
class WhoMayTest {
    private static final Manager SUPERVISOR = Managers.supervisor(DEMO);
    private static final Manager LEAD = new Manager(DEMO, Manager.Role.TEAM_LEAD, Set.of("zhang"));
    private static final Manager OPERATIONS = new Manager(DEMO, Manager.Role.OPERATIONS, Set.of());
    private static final Cycle H1 = Cycle.parse("2026-10-H1").orElseThrow();

    private final MutableClock clock = new MutableClock(at("2026-10-03T12:00:00"));
    private final InMemoryBreachStore breaches = new InMemoryBreachStore();
    private final ExcuseBreach excuses = new ExcuseBreach(breaches, new InMemoryConversationStore(), clock);

    private Breach breachOf(String conversation, String agent, Instant deadline) {
        SlaClock c = new SlaClock(ClockType.FIRST_REPLY, "FIRST_REPLY", Channel.CS_CHAT, false, deadline.minusSeconds(60), "m1", deadline,
                null, null, null);
        Breach b = Breach.of(DEMO, new ConversationId(conversation), c, deadline, agent);
        breaches.record(b, 1);
        return b;
    }

    @Test
    void theRole_decidesReadingActingAndTheSupervisorsActions() {
        for (Manager m : List.of(SUPERVISOR, LEAD, OPERATIONS)) {
            m.require(Action.READ);
        }
        assertEquals("the operations role is read-only",
                assertThrows(Manager.NotPermitted.class, () -> OPERATIONS.require(Action.ACT)).getMessage());
        LEAD.require(Action.ACT);
        for (Action a : List.of(Action.CHANGE_POLICY, Action.CHANGE_NOTIFICATIONS, Action.SEND_TEST_MESSAGES,
                Action.DELETE_CUSTOMER_DATA)) {
            SUPERVISOR.require(a);
            assertTrue(assertThrows(Manager.NotPermitted.class, () -> LEAD.require(a)).getMessage().startsWith("only a supervisor "), a.name());
            assertEquals("the operations role is read-only", assertThrows(Manager.NotPermitted.class, () -> OPERATIONS.require(a)).getMessage());
        }
        assertEquals("only a supervisor changes the policy",
                assertThrows(Manager.NotPermitted.class, () -> LEAD.require(Action.CHANGE_POLICY)).getMessage());
    }

    @Test
    void aTeamLead_excusesOnlyTheirTeamsBreaches_andOperationsNone() {
        Breach own = breachOf("c1", "zhang", at("2026-10-03T10:01:00"));
        Breach other = breachOf("c2", "chen", at("2026-10-03T10:02:00"));
        Manager.NotPermitted refused = assertThrows(Manager.NotPermitted.class,
                () -> excuses.excuse(LEAD, DEMO_MERCHANT, other.breachId(), "system outage", "lead-sun"));
        assertEquals("the breach is held against an agent outside this team lead's team", refused.getMessage());
        assertNull(breaches.find(DEMO, other.breachId()).orElseThrow().excuse(), "refused: nothing changed");
        assertThrows(Manager.NotPermitted.class, () -> excuses.excuse(OPERATIONS, DEMO_MERCHANT, own.breachId(), "outage", "ops"));
        assertEquals(ExcuseBreach.Outcome.EXCUSED, excuses.excuse(LEAD, DEMO_MERCHANT, own.breachId(), "system outage", "lead-sun").outcome());
        assertEquals(ExcuseBreach.Outcome.EXCUSED, excuses.excuse(SUPERVISOR, DEMO_MERCHANT, other.breachId(), "outage", "sup").outcome());
    }

    @Test
    void theExcusesReason_isCheckedOnce_here_withTheFieldItConcerns() {
        Breach b = breachOf("c1", "zhang", at("2026-10-03T10:01:00"));
        for (String reason : new String[] {null, " ", "x".repeat(ExcuseBreach.MAX_REASON + 1)}) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> excuses.excuse(SUPERVISOR, DEMO_MERCHANT, b.breachId(), reason, "sup"));
            assertEquals("reason", e.problems().get(0).field());
            assertTrue(e.problems().get(0).message().contains("at most " + ExcuseBreach.MAX_REASON), e.problems().toString());
        }
        assertNull(breaches.find(DEMO, b.breachId()).orElseThrow().excuse());
    }

    @Test
    void aTeamLead_readsTheDisciplineAndScorecardOfTheirTeamsAgentsOnly() {
        ReportAgentDiscipline discipline = new ReportAgentDiscipline(breaches);
        ReportAgentScorecard scorecards = new ReportAgentScorecard(new InMemoryConversationStore(), discipline);
        breachOf("c1", "zhang", at("2026-10-03T10:01:00"));
        assertEquals(1, discipline.report(LEAD, DEMO_MERCHANT, "zhang", H1).standing().timeouts());
        assertEquals("agent 'chen' is not in this team lead's team", assertThrows(Manager.NotPermitted.class,
                () -> discipline.report(LEAD, DEMO_MERCHANT, "chen", H1)).getMessage());
        assertThrows(Manager.NotPermitted.class, () -> scorecards.scorecard(LEAD, DEMO_MERCHANT, "chen", H1));
        assertEquals(1, scorecards.scorecard(OPERATIONS, DEMO_MERCHANT, "zhang", H1).discipline().standing().timeouts(),
                "operations reads every agent");
    }

    @Test
    void theBreachExport_readsEveryPage_upToItsBound() {
        ListBreaches list = new ListBreaches(breaches);
        Instant first = at("2026-10-03T10:00:00");
        int n = ListBreaches.MAX_LIMIT * 2 + 5;
        for (int i = 0; i < n; i++) {
            breachOf("c" + i, "zhang", first.plusSeconds(i));
        }
        List<Breach> all = list.all(DEMO, null, null);
        assertEquals(n, all.size(), "more than one page, in one list");
        assertEquals(first, all.get(0).deadline());
        assertEquals(first.plusSeconds(n - 1), all.get(n - 1).deadline(), "by deadline");
        assertEquals(10, list.all(DEMO, first, first.plusSeconds(9)).size(), "the window holds");
        for (int i = n; i <= ListBreaches.EXPORT_LIMIT; i++) {
            breachOf("c" + i, "zhang", first.plusSeconds(i));
        }
        InvalidInput tooMany = assertThrows(InvalidInput.class, () -> list.all(DEMO, null, null));
        assertTrue(tooMany.problems().get(0).message().contains("narrow it with from and to"), tooMany.problems().toString());
    }

    @Test
    void aRoundsThreeMinutes_areJudgedOnce_byThePlatformAssessment() {
        Instant start = at("2026-10-03T10:00:00");
        assertEquals(Boolean.TRUE, PlatformAssessment.roundMet(new Round(start, "m1", 1, start.plusSeconds(180), "a1", "zhang")));
        assertEquals(Boolean.FALSE, PlatformAssessment.roundMet(new Round(start, "m1", 1, start.plusSeconds(181), "a1", "zhang")));
        assertNull(PlatformAssessment.roundMet(new Round(start, "m1", 2, null, null, null)), "open: not judged yet");
    }
}
