package com.replyguard.adapters.dynamodb;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.KpiReport;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationId;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.intake.RawEvent;
import com.replyguard.kpi.ChangedAfterClose;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.kpi.CycleCounters;
import com.replyguard.kpi.Fold;
import com.replyguard.kpi.KpiVector;
import com.replyguard.kpi.Metric;
import com.replyguard.kpi.SetAside;
import com.replyguard.merchant.MerchantId;
import com.replyguard.testing.MutableClock;
import com.replyguard.testing.PlatformKpisOracle;
import com.replyguard.usecase.CloseKpiCycles;
import com.replyguard.usecase.FoldKpiCounters;
import com.replyguard.usecase.IngestEventBatch;
import com.replyguard.usecase.ReportKpiCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The KPI table on a real DynamoDB (dynalite): the fold's journal, guarded counters, ledger, freeze; and the change feed. */
class DynamoDbKpiStoreTest {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();
    private MutableClock clock;
    private DynamoDbConversationStore conversations;
    private DynamoDbKpiStore kpis;
    private IngestEventBatch ingest;

    @BeforeEach
    void setUp() {
        SamTemplate t = SharedDynalite.freshTables();
        clock = new MutableClock(at("2026-10-03T22:00:00"));
        conversations = new DynamoDbConversationStore(SharedDynalite.client(), t.tableName("ConversationsTable"));
        kpis = new DynamoDbKpiStore(SharedDynalite.client(), t.tableName("KpisTable"));
        ingest = new IngestEventBatch(conversations, new DynamoDbBreachStore(SharedDynalite.client(), t.tableName("BreachesTable")), clock);
    }

    private static String figures(KpiReport r) {
        return r.firstReply2Min().met() + "/" + r.firstReply2Min().total() + " " + r.reply3Min().met() + "/"
                + r.reply3Min().total() + " " + r.satisfaction().met() + "/" + r.satisfaction().total();
    }

