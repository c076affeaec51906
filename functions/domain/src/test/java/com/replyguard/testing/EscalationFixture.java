package com.replyguard.testing;

import static com.replyguard.testing.Events.DEMO_MERCHANT;

import com.replyguard.usecase.EscalateDueClocks;
import com.replyguard.usecase.IngestEventBatch;
import java.time.Instant;
import java.util.Optional;

/**
 * The webhook's ingest and the escalation λ's use case over in-memory stores, for the demo
 * merchant, on a test clock: what the escalation, excuse and acknowledgement tests start from.
 */
public final class EscalationFixture {
    public final MutableClock clock;
    public final InMemoryConversationStore conversations = new InMemoryConversationStore();
    public final InMemoryBreachStore breaches = new InMemoryBreachStore();
    public final RecordingPublisher bus = new RecordingPublisher();
    public final IngestEventBatch webhook;
    public final EscalateDueClocks escalation;

    public EscalationFixture(Instant start) {
        clock = new MutableClock(start);
        webhook = new IngestEventBatch(conversations, breaches, clock);
        escalation = new EscalateDueClocks(conversations, id -> Optional.of(DEMO_MERCHANT), breaches, bus, clock);
    }
}
