package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.intake.RawEvent;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R24-R28 on a hand-computed cycle: incidence, processing time, return wait, warranty, complaints, trend. */
class AfterSalesReportTest {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();

    private static List<RawEvent> caseOf(String c, String start, String text, String classified, String resolved, Integer rating) {
        List<RawEvent> e = new ArrayList<>();
        e.add(text == null
                ? raw("eventId", c + "-m", "type", "customer.message", "conversationId", c, "channel", "CS_CHAT",
                        "occurredAt", start + "+08:00", "customerId", "buyer-" + c)
                : raw("eventId", c + "-m", "type", "customer.message", "conversationId", c, "channel", "CS_CHAT",
                        "occurredAt", start + "+08:00", "customerId", "buyer-" + c, "text", text));
        e.add(raw("eventId", c + "-a", "type", "agent.message", "conversationId", c, "agentId", "wang",
                "occurredAt", at(start).plusSeconds(30).toString()));
        if (classified != null) {
            e.add(raw("eventId", c + "-c", "type", "conversation.classified", "conversationId", c, "agentId", "wang",
                    "occurredAt", at(start).plusSeconds(60).toString(), "category", classified));
        }
        if (resolved != null) {
            e.add(raw("eventId", c + "-r", "type", "conversation.resolved", "conversationId", c, "agentId", "wang",
                    "occurredAt", resolved + "+08:00"));
        }
        if (rating != null) {
            e.add(raw("eventId", c + "-s", "type", "conversation.rated", "conversationId", c,
                    "occurredAt", at(start).plus(Duration.ofDays(3)).toString(), "rating", rating));
        }
        return e;
    }

    @Test
    void theCycleReproducesToTheUnit() {
        MutableClock clock = new MutableClock(at("2026-10-10T09:00:00"));
        var conversations = new InMemoryConversationStore();
        var kpis = new InMemoryKpiStore();
        var ingest = new IngestEventBatch(conversations, new InMemoryBreachStore(), clock);
        List<RawEvent> events = new ArrayList<>();
        events.addAll(caseOf("r1", "2026-10-03T10:00:00", null, "RETURN_NO_REASON", "2026-10-03T16:00:00", 5));
        events.addAll(caseOf("r2", "2026-10-03T11:00:00", "退款还没到账，怎么回事", null, "2026-10-04T05:00:00", 3));
        events.addAll(caseOf("w1", "2026-10-03T12:00:00", null, "PRODUCT_QUALITY_DEFECT", "2026-10-06T12:00:00", null));
        events.addAll(caseOf("w2", "2026-10-03T13:00:00", "用了一天就坏了，质量问题", null, null, null));
        events.addAll(caseOf("s1", "2026-10-04T10:00:00", null, "SERVICE_SLOW_RESPONSE", "2026-10-04T10:30:00", 4));
        events.addAll(caseOf("p1", "2026-10-05T10:00:00", "请问有红色的吗", null, null, null));
        events.addAll(caseOf("old", "2026-09-20T10:00:00", null, "SERVICE_ATTITUDE", null, 1));
        ingest.ingest(DEMO_MERCHANT, events);
        clock.advance(Duration.ofSeconds(2));
        new FoldKpiCounters(conversations, kpis, clock).pass();

        var report = new ReportAfterSales(kpis).report(DEMO, OCT_H1);
        var now = report.current();
        assertEquals(6, now.conversations(), "r1 r2 w1 w2 s1 p1");
        assertEquals(5, now.all().cases());
        assertEquals(2, now.all().suggested(), "r2 and w2 are only suggested from their text");
        assertEquals(5000.0 / 6, now.incidencePerThousand(now.all()), 1e-9);
        // returns: r1 6 h, r2 18 h (suggested RETURN_PROCESS_TROUBLE): 12 h on average, exactly the R27 target
        assertEquals(2, now.returns().cases());
        assertEquals(12.0, now.returns().averageProcessingHours(), 1e-9);
        assertEquals(1, now.bySubtype().get(AfterSalesCategory.RETURN_PROCESS_TROUBLE).cases());
        // warranty: w1 took 72 h, w2 is unresolved: 0 of 2 within 48 h (target 90%)
        assertEquals(0.0, now.warranty().completedWithin48h(), 1e-9);
        assertEquals(72.0, now.warranty().averageProcessingHours(), 1e-9);
        // complaints: s1 of 6 conversations, resolved in 30 min, rated 4: satisfied, average 4.0 < 4.8
        assertEquals(1.0 / 6, now.complaintRate(), 1e-9);
        assertEquals(1.0, now.complaints().satisfaction(), 1e-9);
        assertEquals(4.0, now.complaints().averageRating(), 1e-9);
        assertEquals(24.125, now.all().averageProcessingHours(), 1e-9, "(6 + 18 + 72 + 0.5) h / 4 resolved cases");
        assertEquals(4, now.all().resolved());
        // trend: the previous cycle had one complaint (attitude) in one conversation, rated 1
        assertEquals(1, report.previous().conversations());
        assertEquals(1.0, report.previous().complaintRate(), 1e-9);
        assertEquals(0.0, report.previous().complaints().satisfaction(), 1e-9);
    }
}
