package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.breach.Breach;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.CustomerReport;
import com.replyguard.intake.BatchRejected;
import com.replyguard.intake.Problem;
import com.replyguard.intake.RawEvent;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.StoredConversation;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import com.replyguard.testing.PlatformKpisOracle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook use case: all-or-nothing batches, order and duplicates changing nothing, breaches at once. */
class IngestEventBatchTest {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();
    private MutableClock clock;
    private InMemoryConversationStore conversations;
    private InMemoryBreachStore breaches;
    private IngestEventBatch ingest;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at("2026-10-04T09:00:00"));
        conversations = new InMemoryConversationStore();
        breaches = new InMemoryBreachStore();
        ingest = new IngestEventBatch(conversations, breaches, clock);
    }

    static RawEvent msg(String id, String conv, String time, String channel) {
        return channel == null
                ? raw("eventId", id, "type", "customer.message", "conversationId", conv,
                        "occurredAt", time + "+08:00", "customerId", "buyer-" + conv)
                : raw("eventId", id, "type", "customer.message", "conversationId", conv,
                        "occurredAt", time + "+08:00", "customerId", "buyer-" + conv, "channel", channel);
    }

    static RawEvent reply(String id, String conv, String time) {
        return raw("eventId", id, "type", "agent.message", "conversationId", conv, "occurredAt", time + "+08:00",
                "agentId", "agent-7");
    }


    /** A small afternoon: chat, DM, live comments, a bot, a transfer, ratings; some on time, some late. */
    static List<RawEvent> afternoon() {
        return Stream.of(
                msg("e01", "chat-1", "2026-10-03T14:00:00", "CS_CHAT"),
                reply("e02", "chat-1", "2026-10-03T14:00:40"),
                msg("e03", "chat-1", "2026-10-03T14:05:00", null),
                reply("e04", "chat-1", "2026-10-03T14:09:00"),
                raw("eventId", "e05", "type", "conversation.rated", "conversationId", "chat-1",
                        "occurredAt", "2026-10-03T14:10:00+08:00", "rating", 5),
                msg("e06", "dm-1", "2026-10-03T14:01:00", "DIRECT_MESSAGE"),
                raw("eventId", "e07", "type", "agent.message", "conversationId", "dm-1",
                        "occurredAt", "2026-10-03T14:01:02+08:00", "agentId", "bot", "auto", true),
                raw("eventId", "e08", "type", "conversation.transferred", "conversationId", "dm-1",
                        "occurredAt", "2026-10-03T14:02:00+08:00"),
                reply("e09", "dm-1", "2026-10-03T14:05:00"),
                raw("eventId", "e10", "type", "conversation.rated", "conversationId", "dm-1",
                        "occurredAt", "2026-10-03T14:10:00+08:00", "rating", 2),
                msg("e11", "live-1", "2026-10-03T20:00:00", "LIVE_COMMENT"),
                reply("e12", "live-1", "2026-10-03T20:00:20"),
                msg("e13", "live-2", "2026-10-03T20:00:05", "LIVE_COMMENT"),
                msg("e14", "chat-2", "2026-10-03T21:00:00", "CS_CHAT")).toList();
    }

    private String outcome() {
        var r = PlatformKpisOracle.report(conversations, DEMO_MERCHANT, OCT_H1, clock.instant());
        StringBuilder s = new StringBuilder();
        s.append(r.firstReply2Min().met()).append('/').append(r.firstReply2Min().total()).append(' ')
                .append(r.reply3Min().met()).append('/').append(r.reply3Min().total()).append(' ')
                .append(r.satisfaction().met()).append('/').append(r.satisfaction().total());
        for (Breach b : breaches.active(DEMO)) {
            s.append(' ').append(b.conversationId()).append(':').append(b.clock().type()).append('@').append(b.deadline());
        }
        return s.toString();
    }

    @Test
    void outcome_shouldDependOnlyOnTheSetOfEvents_notOrderBatchesOrDuplicates() {
        ingest.ingest(DEMO_MERCHANT, afternoon());
        String expected = outcome();
        // chat-1: FR met, rounds 1 met + 1 late(240 s); dm-1: FR (from transfer) late, 1 round late; chat-2: FR missed
        // chat-1: first reply met, round 1 met, round 2 late (240 s), rated 5
        // dm-1: clock starts at the transfer (14:02), human reply 14:05 -> first reply late, no round after it, rated 2
        // live-1 met; live-2 unanswered (live room, not assessed); chat-2 unanswered: first reply and round missed
        // chat-1's second round waited 240 s: a NEXT_REPLY breach (R10: 180 s)
        assertEquals("1/3 1/3 1/2 dm-1:FIRST_REPLY@2026-10-03T06:03:00Z chat-1:NEXT_REPLY@2026-10-03T06:08:00Z"
                + " live-2:FIRST_REPLY@2026-10-03T12:00:35Z chat-2:FIRST_REPLY@2026-10-03T13:01:00Z", expected);

        Random random = new Random(20261003);
        for (int trial = 0; trial < 25; trial++) {
            setUp();
            List<RawEvent> shuffled = new ArrayList<>(afternoon());
            Collections.shuffle(shuffled, random);
            // replay some events a second time, then split into random batches
            for (int d = 0; d < 4; d++) {
                shuffled.add(random.nextInt(shuffled.size()), shuffled.get(random.nextInt(shuffled.size())));
            }
            int i = 0;
            while (i < shuffled.size()) {
                int size = 1 + random.nextInt(5);
                List<RawEvent> batch = shuffled.subList(i, Math.min(shuffled.size(), i + size));
                ingest.ingest(DEMO_MERCHANT, batch);
                i += size;
            }
            assertEquals(expected, outcome(), "trial " + trial);
        }
    }

    @Test
    void redelivery_shouldBeCountedAsDuplicates_andChangeNothing() {
        var first = ingest.ingest(DEMO_MERCHANT, afternoon());
        assertEquals(new IngestEventBatch.Result(14, 0), first);
        String before = outcome();
        int saves = conversations.saves;
        var again = ingest.ingest(DEMO_MERCHANT, afternoon());
        assertEquals(new IngestEventBatch.Result(14, 14), again);
        assertEquals(before, outcome());
        assertEquals(saves, conversations.saves, "a pure redelivery writes no conversation");
    }

    @Test
    void refusedBatch_shouldWriteNothing_andListEveryProblem() {
        List<RawEvent> batch = new ArrayList<>(afternoon());
        batch.add(raw("eventId", "bad-1", "type", "agent.message", "conversationId", "chat-9",
                "occurredAt", "2026-10-03T14:00:00+08:00"));
        batch.add(msg("bad-2", "chat-9", "2026-10-05T14:00:00", "CS_CHAT"));
        BatchRejected rejected = assertThrows(BatchRejected.class, () -> ingest.ingest(DEMO_MERCHANT, batch));
        assertEquals(List.of(new Problem(14, "agentId", "is required on agent.message")),
                rejected.problems().subList(0, 1));
        assertEquals(15, rejected.problems().get(1).index());
        assertEquals("occurredAt", rejected.problems().get(1).field());
        assertEquals(0, conversations.size());
        assertTrue(breaches.active(DEMO).isEmpty());
    }

    @Test
    void channel_mayArriveAfterTheFirstEvent_thenClocksStart_butItMayNotChange() {
        // the reply and a follow-up arrive before the first message that names the channel
        ingest.ingest(DEMO_MERCHANT, List.of(msg("e2", "c1", "2026-10-03T10:03:00", null),
                reply("e3", "c1", "2026-10-03T10:04:00")));
        assertTrue(breaches.active(DEMO).isEmpty(), "no channel known yet: no clock");
        assertEquals(0, PlatformKpisOracle.report(conversations, DEMO_MERCHANT, OCT_H1, clock.instant()).firstReply2Min().total());
        ingest.ingest(DEMO_MERCHANT, List.of(msg("e1", "c1", "2026-10-03T10:00:00", "CS_CHAT")));
        assertEquals(1, breaches.active(DEMO).size(), "the first reply came 4 min after the question");
        assertEquals(1, PlatformKpisOracle.report(conversations, DEMO_MERCHANT, OCT_H1, clock.instant()).firstReply2Min().total());
        BatchRejected conflict = assertThrows(BatchRejected.class,
                () -> ingest.ingest(DEMO_MERCHANT, List.of(msg("e4", "c1", "2026-10-03T10:05:00", "LIVE_COMMENT"))));
        assertEquals(new Problem(0, "channel", "is LIVE_COMMENT but conversation 'c1' is on CS_CHAT"),
                conflict.problems().get(0));
        BatchRejected inBatch = assertThrows(BatchRejected.class, () -> ingest.ingest(DEMO_MERCHANT, List.of(
                msg("f1", "c2", "2026-10-03T10:00:00", "CS_CHAT"), msg("f2", "c2", "2026-10-03T10:01:00", "DIRECT_MESSAGE"))));
        assertEquals(1, inBatch.problems().get(0).index());
    }

    @Test
    void sameEventIdWithDifferentContentInOneBatch_isRefused() {
        BatchRejected r = assertThrows(BatchRejected.class, () -> ingest.ingest(DEMO_MERCHANT, List.of(
                msg("e1", "c1", "2026-10-03T10:00:00", "CS_CHAT"), msg("e1", "c1", "2026-10-03T10:00:09", "CS_CHAT"))));
        assertEquals(1, r.problems().get(0).index());
        assertEquals("eventId", r.problems().get(0).field());
    }

    @Test
    void batchSize_isLimitedTo500() {
        List<RawEvent> big = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            big.add(msg("e" + i, "c" + i, "2026-10-03T10:00:00", "CS_CHAT"));
        }
        BatchRejected r = assertThrows(BatchRejected.class, () -> ingest.ingest(DEMO_MERCHANT, big));
        assertEquals("events", r.problems().get(0).field());
        assertThrows(BatchRejected.class, () -> ingest.ingest(DEMO_MERCHANT, List.of()));
        assertEquals(500, ingest.ingest(DEMO_MERCHANT, big.subList(0, 500)).accepted());
    }

    @Test
    void backfilledTimelyReply_shouldWithdrawABreachRecordedEarlier() {
        ingest.ingest(DEMO_MERCHANT, List.of(msg("e1", "c1", "2026-10-03T10:00:00", "CS_CHAT")));
        assertEquals(1, breaches.active(DEMO).size(), "deadline long past on arrival: breached at once");
        ingest.ingest(DEMO_MERCHANT, List.of(reply("e2", "c1", "2026-10-03T10:00:50")));
        assertTrue(breaches.active(DEMO).isEmpty(), "the clock was met after all");
        ingest.ingest(DEMO_MERCHANT, List.of(msg("e0", "c1", "2026-10-03T09:58:00", null)));
        assertEquals(1, breaches.active(DEMO).size(), "an earlier question moved the start: late again");
        assertEquals(at("2026-10-03T09:59:00"), breaches.active(DEMO).get(0).deadline());
    }

    @Test
    void liveClock_isNotBreachedBeforeItsDeadline_andIsOnceTimeHasPassed_onTheNextEvent() {
        clock.set(at("2026-10-03T10:00:10"));
        ingest.ingest(DEMO_MERCHANT, List.of(msg("e1", "c1", "2026-10-03T10:00:00", "CS_CHAT")));
        assertTrue(breaches.active(DEMO).isEmpty());
        clock.set(at("2026-10-03T10:01:30"));
        ingest.ingest(DEMO_MERCHANT, List.of(msg("e2", "c1", "2026-10-03T10:01:20", null)));
        assertEquals(1, breaches.active(DEMO).size());
        var b = breaches.active(DEMO).get(0);
        assertEquals(at("2026-10-03T10:01:30"), b.detectedAt());
        // a late reply keeps the same breach, with its first detection time
        clock.set(at("2026-10-03T10:03:00"));
        ingest.ingest(DEMO_MERCHANT, List.of(reply("e3", "c1", "2026-10-03T10:02:00")));
        assertEquals(1, breaches.active(DEMO).size());
        assertEquals(b.breachId(), breaches.active(DEMO).get(0).breachId());
        assertEquals(at("2026-10-03T10:01:30"), breaches.active(DEMO).get(0).detectedAt());
        assertEquals(at("2026-10-03T10:02:00"), breaches.active(DEMO).get(0).clock().answeredAt());
    }

    @Test
    void contention_shouldBeRetried_withTheOtherWritersEventsKept() {
        ingest.ingest(DEMO_MERCHANT, List.of(msg("e1", "c1", "2026-10-03T10:00:00", "CS_CHAT")));
        // another instance writes between our read and our write: the store refuses once
        var racing = new ConversationStore() {
            boolean raced;

            @Override
            public Map<ConversationId, StoredConversation> loadAll(MerchantId m,
                    Collection<ConversationId> ids) {
                return conversations.loadAll(m, ids);
            }

            @Override
            public Loaded loadWithReports(MerchantId m, Collection<ConversationId> ids,
                    Collection<String> customers) {
                return conversations.loadWithReports(m, ids, customers);
            }

            @Override
            public void recordReports(MerchantId m, String customer,
                    Collection<CustomerReport> reports) {
                conversations.recordReports(m, customer, reports);
            }

            @Override
            public void forgetReports(MerchantId m, String customer) {
                conversations.forgetReports(m, customer);
            }

            @Override
            public Optional<StoredConversation> load(MerchantId m, ConversationId id) {
                return conversations.load(m, id);
            }

            @Override
            public List<ResponseTimes> responseTimes(MerchantId m, Cycle c) {
                return conversations.responseTimes(m, c);
            }

            @Override
            public List<ConversationKpi> kpiChanges(int shard, Instant after,
                    Instant upTo) {
                return conversations.kpiChanges(shard, after, upTo);
            }

            @Override
            public List<ConversationKpi> kpiVectors(MerchantId m, Cycle c) {
                return conversations.kpiVectors(m, c);
            }

            @Override
            public List<ConversationId> ofCustomer(MerchantId m, String customer,
                    Instant since) {
                return conversations.ofCustomer(m, customer, since);
            }

            @Override
            public void save(StoredConversation next, long expectedVersion) {
                if (!raced) {
                    raced = true;
                    ingest.ingest(DEMO_MERCHANT, List.of(reply("e2", "c1", "2026-10-03T10:00:30")));
                }
                conversations.save(next, expectedVersion);
            }
        };
        new IngestEventBatch(racing, breaches, clock)
                .ingest(DEMO_MERCHANT, List.of(msg("e3", "c1", "2026-10-03T10:05:00", null)));
        var stored = conversations.load(DEMO, new ConversationId("c1")).orElseThrow();
        assertEquals(List.of("e1", "e2", "e3"), stored.conversation().events().stream().map(e -> e.eventId()).toList());
        assertEquals(3, stored.version());
        assertTrue(breaches.active(DEMO).stream().noneMatch(b -> b.clock().type().name().equals("FIRST_REPLY")
                && b.conversationId().value().equals("c1")));
    }
}
