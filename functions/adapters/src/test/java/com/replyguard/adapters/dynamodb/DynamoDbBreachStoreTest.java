package com.replyguard.adapters.dynamodb;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.breach.Breach;
import com.replyguard.breach.BreachPage;
import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaClock;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.ConversationId;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.BreachStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Breaches: exactly one per clock, first detection kept, stale writes ignored, listed by deadline in pages. */
class DynamoDbBreachStoreTest {
    private DynamoDbBreachStore store;

    @BeforeEach
    void setUp() {
        store = new DynamoDbBreachStore(SharedDynalite.client(), SharedDynalite.freshTables().tableName("BreachesTable"));
    }

    private static Breach breach(MerchantId m, String conv, Instant start, Instant answeredAt, Instant detectedAt) {
        SlaClock c = new SlaClock(ClockType.FIRST_REPLY, "FIRST_REPLY", Channel.CS_CHAT, false, start, "e-" + conv,
                start.plusSeconds(60), answeredAt, answeredAt == null ? null : "r-" + conv, answeredAt == null ? null : "agent-7");
        return Breach.of(m, new ConversationId(conv), c, detectedAt);
    }

    @Test
    void record_shouldStoreOneBreachPerClock_keepingTheFirstDetection_andRefreshingDetails() {
        Instant start = at("2026-10-03T10:00:00");
        store.record(breach(DEMO, "c1", start, null, at("2026-10-03T10:01:05")), 1);
        store.record(breach(DEMO, "c1", start, null, at("2026-10-03T10:01:09")), 1); // redelivery
        store.record(breach(DEMO, "c1", start, at("2026-10-03T10:02:00"), at("2026-10-03T10:02:01")), 2); // late answer
        store.record(breach(DEMO, "c1", start, null, at("2026-10-03T10:05:00")), 1); // stale writer
        List<Breach> all = store.list(DEMO, null, null, 100, null).breaches();
        assertEquals(1, all.size());
        assertEquals(at("2026-10-03T10:01:05"), all.get(0).detectedAt());
        assertEquals(at("2026-10-03T10:02:00"), all.get(0).clock().answeredAt());
        assertEquals("agent-7", all.get(0).clock().answeringAgentId());
        assertEquals(at("2026-10-03T10:01:00"), all.get(0).deadline());
    }

    @Test
    void retract_shouldHideTheBreach_andAStaleRecordMayNotRevive_it() {
        Instant start = at("2026-10-03T10:00:00");
        store.record(breach(DEMO, "c1", start, null, start.plusSeconds(61)), 1);
        store.retract(DEMO, Breach.idOf(new ConversationId("c1"), "FIRST_REPLY"), 2);
        assertTrue(store.list(DEMO, null, null, 100, null).breaches().isEmpty());
        store.record(breach(DEMO, "c1", start, null, start.plusSeconds(61)), 1);
        assertTrue(store.list(DEMO, null, null, 100, null).breaches().isEmpty());
        store.record(breach(DEMO, "c1", start, null, start.plusSeconds(61)), 3);
        assertEquals(1, store.list(DEMO, null, null, 100, null).breaches().size());
    }

