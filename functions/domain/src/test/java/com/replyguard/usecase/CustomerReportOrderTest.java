package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.conversation.ConversationId;
import com.replyguard.intake.RawEvent;
import com.replyguard.kpi.KpiVector;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Invariant 2 with customer reports (R13, R14; docs/metrics.md): a merchant's report of a customer
 * leaves that customer's units of the 7 days before it out of the reply rates, in every
 * conversation of the customer - whatever the order the conversations and the report arrive in,
 * and however they are batched. The outcome depends only on the set of events.
 */
class CustomerReportOrderTest {
    /** Buyer 1 writes in P (unanswered), in Q (answered late, after a transfer that may arrive late), and is reported in R. */
    private static List<RawEvent> events() {
        return List.of(
                raw("eventId", "p1", "type", "customer.message", "conversationId", "P", "channel", "CS_CHAT",
                        "occurredAt", "2026-10-03T10:00:00+08:00", "customerId", "buyer-1"),
                raw("eventId", "q0", "type", "customer.message", "conversationId", "Q", "channel", "DIRECT_MESSAGE",
                        "occurredAt", "2026-09-20T10:00:00+08:00", "customerId", "buyer-1"),
                raw("eventId", "q1", "type", "conversation.transferred", "conversationId", "Q",
                        "occurredAt", "2026-10-03T11:00:00+08:00"),
                raw("eventId", "q2", "type", "agent.message", "conversationId", "Q", "agentId", "agent-7",
                        "occurredAt", "2026-10-03T11:00:50+08:00"),
                raw("eventId", "r1", "type", "customer.message", "conversationId", "R", "channel", "CS_CHAT",
                        "occurredAt", "2026-10-03T12:00:00+08:00", "customerId", "buyer-1"),
                raw("eventId", "r2", "type", "agent.message", "conversationId", "R", "agentId", "agent-7",
                        "occurredAt", "2026-10-03T12:00:20+08:00"),
                raw("eventId", "r3", "type", "customer.reported", "conversationId", "R",
                        "occurredAt", "2026-10-03T12:30:00+08:00", "customerId", "buyer-1"),
                // another customer's conversation is not touched by the report
                raw("eventId", "s1", "type", "customer.message", "conversationId", "S", "channel", "CS_CHAT",
                        "occurredAt", "2026-10-03T10:30:00+08:00", "customerId", "buyer-2"));
    }

    /** Each conversation's KPI vector after ingesting the batches in this order. */
    private static Map<String, KpiVector> outcome(List<List<RawEvent>> batches) {
        InMemoryConversationStore store = new InMemoryConversationStore();
        IngestEventBatch ingest = new IngestEventBatch(store, new InMemoryBreachStore(),
                new MutableClock(at("2026-10-04T09:00:00")));
        batches.forEach(b -> ingest.ingest(DEMO_MERCHANT, b));
        Map<String, KpiVector> out = new TreeMap<>();
        for (String c : List.of("P", "Q", "R", "S")) {
            out.put(c, store.load(DEMO, new ConversationId(c)).orElseThrow().kpi());
        }
        return out;
    }

    private static long count(KpiVector v, String key) {
        return v.counts().getOrDefault(key, 0L);
    }

    @Test
    void aReport_leavesTheCustomersUnitsOut_inEveryConversation_whateverTheOrderAndBatching() {
        Map<String, KpiVector> together = outcome(List.of(events()));
        // P's first-reply unit (10:00, within 7 days before the report) and Q's (the transfer at 11:00) leave R13
        assertEquals(0, count(together.get("P"), "2026-10-H1|all|fr.late@" + at("2026-10-03T10:02:00").toEpochMilli()));
        assertEquals(0, count(together.get("Q"), "2026-10-H1|all|fr.met"));
        assertEquals(0, count(together.get("R"), "2026-10-H1|all|fr.met"));
        assertEquals(1, count(together.get("S"), "2026-10-H1|all|fr.late@" + at("2026-10-03T10:32:00").toEpochMilli()),
                "another customer's unit stays");

        List<RawEvent> all = events();
        // the report first, the other conversations later (the order the old code got wrong)
        List<RawEvent> reportFirst = new ArrayList<>(all.subList(4, 7));
        List<RawEvent> rest = new ArrayList<>(all.subList(0, 4));
        rest.add(all.get(7));
        assertEquals(together, outcome(List.of(reportFirst, rest)), "report before the conversations");
        // the transfer that moves Q's human clock start into the report's reach arrives after the report
        assertEquals(together, outcome(List.of(List.of(all.get(1)), reportFirst, List.of(all.get(0)), List.of(all.get(2)),
                List.of(all.get(3)), List.of(all.get(7)))), "a late transfer");
        Random random = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            List<RawEvent> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            List<List<RawEvent>> batches = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); ) {
                int size = 1 + random.nextInt(3);
                batches.add(shuffled.subList(i, Math.min(shuffled.size(), i + size)));
                i += size;
            }
            assertEquals(together, outcome(batches), "trial " + trial + ": " + batches);
        }
    }
}
