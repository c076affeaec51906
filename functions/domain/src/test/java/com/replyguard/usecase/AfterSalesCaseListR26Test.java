package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.CaseSummary;
import com.replyguard.assessment.Cycle;
import com.replyguard.intake.RawEvent;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.CaseIndex;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R26: every after-sales figure has the case list behind it - by category or subtype, paged, each case's own facts. */
class AfterSalesCaseListR26Test {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();
    private final MutableClock clock = new MutableClock(at("2026-10-25T09:00:00"));
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final ListAfterSalesCases cases = new ListAfterSalesCases(conversations);

    private static List<RawEvent> kase(String c, String start, String category, String resolvedAfter, boolean reopened) {
        List<RawEvent> e = new ArrayList<>();
        e.add(raw("eventId", c + "-m", "type", "customer.message", "conversationId", c, "channel", "CS_CHAT",
                "occurredAt", start + "+08:00", "customerId", "b-" + c));
        e.add(raw("eventId", c + "-a", "type", "agent.message", "conversationId", c, "agentId", "wang",
                "occurredAt", at(start).plusSeconds(30).toString()));
        e.add(raw("eventId", c + "-k", "type", "conversation.classified", "conversationId", c, "agentId", "wang",
                "occurredAt", at(start).plusSeconds(40).toString(), "category", category));
        if (resolvedAfter != null) {
            e.add(raw("eventId", c + "-r", "type", "conversation.resolved", "conversationId", c, "agentId", "li",
                    "occurredAt", at(start).plus(Duration.parse(resolvedAfter)).toString()));
        }
        if (reopened) {
            e.add(raw("eventId", c + "-o", "type", "conversation.reopened", "conversationId", c,
                    "occurredAt", at(start).plus(Duration.ofDays(1)).toString()));
        }
        return e;
    }

    private void ingest() {
        List<RawEvent> events = new ArrayList<>();
        events.addAll(kase("q1", "2026-10-03T10:00:00", "PRODUCT_QUALITY_DEFECT", "PT6H", false));
        events.addAll(kase("q2", "2026-10-02T10:00:00", "PRODUCT_QUALITY_DEFECT", null, false));
        events.addAll(kase("q3", "2026-10-04T10:00:00", "PRODUCT_QUALITY_COUNTERFEIT", "PT2H", true));
        events.addAll(kase("r1", "2026-10-05T10:00:00", "RETURN_NO_REASON", "PT1H", false));
        events.addAll(kase("late", "2026-10-20T10:00:00", "RETURN_NO_REASON", "PT1H", false)); // October H2
        events.add(raw("eventId", "plain-m", "type", "customer.message", "conversationId", "plain", "channel", "CS_CHAT",
                "occurredAt", "2026-10-03T11:00:00+08:00", "customerId", "b-plain")); // no case
        new IngestEventBatch(conversations, new InMemoryBreachStore(), clock)
                .ingest(DEMO_MERCHANT, events);
    }

    @Test
    void aCategorysCases_areListedBySubtypeThenStart_withTheirOwnFacts() {
        ingest();
        List<CaseSummary> quality = cases.list(DEMO, OCT_H1, "PRODUCT_QUALITY", 100, null).cases();
        assertEquals(List.of("q3", "q2", "q1"), quality.stream().map(c -> c.conversationId().value()).toList(),
                "COUNTERFEIT before DEFECT; within DEFECT by start (2 Oct, then 3 Oct)");
        CaseSummary q1 = quality.get(2);
        assertEquals(Duration.ofHours(6), q1.processing());
        assertEquals(6.0, q1.processingHours());
        assertTrue(q1.resolvedWithinReturnWait() && q1.resolvedWithinWarrantyLimit(), "6 h: within 12 h and 48 h");
        assertTrue(!q1.reopened());
        assertEquals("li", q1.agentId(), "who resolved it");
        CaseSummary q2 = quality.get(1);
        assertNull(q2.processing(), "still being processed");
        assertNull(q2.processingHours());
        assertTrue(!q2.resolvedWithinReturnWait() && !q2.resolvedWithinWarrantyLimit(), "an open case counts as not completed");
        assertEquals("wang", q2.agentId(), "who last replied");
        CaseSummary q3 = quality.get(0);
        assertEquals(1, q3.reopens());
        assertTrue(q3.reopened());
        assertTrue(!q3.resolved(), "reopened the next day and not solved again");
        assertEquals(List.of("q1", "q2"), cases.list(DEMO, OCT_H1, "PRODUCT_QUALITY_DEFECT", 100, null).cases().stream()
                .map(c -> c.conversationId().value()).sorted().toList());
        assertEquals(4, cases.list(DEMO, OCT_H1, null, 100, null).cases().size(), "every case of the cycle, not its plain chat");
        assertEquals(List.of("late"), cases.list(DEMO, Cycle.parse("2026-10-H2").orElseThrow(), "RETURN", 100, null).cases()
                .stream().map(c -> c.conversationId().value()).toList());
    }

    @Test
    void pages_chainToTheEnd_andATokenOfAnotherListIsRefused() {
        ingest();
        CaseIndex.CasePage first = cases.list(DEMO, OCT_H1, null, 3, null);
        assertEquals(3, first.cases().size());
        CaseIndex.CasePage second = cases.list(DEMO, OCT_H1, null, 3, first.nextToken());
        assertEquals(1, second.cases().size());
        assertNull(second.nextToken());
        assertThrows(BreachStore.InvalidPageToken.class, () -> cases.list(DEMO, OCT_H1, "RETURN", 3, first.nextToken()));
    }

    @Test
    void anUnknownCategory_orALimitOutOfRange_isRefusedNamingWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cases.list(DEMO, OCT_H1, "QUALITY", 10, null));
        assertTrue(e.getMessage().contains("PRODUCT_QUALITY") && e.getMessage().contains("RETURN_NO_REASON")
                && e.getMessage().contains("'QUALITY'"), e.getMessage());
        assertEquals(e.getMessage(), "category " + ListAfterSalesCases.categoryProblem("QUALITY").orElseThrow());
        assertTrue(ListAfterSalesCases.categoryProblem("RETURN").isEmpty() && ListAfterSalesCases.categoryProblem("LOGISTICS_LATE").isEmpty()
                && ListAfterSalesCases.categoryProblem(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> cases.list(DEMO, OCT_H1, null, 0, null));
        assertThrows(IllegalArgumentException.class, () -> cases.list(DEMO, OCT_H1, null, 1001, null));
    }
}
