package com.replyguard.clock;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.AgentRole;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Complexity;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import com.replyguard.kpi.ConversationVector;
import com.replyguard.kpi.CounterKey;
import com.replyguard.kpi.Dimension;
import com.replyguard.kpi.KpiVector;
import com.replyguard.kpi.Metric;
import com.replyguard.merchant.AssessedHours;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R25: a case the customer is unhappy with after its resolution is processed again - a new
 * RESOLUTION clock from the reopen, its own progress updates when late, a reopen counted, and
 * processing time to the last resolution. Default targets: 30 min to a solution and progress every
 * 10 min in the chat window, 10 and 5 min in the live room.
 */
class ReopenedCaseR25Test {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();

    private static ConversationEvent customer(String id, String time, Channel ch) {
        return event(id, EventType.CUSTOMER_MESSAGE, "c1", "2026-10-03T" + time).channel(ch).customerRef("c_x")
                .complexity(Complexity.COMPLEX).build();
    }

    private static ConversationEvent agent(String id, String time) {
        return event(id, EventType.AGENT_MESSAGE, "c1", "2026-10-03T" + time).agentId("presales-zhang")
                .agentRole(AgentRole.PRESALES).build();
    }

    private static ConversationEvent act(String id, EventType type, String time) {
        return event(id, type, "c1", "2026-10-03T" + time).agentId("presales-zhang").build();
    }

    private static ConversationEvent classified(String id, String time) {
        return event(id, EventType.CLASSIFIED, "c1", "2026-10-03T" + time).agentId("presales-zhang")
                .category(AfterSalesCategory.RETURN_PROCESS_TROUBLE).build();
    }

    private static Conversation conversation(ConversationEvent... events) {
        return Conversation.of(DEMO, new ConversationId("c1"), List.of(events));
    }

    private static Map<String, SlaClock> clocks(Conversation c) {
        Map<String, SlaClock> out = new LinkedHashMap<>();
        ClockRules.of(c, SlaPolicy.DEFAULT).forEach(k -> out.put(k.key(), k));
        return out;
    }

    /** The story: solved in time at 10:20, reopened at 11:00 (the customer is unhappy), solved again late at 11:45. */
    private static List<ConversationEvent> story() {
        return new ArrayList<>(Arrays.asList(
                customer("m1", "10:00:00", Channel.CS_CHAT),
                agent("a1", "10:00:30"),
                classified("k1", "10:01:00"),
                act("r1", EventType.RESOLVED, "10:20:00"),
                agent("a2", "10:20:30"),
                act("re1", EventType.REOPENED, "11:00:00"),
                agent("a3", "11:35:00"),
                act("r2", EventType.RESOLVED, "11:45:00")));
    }

    @Test
    void aReopenAfterTheResolution_startsANewResolutionClock_andItsProgressWhenLate() {
        Map<String, SlaClock> k = clocks(conversation(story().toArray(ConversationEvent[]::new)));
        SlaClock first = k.get("RESOLUTION");
        assertEquals(at("2026-10-03T10:20:00"), first.answeredAt(), "the first round, met within 30 min");
        SlaClock again = k.get("RESOLUTION@re1");
        assertEquals(at("2026-10-03T11:00:00"), again.start());
        assertEquals(at("2026-10-03T11:30:00"), again.deadline(), "30 min from the reopen");
        assertEquals(at("2026-10-03T11:45:00"), again.answeredAt(), "solved 15 min late");
        // late: progress owed every 10 min from 11:30 - a3 at 11:35 answers the first link, the resolution the next
        SlaClock link1 = k.get("PROGRESS_UPDATE@" + at("2026-10-03T11:30:00").toEpochMilli());
        assertEquals(at("2026-10-03T11:40:00"), link1.deadline());
        assertEquals(at("2026-10-03T11:35:00"), link1.answeredAt());
        SlaClock link2 = k.get("PROGRESS_UPDATE@" + at("2026-10-03T11:35:00").toEpochMilli());
        assertEquals(at("2026-10-03T11:45:00"), link2.deadline());
        assertEquals(at("2026-10-03T11:45:00"), link2.answeredAt(), "the resolution at the deadline is in time");
        assertEquals(2, k.values().stream().filter(c -> c.type() == ClockType.PROGRESS_UPDATE).count(),
                "the first round was solved in time: no progress owed for it");
        assertEquals(1, k.values().stream().filter(c -> c.type() == ClockType.CLOSING_FOLLOW_UP).count(),
                "R7 is asked after the first resolution only");
    }

