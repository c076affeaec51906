package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.conversation.ConversationId;
import com.replyguard.intake.RawEvent;
import com.replyguard.ports.Due;
import com.replyguard.ports.WheelWatermark;
import com.replyguard.testing.EscalationFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline wheel and the escalation λ together, with a test clock: a live clock breaches at its
 * deadline with no further event, exactly once whatever the deliveries, escalates through the
 * ladder, survives dropped ticks and a crash between the breach write and the publish.
 */
class EscalationAndWheelTest {
    private EscalationFixture f;
    private Optional<Instant> savedWatermark;
    private final WheelWatermark watermark = new WheelWatermark() {
        @Override
        public Optional<Instant> load() {
            return savedWatermark;
        }

        @Override
        public void save(Instant w) {
            savedWatermark = Optional.of(w);
        }
    };

    @BeforeEach
    void setUp() {
        f = new EscalationFixture(at("2026-10-03T10:00:00"));
        savedWatermark = Optional.empty();
    }

    /** A wheel whose sleeps move the test f.clock; hand-overs go straight to f.escalation. */
    private DeadlineWheel wheel(List<Due> handed) {
        return new DeadlineWheel(f.conversations, due -> {
            handed.addAll(due);
            f.escalation.handle(due);
        }, watermark, f.clock, until -> f.clock.set(until));
    }

    private static RawEvent asks(String id, String conv, String time) {
        return raw("eventId", id, "type", "customer.message", "conversationId", conv, "channel", "CS_CHAT",
                "occurredAt", "2026-10-03T" + time + "+08:00", "customerId", "buyer");
    }

    private static RawEvent answers(String id, String conv, String time) {
        return raw("eventId", id, "type", "agent.message", "conversationId", conv,
                "occurredAt", "2026-10-03T" + time + "+08:00", "agentId", "presales-zhang");
    }

    @Test
    void unansweredChat_warnsBreachesAndEscalates_eachAtItsInstant_withNoFurtherEvent() throws Exception {
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:00")));
        List<Due> handed = new ArrayList<>();
        DeadlineWheel.Turn turn = wheel(handed).turn(Duration.ofSeconds(400));
        assertEquals(List.of("SlaAtRisk:FIRST_REPLY", "SlaBreached:FIRST_REPLY:L1", "SlaEscalated:FIRST_REPLY:L2",
                "SlaEscalated:FIRST_REPLY:L3"), f.bus.kinds());
        assertEquals(at("2026-10-03T10:01:00.001"), f.bus.published.get(1).alert().dueAt(), "the instant after the deadline");
        assertEquals(at("2026-10-03T10:01:00.001"), f.bus.published.get(1).publishedAt(), "handed over at its instant");
        assertTrue(turn.lags().stream().allMatch(l -> l.isZero()), turn.lags().toString());
        assertEquals(1, f.breaches.active(DEMO).size());
        assertEquals(at("2026-10-03T10:01:00.001"), f.breaches.active(DEMO).get(0).detectedAt());
        // the round of the first message is an R14 unit too: nothing else is owed, the entry leaves the index
        assertTrue(f.conversations.dueBetween(at("2026-10-03T09:00:00"), at("2026-10-04T00:00:00")).isEmpty());
    }

    @Test
    void answerInTime_owesNothing_andAnAnswerBetweenLevelsStopsTheLadder() throws Exception {
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:00"), asks("m2", "c2", "10:00:00")));
        f.clock.set(at("2026-10-03T10:00:40"));
        f.webhook.ingest(DEMO_MERCHANT, List.of(answers("a1", "c1", "10:00:40")));
        f.clock.set(at("2026-10-03T10:02:00"));
        wheel(new ArrayList<>()).turn(Duration.ofSeconds(1)); // catches the warning and breach of c2
        f.webhook.ingest(DEMO_MERCHANT, List.of(answers("a2", "c2", "10:02:00")));
        wheel(new ArrayList<>()).turn(Duration.ofSeconds(600));
        assertEquals(List.of("SlaAtRisk:FIRST_REPLY", "SlaBreached:FIRST_REPLY:L1"), f.bus.kinds());
        assertEquals("c2", f.bus.published.get(1).conversation().value());
        assertEquals(1, f.breaches.active(DEMO).size());
        assertEquals(at("2026-10-03T10:02:00"), f.breaches.active(DEMO).get(0).clock().answeredAt());
    }

    @Test
    void answerThatArrivesLate_butWasInTime_withdrawsTheBreachTheWheelRecorded() throws Exception {
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:00")));
        wheel(new ArrayList<>()).turn(Duration.ofSeconds(70));
        assertEquals(1, f.breaches.active(DEMO).size());
        // the platform delivers the agent's 10:00:50 reply only at 10:01:10
        f.clock.set(at("2026-10-03T10:01:10"));
        f.webhook.ingest(DEMO_MERCHANT, List.of(answers("a1", "c1", "10:00:50")));
        assertTrue(f.breaches.active(DEMO).isEmpty(), "met in time: no breach");
    }

