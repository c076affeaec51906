package com.replyguard.usecase;

import com.replyguard.testing.Policies;
import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.clock.ClockStatus;
import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.UrgencyRules;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.PolicyHistory;
import com.replyguard.merchant.PolicyVersion;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A policy change never rewrites history: every clock is judged by the policy version in force at
 * its start, and says which version that was. A chat answered in 50 s under the 60 s target stays
 * MET when the target later drops to 45 s - in its timeline, its breaches, the next event on it and
 * its back-filled neighbours; a chat starting after the change is judged by 45 s; resetting the
 * target later changes neither.
 */
class PolicyVersionsTest {
    private static final Instant CHANGE = at("2026-10-03T12:00:00");
    private static final Instant RESET = at("2026-10-03T15:00:00");
    private MutableClock clock;
    private InMemoryConversationStore conversations;
    private InMemoryBreachStore breaches;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at("2026-10-03T10:10:00"));
        conversations = new InMemoryConversationStore();
        breaches = new InMemoryBreachStore();
    }

    private static PolicyVersion firstReplyIn(Duration elsewhere) {
        SlaPolicy p = Policies.withTarget(SlaPolicy.DEFAULT, ClockType.FIRST_REPLY,
                new SlaPolicy.Targets(Duration.ofSeconds(30), elsewhere, null, null));
        Merchant m = DEMO_MERCHANT;
        return new PolicyVersion(0, null, p, UrgencyRules.DEFAULT, m.assessedHours(), m.discipline(), m.shifts());
    }

    /** The merchant as the functions see it at each moment: version 0 (60 s), then 45 s from CHANGE, then 60 s from RESET. */
    private static Merchant merchantWith(int versions) {
        PolicyHistory h = DEMO_MERCHANT.policies();
        if (versions > 1) {
            h = h.plus(CHANGE, firstReplyIn(Duration.ofSeconds(45)));
        }
        if (versions > 2) {
            h = h.plus(RESET, firstReplyIn(Duration.ofSeconds(60)));
        }
        return DEMO_MERCHANT.withPolicies(h);
    }

    private void ingest(Merchant m, RawEvent... events) {
        new IngestEventBatch(conversations, breaches, clock).ingest(m, List.of(events));
    }

    private static RawEvent customer(String id, String conversation, String time) {
        return raw("eventId", id, "type", "customer.message", "conversationId", conversation, "channel", "CS_CHAT",
                "occurredAt", "2026-10-03T" + time + "+08:00", "customerId", "buyer-" + conversation);
    }

    private static RawEvent agent(String id, String conversation, String time) {
        return raw("eventId", id, "type", "agent.message", "conversationId", conversation, "agentId", "agent-7",
                "occurredAt", "2026-10-03T" + time + "+08:00");
    }

    private ShowConversation.ClockView firstReply(Merchant m, String conversation) {
        return new ShowConversation(conversations, clock).show(m, new ConversationId(conversation)).orElseThrow().clocks().stream()
                .filter(c -> c.clock().type() == ClockType.FIRST_REPLY).findFirst().orElseThrow();
    }

    @Test
    void aClockIsJudgedByThePolicyInForceAtItsStart_whateverChangesLater() {
        // 10:00 a chat answered in 50 s: met under 60 s (version 0)
        ingest(merchantWith(1), customer("a1", "A", "10:00:00"), agent("a2", "A", "10:00:50"));
        assertEquals(ClockStatus.MET, firstReply(merchantWith(1), "A").status());
        // 12:00 the supervisor lowers the target to 45 s (version 1)
        clock.set(CHANGE.plusSeconds(60));
        Merchant now = merchantWith(2);
        ShowConversation.ClockView a = firstReply(now, "A");
        assertEquals(ClockStatus.MET, a.status(), "the timeline does not rewrite a clock that started before the change");
        assertEquals(0, a.clock().policyVersion());
        assertEquals(null, a.breachId());
        // the next event on it, and a back-filled neighbour from before the change, are judged by version 0 too
        ingest(now, customer("a3", "A", "10:05:00"), agent("a4", "A", "10:05:30"),
                customer("b1", "B", "11:00:00"), agent("b2", "B", "11:00:50"));
        assertTrue(breaches.active(DEMO).isEmpty(), "nothing breached, no agent charged: " + breaches.active(DEMO));
        assertEquals(ClockStatus.MET, firstReply(now, "B").status());
        // 13:00 a chat answered in 50 s after the change: breached under 45 s, judged by version 1
        clock.set(at("2026-10-03T13:05:00"));
        ingest(now, customer("c1", "C", "13:00:00"), agent("c2", "C", "13:00:50"));
        ShowConversation.ClockView c = firstReply(now, "C");
        assertEquals(ClockStatus.BREACHED, c.status());
        assertEquals(1, c.clock().policyVersion());
        assertEquals(1, breaches.active(DEMO).size());
        assertEquals(c.breachId(), breaches.active(DEMO).get(0).breachId(), "the timeline's breach is the one listed");
        assertEquals(1, breaches.active(DEMO).get(0).clock().policyVersion());
        // 15:00 the target goes back to 60 s (version 2): C stays breached, A stays met
        clock.set(RESET.plusSeconds(60));
        Merchant reset = merchantWith(3);
        ingest(reset, agent("c3", "C", "13:02:00"));
        assertEquals(ClockStatus.BREACHED, firstReply(reset, "C").status());
        assertEquals(ClockStatus.MET, firstReply(reset, "A").status());
        assertEquals(1, breaches.active(DEMO).size());
        // and a chat after the reset is judged by version 2
        clock.set(at("2026-10-03T16:05:00"));
        ingest(reset, customer("d1", "D", "16:00:00"), agent("d2", "D", "16:00:50"));
        assertEquals(ClockStatus.MET, firstReply(reset, "D").status());
        assertEquals(2, firstReply(reset, "D").clock().policyVersion());
    }

    @Test
    void theVersionInForceIsTheLatestStartedAtOrBeforeTheInstant() {
        PolicyHistory h = merchantWith(3).policies();
        assertEquals(0, h.at(CHANGE.minusMillis(1)).number());
        assertEquals(1, h.at(CHANGE).number(), "a clock starting at the change's instant is judged by the new version");
        assertEquals(1, h.at(RESET.minusMillis(1)).number());
        assertEquals(2, h.at(RESET).number());
        assertEquals(2, h.current().number());
    }
}
