package com.replyguard.deadline;

import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.replyguard.ports.Due;
import com.replyguard.ports.WheelWatermark;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import com.replyguard.usecase.DeadlineWheel;
import com.replyguard.usecase.EscalateDueClocks;
import com.replyguard.usecase.IngestEventBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline λ's handler on the scheduler's payload: one turn of the wheel over the window it is
 * given, cut to the invocation's remaining time, handing each due clock over at its instant and
 * answering the turn's statistics.
 */
class DeadlineTickHandlerTest {
    private MutableClock clock;
    private InMemoryConversationStore conversations;
    private final List<Due> handed = new ArrayList<>();
    private Optional<Instant> watermark = Optional.empty();
    private DeadlineTickHandler handler;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at("2026-10-03T10:00:00"));
        conversations = new InMemoryConversationStore();
        WheelWatermark store = new WheelWatermark() {
            @Override
            public Optional<Instant> load() {
                return watermark;
            }

            @Override
            public void save(Instant w) {
                watermark = Optional.of(w);
            }
        };
        InMemoryBreachStore breaches = new InMemoryBreachStore();
        EscalateDueClocks escalation = new EscalateDueClocks(conversations, id -> Optional.of(DEMO_MERCHANT),
                breaches, events -> { }, clock);
        // hand-overs are recorded and escalated, as the escalation function would (which moves each conversation's due instant)
        handler = new DeadlineTickHandler(new DeadlineWiring(new DeadlineWheel(conversations, due -> {
            handed.addAll(due);
            escalation.handle(due);
        }, store, clock, clock::set), clock));
        // a chat at 10:00:00: warned at 10:00:48 (80% of 60 s), breached at 10:01:00.001
        new IngestEventBatch(conversations, new InMemoryBreachStore(), clock).ingest(DEMO_MERCHANT,
                List.of(raw("eventId", "e1", "type", "customer.message", "conversationId", "c1", "channel", "CS_CHAT",
                        "occurredAt", "2026-10-03T10:00:00+08:00", "customerId", "b1")));
    }

    @Test
    void aTurn_handsEachDueClockOverAtItsInstant_andAnswersItsStatistics() {
        Map<String, Object> out = handler.handleRequest(Map.of("windowSeconds", 70), null);
        assertEquals(List.of(at("2026-10-03T10:00:48"), at("2026-10-03T10:01:00.001")), handed.stream().map(Due::dueAt).toList(),
                "the warning, then the breach");
        assertEquals(2, out.get("handed"));
        assertEquals(0L, out.get("maxLagMs"), "handed over at its instant");
        assertTrue((int) out.get("reads") >= 60, "a read about every second over 70 s: " + out);
        assertEquals(at("2026-10-03T10:01:10").minusSeconds(DeadlineWheel.OVERLAP.toSeconds()).toString(), out.get("watermark"),
                "the next turn resumes 10 s before the end of this one");
    }

    @Test
    void theWindow_isCutToTheInvocationsRemainingTime() {
        Instant start = clock.instant();
        handler.handleRequest(Map.of("windowSeconds", 70), remaining(20_000));
        assertEquals(start.plusSeconds(15), clock.instant(), "20 s left: a 15 s turn, 5 s kept to save and return");
    }

    private static Context remaining(int millis) {
        return new Context() {
            public String getAwsRequestId() { return "r"; }
            public String getLogGroupName() { return "g"; }
            public String getLogStreamName() { return "s"; }
            public String getFunctionName() { return "DeadlineFunction"; }
            public String getFunctionVersion() { return "1"; }
            public String getInvokedFunctionArn() { return "arn"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return millis; }
            public int getMemoryLimitInMB() { return 1024; }
            public LambdaLogger getLogger() { return null; }
        };
    }
}
