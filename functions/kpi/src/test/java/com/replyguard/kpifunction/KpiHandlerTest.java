package com.replyguard.kpifunction;

import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.KpiReport;
import com.replyguard.kpi.Fold;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.MutableClock;
import com.replyguard.usecase.CloseKpiCycles;
import com.replyguard.usecase.FoldKpiCounters;
import com.replyguard.usecase.IngestEventBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The KPI λ's handler on the scheduler's payloads: the fold's minute passes about every second for
 * the window (paced by its clock, here moved by the pacer), the jobs run and answer their counts, an
 * unknown job is refused.
 */
class KpiHandlerTest {
    private MutableClock clock;
    private InMemoryConversationStore conversations;
    private InMemoryKpiStore kpis;
    private final List<Instant> passes = new ArrayList<>();
    private boolean newPass = true;
    private final List<KpiReport> announced = new ArrayList<>();
    private KpiHandler handler;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at("2026-10-16T00:30:00"));
        conversations = new InMemoryConversationStore();
        kpis = new InMemoryKpiStore() {
            @Override
            public synchronized Fold.State foldState(int shard) {
                if (newPass) { // the first read of a pass
                    newPass = false;
                    passes.add(clock.instant());
                }
                return super.foldState(shard);
            }
        };
        FoldKpiCounters fold = new FoldKpiCounters(conversations, kpis, clock);
        handler = new KpiHandler(new KpiWiring(fold, new CloseKpiCycles(conversations, kpis, fold, (r, revision) -> announced.add(r), clock),
                until -> {
                    clock.set(until); // the pacer moves the clock instead of sleeping
                    newPass = true;
                }, clock));
        new IngestEventBatch(conversations, new InMemoryBreachStore(), clock).ingest(DEMO_MERCHANT,
                List.of(raw("eventId", "e1", "type", "customer.message", "conversationId", "c1", "channel", "CS_CHAT",
                        "occurredAt", "2026-10-15T10:00:00+08:00", "customerId", "b1"),
                        raw("eventId", "e2", "type", "agent.message", "conversationId", "c1", "agentId", "a1",
                                "occurredAt", "2026-10-15T10:00:30+08:00")));
        clock.advance(Duration.ofSeconds(2));
    }

    @Test
    void theFoldsMinute_passesEverySecond_forItsWindow_andCountsWhatChanged() {
        Instant start = clock.instant();
        Map<String, Object> out = handler.handleRequest(Map.of("job", "fold", "windowSeconds", 5), null);
        assertEquals(1, out.get("counted"), "the one conversation, counted once");
        assertEquals(6, passes.size(), "passes at 0, 1, 2, 3, 4 and 5 s: " + passes);
        for (int i = 0; i < passes.size(); i++) {
            assertEquals(start.plusSeconds(i), passes.get(i));
        }
        passes.clear();
        newPass = true;
        handler.handleRequest(Map.of("job", "fold", "windowSeconds", 0), null);
        assertEquals(1, passes.size(), "a window of 0 (priming) is one pass");
        newPass = true;
        handler.handleRequest(Map.of(), null);
        assertTrue(passes.size() > 60, "no job is the fold, over the default 70 s window: " + passes.size());
    }

    @Test
    void theJobs_checkAndCloseCycles_andAnUnknownOneIsRefused() {
        handler.handleRequest(Map.of("job", "fold", "windowSeconds", 0), null);
        Map<String, Object> daily = handler.handleRequest(Map.of("job", "daily"), null);
        assertEquals(0, daily.get("drifting"));
        assertEquals(0, daily.get("setAside"));
        Map<String, Object> close = handler.handleRequest(Map.of("job", "close"), null);
        assertEquals(1, close.get("checked"), "2026-10-H1 of merchant demo closed");
        assertEquals(1, announced.size());
        assertEquals("2026-10-H1", announced.get(0).cycle().toString());
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("job", "reindex"), null));
    }

    @Test
    void theRecloseJob_closesAgainACycleWhoseHistoryArrivedAfterItsClose() {
        handler.handleRequest(Map.of("job", "fold", "windowSeconds", 0), null);
        handler.handleRequest(Map.of("job", "close"), null);
        assertEquals(1, announced.size());
        // a conversation of 15 Oct delivered after the close, answered late
        new IngestEventBatch(conversations, new InMemoryBreachStore(), clock).ingest(DEMO_MERCHANT,
                List.of(raw("eventId", "e3", "type", "customer.message", "conversationId", "c2", "channel", "CS_CHAT",
                        "occurredAt", "2026-10-15T11:00:00+08:00", "customerId", "b2"),
                        raw("eventId", "e4", "type", "agent.message", "conversationId", "c2", "agentId", "a1",
                                "occurredAt", "2026-10-15T11:05:00+08:00")));
        clock.advance(Duration.ofSeconds(2));
        handler.handleRequest(Map.of("job", "fold", "windowSeconds", 0), null);
        assertEquals(0, handler.handleRequest(Map.of("job", "reclose"), null).get("checked"), "not quiet yet");
        clock.advance(CloseKpiCycles.QUIET_BEFORE_RECLOSE);
        assertEquals(1, handler.handleRequest(Map.of("job", "reclose"), null).get("checked"));
        assertEquals(2, announced.size(), "revision 2 announced");
        assertEquals(1, announced.get(1).firstReply2Min().met());
        assertEquals(2, announced.get(1).firstReply2Min().total());
    }
}
