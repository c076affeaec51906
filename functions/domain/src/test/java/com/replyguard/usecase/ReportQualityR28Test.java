package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.replyguard.intake.RawEvent;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R28, the monthly quality review, hand-computed: a month is its two cycles together; each figure
 * beside the five months before it.
 */
class ReportQualityR28Test {
    private final MutableClock clock = new MutableClock(at("2026-11-05T09:00:00"));
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final InMemoryKpiStore kpis = new InMemoryKpiStore();
    private final IngestEventBatch ingest = new IngestEventBatch(conversations, new InMemoryBreachStore(), clock);

    /** A chat answered after {@code replySeconds}, classified, resolved or not, rated or not. */
    private static List<RawEvent> chat(String c, String start, int replySeconds, String category, boolean resolved, Integer stars) {
        List<RawEvent> e = new ArrayList<>();
        e.add(raw("eventId", c + "-m", "type", "customer.message", "conversationId", c, "channel", "CS_CHAT",
                "occurredAt", start + "+08:00", "customerId", "b-" + c));
        e.add(raw("eventId", c + "-a", "type", "agent.message", "conversationId", c, "agentId", "wang",
                "occurredAt", at(start).plusSeconds(replySeconds).toString()));
        if (category != null) {
            e.add(raw("eventId", c + "-k", "type", "conversation.classified", "conversationId", c, "agentId", "wang",
                    "occurredAt", at(start).plusSeconds(replySeconds + 10).toString(), "category", category));
        }
        if (resolved) {
            e.add(raw("eventId", c + "-r", "type", "conversation.resolved", "conversationId", c, "agentId", "wang",
                    "occurredAt", at(start).plusSeconds(replySeconds + 60).toString()));
        }
        if (stars != null) {
            e.add(raw("eventId", c + "-s", "type", "conversation.rated", "conversationId", c,
                    "occurredAt", at(start).plusSeconds(replySeconds + 120).toString(), "rating", stars));
        }
        return e;
    }

    @Test
    void aMonth_isItsTwoCyclesTogether_besideTheFiveBefore() {
        List<RawEvent> events = new ArrayList<>();
        // October H1: two chats, 20 s and 40 s; a return resolved (rated 5) and a complaint not resolved (rated 2)
        events.addAll(chat("o1", "2026-10-03T10:00:00", 20, "RETURN_NO_REASON", true, 5));
        events.addAll(chat("o2", "2026-10-05T10:00:00", 40, "SERVICE_SLOW_RESPONSE", false, 2));
        // October H2: two chats, 30 s and 50 s; one plain question rated 4, one logistics case resolved
        events.addAll(chat("o3", "2026-10-20T10:00:00", 30, null, false, 4));
        events.addAll(chat("o4", "2026-10-25T10:00:00", 50, "LOGISTICS_LATE", true, null));
        // September: one chat, 10 s, a complaint resolved
        events.addAll(chat("s1", "2026-09-10T10:00:00", 10, "SERVICE_ATTITUDE", true, null));
        ingest.ingest(DEMO_MERCHANT, events);
        clock.advance(Duration.ofSeconds(2));
        new FoldKpiCounters(conversations, kpis, clock).pass();

        ReportQuality.Review r = new ReportQuality(kpis, clock).review(DEMO, YearMonth.of(2026, 10));
        ReportQuality.Month oct = r.month();
        assertEquals(4, oct.conversations());
        assertEquals(3, oct.cases(), "o1, o2, o4");
        assertEquals(2.0 / 3, oct.resolutionRate(), 1e-9, "o1 and o4 resolved");
        assertEquals(2.0 / 3, oct.satisfaction(), 1e-9, "5 and 4 satisfied, 2 not");
        assertEquals(35.0, oct.averageFirstResponseSeconds(), 1e-9, "(20 + 40 + 30 + 50) / 4");
        assertEquals(0.25, oct.complaintRate(), 1e-9, "one customer-service complaint in 4 conversations");

        assertEquals(List.of(YearMonth.of(2026, 5), YearMonth.of(2026, 6), YearMonth.of(2026, 7), YearMonth.of(2026, 8),
                YearMonth.of(2026, 9)), r.trend().stream().map(ReportQuality.Month::month).toList(), "the five months before, oldest first");
        ReportQuality.Month sep = r.trend().get(4);
        assertEquals(1.0, sep.resolutionRate(), 1e-9);
        assertEquals(1.0, sep.complaintRate(), 1e-9);
        assertEquals(10.0, sep.averageFirstResponseSeconds(), 1e-9);
        assertNull(sep.satisfaction(), "nothing rated in September");
        assertNull(r.trend().get(0).resolutionRate(), "May: no cases");
        assertEquals(YearMonth.of(2026, 11), new ReportQuality(kpis, clock).currentMonth());
    }
}