    @Test
    void repeatedAndConcurrentDeliveries_recordOneBreach_andPublishEachAlertWithOneId() throws Exception {
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:00")));
        f.clock.set(at("2026-10-03T10:01:00.001"));
        Due due = new Due(DEMO, new ConversationId("c1"), at("2026-10-03T10:00:48"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 16; i++) {
            pool.submit(() -> {
                go.await();
                return f.escalation.handle(List.of(due, due));
            });
        }
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        f.escalation.handle(List.of(due));
        assertEquals(1, f.breaches.active(DEMO).size());
        List<String> ids = f.bus.published.stream().map(e -> e.eventId()).distinct().toList();
        assertEquals(2, ids.size(), "one warning and one breach, whatever went twice: " + f.bus.kinds());
    }

    @Test
    void crashBetweenTheBreachWriteAndThePublish_thePublishHappensOnTheNextHandOver() throws Exception {
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:00")));
        f.clock.set(at("2026-10-03T10:01:00.001"));
        f.bus.failNext = 1;
        Due due = new Due(DEMO, new ConversationId("c1"), at("2026-10-03T10:00:48"));
        assertThrows(IllegalStateException.class, () -> f.escalation.handle(List.of(due)));
        assertEquals(1, f.breaches.active(DEMO).size(), "the breach is recorded");
        assertTrue(f.bus.published.isEmpty());
        var stored = f.conversations.load(DEMO, new ConversationId("c1")).orElseThrow();
        assertEquals(2, stored.pending().size(), "warning and breach wait in the outbox");
        assertEquals(f.clock.instant(), stored.nextDue(), "due at once, so the wheel hands it over again");
        wheel(new ArrayList<>()).turn(Duration.ofSeconds(2));
        assertEquals(List.of("SlaAtRisk:FIRST_REPLY", "SlaBreached:FIRST_REPLY:L1"), f.bus.kinds().subList(0, 2));
        assertTrue(f.conversations.load(DEMO, new ConversationId("c1")).orElseThrow().pending().isEmpty());
        assertEquals(1, f.breaches.active(DEMO).size());
    }

    @Test
    void droppedTicks_areCaughtByTheNextTurn_fromTheWatermark() throws Exception {
        savedWatermark = Optional.of(at("2026-10-03T09:59:00"));
        wheel(new ArrayList<>()).turn(Duration.ofSeconds(5)); // a turn that leaves its watermark at 09:59:55
        f.clock.set(at("2026-10-03T10:00:06"));
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:06"), asks("m2", "c2", "10:00:30")));
        // three ticks are lost: nothing runs from 10:00:06 to 10:03:30
        f.clock.set(at("2026-10-03T10:03:30"));
        List<Due> handed = new ArrayList<>();
        wheel(handed).turn(Duration.ofSeconds(70));
        assertEquals(2, f.breaches.active(DEMO).size(), "no missed breach");
        assertTrue(f.breaches.active(DEMO).stream().allMatch(b -> !b.detectedAt().isAfter(at("2026-10-03T10:03:35"))),
                "the backlog is read a few minutes a second: caught within seconds of the turn's start: " + f.breaches.active(DEMO).stream().map(b -> b.conversationId() + "@" + b.detectedAt()).toList());
        assertTrue(f.bus.kinds().contains("SlaEscalated:FIRST_REPLY:L2"), f.bus.kinds().toString());
    }

    @Test
    void theFirstTurnEver_readsBackToTheStalenessHorizon_withinSeconds() throws Exception {
        f.clock.set(at("2026-10-03T10:30:00"));
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:29:00")));
        f.clock.set(at("2026-10-03T10:35:00"));
        wheel(new ArrayList<>()).turn(Duration.ofSeconds(30));
        assertEquals(1, f.breaches.active(DEMO).size());
        assertTrue(!f.breaches.active(DEMO).get(0).detectedAt().isAfter(at("2026-10-03T10:35:15")),
                f.breaches.active(DEMO).get(0).detectedAt().toString());
    }

    @Test
    void historyBackfilled_isRecordedButNotAnnounced() throws Exception {
        f.clock.set(at("2026-10-04T10:00:00"));
        f.webhook.ingest(DEMO_MERCHANT, List.of(asks("m1", "c1", "10:00:00")));
        wheel(new ArrayList<>()).turn(Duration.ofSeconds(5));
        assertEquals(1, f.breaches.active(DEMO).size());
        assertTrue(f.bus.published.isEmpty(), "a day-old breach is not paged to anyone");
        assertTrue(f.conversations.dueBetween(at("2026-10-01T00:00:00"), at("2026-10-05T00:00:00")).isEmpty());
    }
}