    private List<RawEvent> afternoon() {
        List<RawEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String c = "chat-" + i;
            events.add(raw("eventId", c + "-m", "type", "customer.message", "conversationId", c, "channel", "CS_CHAT",
                    "occurredAt", String.format("2026-10-03T14:%02d:00+08:00", i), "customerId", "buyer-" + i));
            if (i % 3 != 0) {
                events.add(raw("eventId", c + "-r", "type", "agent.message", "conversationId", c, "agentId", "agent-" + (i % 2),
                        "occurredAt", String.format("2026-10-03T14:%02d:%02d+08:00", i, i % 5 == 0 ? 0 : 50 + i % 9)));
            }
            if (i % 4 == 0) {
                events.add(raw("eventId", c + "-s", "type", "conversation.rated", "conversationId", c,
                        "occurredAt", String.format("2026-10-03T15:%02d:00+08:00", i), "rating", 3 + i % 3));
            }
        }
        return events;
    }

    @Test
    void foldedCounters_shouldEqualTheRecomputation_andReadTheSameAfterAFoldIsAppliedTwice() {
        ingest.ingest(DEMO_MERCHANT, afternoon());
        clock.advance(Duration.ofSeconds(2));
        FoldKpiCounters fold = new FoldKpiCounters(conversations, kpis, clock);
        assertEquals(30, fold.pass(), "30 conversations, one fold each, in batches of at most 40 per shard");
        var counters = new ReportKpiCounters(kpis, clock);
        List<Conversation> stored = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stored.add(conversations.load(DEMO, new ConversationId("chat-" + i)).orElseThrow().conversation());
        }
        String recomputed = figures(PlatformKpisOracle.report(stored, DEMO_MERCHANT, OCT_H1, clock.instant()));
        assertEquals(recomputed, figures(counters.report(DEMO, OCT_H1).total()));
        assertEquals("20/30 20/30 5/8", recomputed, "by hand: 10 unanswered (i % 3 == 0), 20 answered within 59 s; 8 rated 3,4,5,3,4,5,3,4: five of 4-5 stars");
        assertTrue(counters.report(DEMO, OCT_H1).countedThrough() != null);

        // a journal applied again (a crash after apply, before end) adds nothing
        KpiVector extra = new KpiVector(new TreeMap<>(Map.of("2026-10-H1|all|fr.met", 5L)));
        Fold f = new Fold(0, kpis.foldState(0).seq() + 1, null, List.of(new Fold.CounterDelta(DEMO, OCT_H1, extra)), List.of());
        assertTrue(kpis.begin(f, f.seq() - 1));
        assertFalse(kpis.begin(f, f.seq() - 1), "one folder per shard: the second begin is refused");
        kpis.apply(f);
        kpis.apply(f);
        assertEquals(kpis.foldState(0).pending(), f, "the journal round-trips");
        kpis.end(f);
        assertEquals(null, kpis.foldState(0).pending());
        assertEquals(20 + 5, counters.report(DEMO, OCT_H1).total().firstReply2Min().met());
    }

    @Test
    void theChangeFeed_shouldListOnlyChangesInTheWindow_byShard() {
        ingest.ingest(DEMO_MERCHANT, afternoon());
        int found = 0;
        for (int s = 0; s < Fold.SHARDS; s++) {
            for (ConversationKpi c : conversations.kpiChanges(s, clock.instant().minusMillis(1), clock.instant())) {
                assertEquals(s, Fold.shardOf(c.key()));
                assertFalse(c.vector().isEmpty());
                found++;
            }
            assertEquals(0, conversations.kpiChanges(s, clock.instant(), clock.instant().plusSeconds(60)).size());
        }
        assertEquals(30, found);
        assertEquals(30, conversations.kpiVectors(DEMO, OCT_H1).size());
    }

    @Test
    void freezing_shouldKeepOneFiguresPerRevisionAndRememberTheAnnouncement() {
        ingest.ingest(DEMO_MERCHANT, afternoon());
        clock.set(at("2026-10-16T00:30:00"));
        List<KpiReport> announced = new ArrayList<>();
        var close = new CloseKpiCycles(conversations, kpis, new FoldKpiCounters(conversations, kpis, clock),
                (r, revision) -> announced.add(r), clock);
        // no fold has run: the close finds the conversations through the recomputation and catches up
        var check = close.check(DEMO, OCT_H1, true);
        assertEquals(30, check.caughtUp());
        assertTrue(check.drift().isEmpty(), () -> check.drift().toString());
        assertEquals("20/30 20/30 5/8", figures(check.report()));
        assertEquals(List.of(DEMO), kpis.merchants(OCT_H1));
        CycleCounters read = kpis.read(DEMO, OCT_H1);
        assertTrue(read.frozen().orElseThrow().announced());
        assertEquals(check.report().asOf(), read.frozen().get().closedAt());
        assertEquals(1, read.frozen().get().revision());
        var other = kpis.freeze(DEMO, OCT_H1, new CycleCounters.Frozen(clock.instant().plusSeconds(9), KpiVector.empty(), false, 1));
        assertEquals(read.frozen().get().closedAt(), other.closedAt(), "a second revision 1 does not replace the first");
        var skipping = kpis.freeze(DEMO, OCT_H1, new CycleCounters.Frozen(clock.instant().plusSeconds(9), KpiVector.empty(), false, 3));
        assertEquals(1, skipping.revision(), "revision 3 only over revision 2");
        close.closeEnded();
        assertEquals(1, announced.size());
        assertTrue(new ReportKpiCounters(kpis, clock).report(DEMO, OCT_H1).finalReport());

        var second = kpis.freeze(DEMO, OCT_H1, new CycleCounters.Frozen(clock.instant().plusSeconds(60), KpiVector.empty(), false, 2));
        assertEquals(2, second.revision());
        kpis.announced(DEMO, OCT_H1, 1);
        assertFalse(kpis.read(DEMO, OCT_H1).frozen().orElseThrow().announced(), "revision 1's announcement is not revision 2's");
        kpis.announced(DEMO, OCT_H1, 2);
        assertTrue(kpis.read(DEMO, OCT_H1).frozen().orElseThrow().announced());
        assertEquals(2, kpis.freeze(DEMO, OCT_H1, new CycleCounters.Frozen(clock.instant(), KpiVector.empty(), false, 2)).revision());
    }

    @Test
    void changesAfterClose_shouldBeNotedOnce_movedLaterOnly_andForgottenOnlyIfUnchanged() {
        var change = new ChangedAfterClose(DEMO, OCT_H1, Instant.parse("2026-10-20T01:00:00.250Z"));
        kpis.changedAfterClose(change);
        kpis.changedAfterClose(new ChangedAfterClose(DEMO, OCT_H1, Instant.parse("2026-10-20T00:59:00Z")));
        assertEquals(List.of(change), kpis.changedAfterClose(), "an earlier note does not move it back");
        var later = new ChangedAfterClose(DEMO, OCT_H1, Instant.parse("2026-10-20T01:00:01Z"));
        kpis.changedAfterClose(later);
        kpis.reclosed(change);
        assertEquals(List.of(later), kpis.changedAfterClose(), "changed again after the re-close began: kept");
        kpis.reclosed(later);
        assertEquals(List.of(), kpis.changedAfterClose());
        assertEquals(List.of(), kpis.merchants(OCT_H1), "a note is no counter: the jobs' index does not list it");
    }

    @Test
    void manyAgents_shouldSpreadOverItems_noneNearTheItemLimit() {
        // 600 agents x 30 counters = 18,000 counters, about 800 KB: twice what one item could hold
        TreeMap<String, Long> counts = new TreeMap<>();
        List<Metric> metrics = Metric.all().subList(0, 30);
        for (int a = 0; a < 600; a++) {
            for (int m = 0; m < 30; m++) {
                counts.put("2026-10-H1|agent:agent-" + a + "@shop.example|" + metrics.get(m).wireName(), (long) a + m);
            }
        }
        counts.put("2026-10-H1|all|fr.met", 7L);
        KpiVector big = new KpiVector(counts);
        Fold f = new Fold(1, 1, null, List.of(new Fold.CounterDelta(DEMO, OCT_H1, big)), List.of());
        assertTrue(kpis.begin(f, 0));
        kpis.apply(f);
        kpis.apply(f); // a repeated journal adds nothing, item by item
        kpis.end(f);
        assertEquals(big, kpis.read(DEMO, OCT_H1).counts());
        assertEquals("shard#1#agent." + Math.floorMod("agent:agent-7@shop.example".hashCode(), DynamoDbKpiStore.AGENT_BUCKETS),
                DynamoDbKpiStore.itemOf(1, "2026-10-H1|agent:agent-7@shop.example|" + metrics.get(3).wireName()));
        assertEquals("shard#1#all", DynamoDbKpiStore.itemOf(1, "2026-10-H1|all|fr.met"));
    }

    @Test
    void theLedger_shouldRoundTripVectors() {
        var c = new ConversationKpi(DEMO, new ConversationId("c9"), 7,
                new KpiVector(new TreeMap<>(Map.of("2026-10-H1|agent:张三|fr.met", 1L, "2026-10-H1|all|r3.late@1790000000000", 1L))));
        Fold f = new Fold(2, 1, null, List.of(), List.of(c));
        assertTrue(kpis.begin(f, 0));
        kpis.apply(f);
        kpis.end(f);
        assertEquals(Map.of(c.key(), c), kpis.counted(List.of(c)));
    }

    @Test
    void setAsideConversations_shouldBeRecordedOncePerConversation_listed_andCleared() {
        var first = new SetAside(DEMO, new ConversationId("c1"), 3, "IllegalArgumentException: x", at("2026-10-03T22:00:00"));
        var again = new SetAside(DEMO, new ConversationId("c1"), 4, "IllegalArgumentException: y", at("2026-10-03T22:00:05"));
        var other = new SetAside(new MerchantId("other"), new ConversationId("c1"), 1, "z",
                at("2026-10-03T22:00:01"));
        kpis.setAside(first);
        kpis.setAside(again);
        kpis.setAside(other);
        assertEquals(List.of(again, other), kpis.setAside(), "the latest record per conversation, merchants apart");
        kpis.clearSetAside(again.key());
        assertEquals(List.of(other), kpis.setAside());
    }
}