    @Test
    void list_shouldPageInDeadlineOrder_withinTheWindow_andOnlyTheMerchantsOwn() {
        Instant t0 = at("2026-10-03T10:00:00");
        for (int i = 0; i < 25; i++) {
            // deliberately written out of order
            int k = (i * 7) % 25;
            store.record(breach(DEMO, "c" + k, t0.plusSeconds(60L * k), null, t0.plusSeconds(60L * k + 61)), 1);
        }
        store.record(breach(new MerchantId("other"), "c1", t0, null, t0.plusSeconds(61)), 1);
        List<Instant> deadlines = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            BreachPage page = store.list(DEMO, null, null, 10, token);
            page.breaches().forEach(b -> deadlines.add(b.deadline()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(25, deadlines.size());
        for (int i = 1; i < deadlines.size(); i++) {
            assertTrue(deadlines.get(i - 1).isBefore(deadlines.get(i)));
        }
        // filters on deadline, both ends inclusive; a full last page has no next token
        BreachPage window = store.list(DEMO, t0.plusSeconds(60 + 60), t0.plusSeconds(60 * 5 + 60), 5, null);
        assertEquals(5, window.breaches().size());
        assertNull(window.nextToken());
        assertEquals(t0.plusSeconds(120), window.breaches().get(0).deadline());
    }

    @Test
    void excuse_isAuditedOnce_andAgentsBreachesAreListedPerCycle() {
        Instant t0 = at("2026-10-15T23:50:00");
        SlaClock late = new SlaClock(ClockType.FIRST_REPLY, "FIRST_REPLY", Channel.CS_CHAT, false, t0, "m1",
                t0.plusSeconds(60), t0.plusSeconds(90), "a1", "zhang");
        SlaClock nextCycle = new SlaClock(ClockType.FIRST_REPLY, "FIRST_REPLY", Channel.CS_CHAT, false, t0.plusSeconds(600),
                "m2", t0.plusSeconds(660), null, null, null);
        store.record(Breach.of(DEMO, new ConversationId("c1"), late, t0.plusSeconds(61), "zhang"), 1);
        store.record(Breach.of(DEMO, new ConversationId("c2"), nextCycle, t0.plusSeconds(661), "zhang"), 1);
        store.record(Breach.of(DEMO, new ConversationId("c3"), late, t0.plusSeconds(61), null), 1);
        Cycle h1 = Cycle.parse("2026-10-H1").orElseThrow();
        assertEquals(1, store.ofAgent(DEMO, "zhang", h1).size());
        assertEquals(1, store.ofAgent(DEMO, "zhang", h1.next()).size(), "its deadline fell on the 16th");
        String id = Breach.idOf(new ConversationId("c1"), "FIRST_REPLY");
        store.excuse(DEMO, id, new Breach.Excuse("chat tool outage", "lead-sun", t0.plusSeconds(3600)));
        store.excuse(DEMO, id, new Breach.Excuse("second thoughts", "lead-li", t0.plusSeconds(7200)));
        Breach excused = store.find(DEMO, id).orElseThrow();
        assertEquals("chat tool outage", excused.excuse().reason());
        assertEquals("lead-sun", excused.excuse().by());
        store.record(Breach.of(DEMO, new ConversationId("c1"), late, t0.plusSeconds(99), "zhang"), 2);
        assertEquals("chat tool outage", store.find(DEMO, id).orElseThrow().excuse().reason(), "newer versions keep the excuse");
        assertTrue(store.ofAgent(DEMO, "zhang", h1).get(0).isExcused());
        store.retract(DEMO, id, 3);
        assertTrue(store.find(DEMO, id).isEmpty());
        assertTrue(store.ofAgent(DEMO, "zhang", h1).isEmpty());
    }

    @Test
    void complaints_countPerAgentAndCycle_areVersionGuarded_andNeverListedAsBreaches() {
        Cycle h1 = Cycle.parse("2026-10-H1").orElseThrow();
        store.recordComplaint(DEMO, new ConversationId("c1"), "chen", at("2026-10-03T11:00:00"), 2);
        store.recordComplaint(DEMO, new ConversationId("c2"), "chen", at("2026-10-04T11:00:00"), 1);
        store.recordComplaint(DEMO, new ConversationId("c1"), null, at("2026-10-03T11:00:00"), 1); // stale withdrawal
        assertEquals(2, store.complaintsAgainst(DEMO, "chen", h1));
        assertTrue(store.ofAgent(DEMO, "chen", h1).isEmpty(), "complaints are not breaches");
        store.recordComplaint(DEMO, new ConversationId("c2"), null, at("2026-10-04T11:00:00"), 2);
        assertEquals(1, store.complaintsAgainst(DEMO, "chen", h1));
        assertEquals(0, store.complaintsAgainst(new MerchantId("other"), "chen", h1));
    }

    @Test
    void list_shouldRefuseAForgedOrForeignToken() {
        Instant t0 = at("2026-10-03T10:00:00");
        for (int i = 0; i < 3; i++) {
            store.record(breach(DEMO, "c" + i, t0.plusSeconds(i), null, t0.plusSeconds(100)), 1);
        }
        String token = store.list(DEMO, null, null, 1, null).nextToken();
        assertThrows(BreachStore.InvalidPageToken.class, () -> store.list(new MerchantId("other"), null, null, 1, token));
        assertThrows(BreachStore.InvalidPageToken.class, () -> store.list(DEMO, null, null, 1, "not-a-token!"));
        assertThrows(BreachStore.InvalidPageToken.class, () -> store.list(DEMO, t0.plusSeconds(3600), null, 1, token));
    }
}
