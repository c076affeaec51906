package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import com.replyguard.kpi.Fold;
import com.replyguard.kpi.KpiVector;
import com.replyguard.kpi.SetAside;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.StoredConversation;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One conversation whose counters cannot be computed (here a stored vector with a key no cycle
 * reads, standing for any bug or data that slipped past validation - a 1969 date once did) never
 * stops counting for the others: it is set aside - reported to the monitor (metric and alarm in
 * AWS), recorded, listed by the daily check - and the shard's watermark moves on.
 */
class KpiSetAsideTest {
    private static final Merchant OTHER = new Merchant(new MerchantId("other"), List.of("s"),
            "other-customer-hash-key-0123456789".getBytes(StandardCharsets.UTF_8), DEMO_MERCHANT.assessedHours());
    private MutableClock clock;
    private InMemoryConversationStore conversations;
    private InMemoryKpiStore kpis;
    private final List<SetAside> reported = new ArrayList<>();
    private FoldKpiCounters fold;
    private CloseKpiCycles close;
    private ConversationRecorder recorder;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at("2026-10-04T09:00:00"));
        conversations = new InMemoryConversationStore();
        kpis = new InMemoryKpiStore();
        fold = new FoldKpiCounters(conversations, kpis, clock, reported::add);
        close = new CloseKpiCycles(conversations, kpis, fold, (r, revision) -> { }, clock);
        recorder = new ConversationRecorder(new InMemoryBreachStore());
    }

    /** Writes a conversation as ingest would; {@code poisoned}: with a vector key that no cycle reads. */
    private void store(Merchant m, String id, Instant customerAt, Instant replyAt, boolean poisoned) {
        ConversationId c = new ConversationId(id);
        Conversation conversation = Conversation.of(m.id(), c, List.of(
                ConversationEvent.builder(id + "-1", EventType.CUSTOMER_MESSAGE, c, customerAt).channel(Channel.CS_CHAT)
                        .customerRef("c_x").build(),
                ConversationEvent.builder(id + "-2", EventType.AGENT_MESSAGE, c, replyAt).agentId("agent-1").build()));
        StoredConversation s = recorder.next(m, StoredConversation.fresh(conversation), conversation, clock.instant(), Set.of(),
                Set.of());
        if (poisoned) {
            TreeMap<String, Long> bad = new TreeMap<>(s.kpi().counts());
            bad.put("1969-13-H3|all|fr.met", 1L);
            s = new StoredConversation(s.conversation(), s.version(), s.activeBreachKeys(), s.knownBreachKeys(),
                    s.notified(), s.pending(), s.nextDue(), s.responseTimes(), new KpiVector(bad), s.kpiChangedAt(), s.waiting());
        }
        conversations.save(s, 0);
    }

    /** A conversation id of merchant {@code m} that falls in {@code shard}. */
    private static String inShard(Merchant m, int shard, String prefix) {
        for (int i = 0; ; i++) {
            if (Fold.shardOf(m.id().value() + "#" + prefix + i) == shard) {
                return prefix + i;
            }
        }
    }

    @Test
    void aConversationThatCannotBeCounted_isSetAside_andTheOthersInItsShardAreCounted() {
        String poison = inShard(DEMO_MERCHANT, 1, "poison-");
        String healthy = inShard(OTHER, 1, "healthy-");
        store(DEMO_MERCHANT, poison, at("2026-10-04T08:58:00"), at("2026-10-04T08:58:20"), true);
        store(OTHER, healthy, at("2026-10-04T08:59:00"), at("2026-10-04T08:59:20"), false);
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 3; i++) {
            fold.pass(); // every pass: no exception escapes, and the set-aside conversation is not retried each second
            clock.advance(Duration.ofSeconds(1));
        }
        var otherCounts = kpis.read(OTHER.id(), Cycle.containing(at("2026-10-04T09:00:00"))).counts().counts();
        assertEquals(1L, otherCounts.get("2026-10-H1|all|fr.met"), "merchant other's conversation in the same shard is counted: "
                + otherCounts);
        assertTrue(kpis.foldState(1).countedThrough().isAfter(at("2026-10-04T09:00:00")), "the shard's watermark moved on");
        assertEquals(1, reported.size(), "reported once to the monitor: " + reported);
        SetAside s = reported.get(0);
        assertEquals(DEMO_MERCHANT.id(), s.merchant());
        assertEquals(poison, s.conversation().value());
        assertTrue(s.reason().contains("1969-13-H3"), s.reason());
        // the daily check lists it until a later version of the conversation can be counted
        assertEquals(List.of(poison), close.setAside().stream().map(x -> x.conversation().value()).toList());
        close.daily();
        assertEquals(1, close.setAside().size());
    }

    @Test
    void aSetAsideConversation_leavesTheListOnceALaterVersionIsCounted() {
        String poison = inShard(DEMO_MERCHANT, 2, "poison-");
        store(DEMO_MERCHANT, poison, at("2026-10-04T08:58:00"), at("2026-10-04T08:58:20"), true);
        clock.advance(Duration.ofSeconds(2));
        fold.pass();
        assertEquals(1, close.setAside().size());
        // repaired: the conversation's next version holds only plausible events
        ConversationId c = new ConversationId(poison);
        StoredConversation before = conversations.load(DEMO_MERCHANT.id(), c).orElseThrow();
        Conversation fixed = Conversation.of(DEMO_MERCHANT.id(), c, List.of(ConversationEvent.builder(poison + "-1",
                EventType.CUSTOMER_MESSAGE, c, at("2026-10-04T09:00:00")).channel(Channel.CS_CHAT).customerRef("c_x").build()));
        conversations.save(recorder.next(DEMO_MERCHANT, before, fixed, clock.instant(), Set.of(), Set.of()), before.version());
        clock.advance(Duration.ofSeconds(2));
        fold.pass();
        assertEquals(List.of(), close.setAside(), "counted now: no longer set aside");
    }
}