    @Test
    void aReopenWhileStillBeingProcessed_startsNothing() {
        Conversation c = conversation(customer("m1", "10:00:00", Channel.CS_CHAT), agent("a1", "10:00:30"),
                act("re0", EventType.REOPENED, "10:10:00"), act("r1", EventType.RESOLVED, "10:20:00"));
        assertEquals(0, c.reopens());
        assertFalse(clocks(c).keySet().stream().anyMatch(key -> key.startsWith("RESOLUTION@")), clocks(c).keySet().toString());
    }

    @Test
    void aReopenedCase_waitingForItsNewSolution_isNotResolved() {
        List<ConversationEvent> events = story();
        events.remove(events.size() - 1); // not yet solved again
        Conversation c = conversation(events.toArray(ConversationEvent[]::new));
        assertTrue(c.caseResolvedAt().isEmpty(), "the last round is still being processed");
        assertNull(clocks(c).get("RESOLUTION@re1").answeredAt());
        assertEquals(1, c.reopens());
    }

    @Test
    void aReopenAfterTheConversationClosed_owesItsNewClocks() {
        List<ConversationEvent> events = story();
        events.add(5, act("x1", EventType.CLOSED, "10:30:00"));
        events.remove(events.size() - 1); // reopened after the close, not solved yet
        SlaClock again = clocks(conversation(events.toArray(ConversationEvent[]::new))).get("RESOLUTION@re1");
        assertEquals(at("2026-10-03T11:30:00"), again.deadline(), "the close at 10:30 cancels nothing of the 11:00 round");
    }

    @Test
    void inTheLiveRoom_theNewRoundsProgressRunsFromTheFirstReplyAfterTheReopen() {
        Conversation c = conversation(customer("m1", "20:00:00", Channel.LIVE_COMMENT), agent("a1", "20:00:20"),
                act("r1", EventType.RESOLVED, "20:05:00"), act("re1", EventType.REOPENED, "20:30:00"),
                agent("a2", "20:31:00"), act("r2", EventType.RESOLVED, "20:45:00"));
        Map<String, SlaClock> k = clocks(c);
        assertEquals(at("2026-10-03T20:40:00"), k.get("RESOLUTION@re1").deadline(), "10 min in the live room");
        SlaClock link = k.get("PROGRESS_UPDATE@" + at("2026-10-03T20:31:00").toEpochMilli());
        assertEquals(at("2026-10-03T20:36:00"), link.deadline(), "5 min from the first reply after the reopen");
        assertEquals(at("2026-10-03T20:45:00"), link.answeredAt(), "nobody wrote until the resolution");
        assertTrue(link.answeredAt().isAfter(link.deadline()), "9 min after the deadline: the link was late");
    }

    @Test
    void theAfterSalesCounters_countTheReopen_andProcessingToTheLastResolution() {
        Conversation c = conversation(story().toArray(ConversationEvent[]::new));
        KpiVector v = ConversationVector.of(c, t -> AssessedHours.ALL_DAY, ClockRules.of(c, SlaPolicy.DEFAULT), k -> null);
        Dimension kase = Dimension.caseOf(AfterSalesCategory.RETURN_PROCESS_TROUBLE);
        assertEquals(1, count(v, kase, Metric.CASES_RESOLVED_ONCE));
        assertEquals(1, count(v, kase, Metric.CASES_REOPENED));
        assertEquals(1, count(v, kase, Metric.REOPENS));
        assertEquals(1, count(v, kase, Metric.CASES_RESOLVED));
        assertEquals(105 * 60_000L, count(v, kase, Metric.PROCESSING_MILLIS), "10:00 to the last resolution at 11:45");

        List<ConversationEvent> twice = story();
        twice.add(act("re2", EventType.REOPENED, "12:00:00"));
        Conversation again = conversation(twice.toArray(ConversationEvent[]::new));
        KpiVector w = ConversationVector.of(again, t -> AssessedHours.ALL_DAY, ClockRules.of(again, SlaPolicy.DEFAULT), k -> null);
        assertEquals(2, count(w, kase, Metric.REOPENS));
        assertEquals(1, count(w, kase, Metric.CASES_REOPENED), "one case, reopened twice");
        assertEquals(0, count(w, kase, Metric.CASES_RESOLVED), "being processed a third time: not resolved");
        assertEquals(0, count(w, kase, Metric.PROCESSING_MILLIS));
    }

    private static long count(KpiVector v, Dimension d, Metric m) {
        return v.counts().getOrDefault(CounterKey.of(OCT_H1, d, m).encode(), 0L);
    }
}
