package com.replyguard.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.assessment.Cycle;
import com.replyguard.clock.ClockType;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The one codec of the counters' stored keys: every key written before it reads the same, and a typo is refused. */
class CounterKeyTest {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();

    @Test
    void keysInTheStoredFormat_decodeToTheirParts_andEncodeBackUnchanged() {
        // keys as the counters of earlier versions hold them
        for (String stored : List.of("2026-10-H1|all|fr.met", "2026-10-H1|channel:CS_CHAT|r3.late@1790000000123",
                "2026-10-H1|category:-|sat.rated", "2026-10-H1|channelCategory:LIVE_COMMENT/LOGISTICS|clk.HANDOFF_PICKUP.late",
                "2026-10-H1|agent:li@shop.example|2|op.round.ms@1790000000000", "2026-10-H1|case:RETURN_NO_REASON|as.in12h",
                "2026-10-H1|all|conv.n", "1969-12-H2|all|fr.late")) {
            assertEquals(stored, CounterKey.decode(stored).encode(), stored);
        }
        CounterKey k = CounterKey.decode("2026-10-H1|agent:li@shop.example|2|op.round.ms@1790000000000");
        assertEquals(OCT_H1, k.cycle());
        assertEquals(Dimension.agent("li@shop.example|2"), k.dimension(), "an agent id may hold | and @");
        assertEquals(Metric.ROUND_MILLIS, k.metric());
        assertEquals(Instant.ofEpochMilli(1_790_000_000_000L), k.pendingUntil());
    }

    @Test
    void theTypedConstructors_writeTheStoredFormat() {
        assertEquals("2026-10-H1|channel:CS_CHAT|fr.met", CounterKey.of(OCT_H1, Dimension.channel(Channel.CS_CHAT),
                Metric.FIRST_REPLY_MET).encode());
        assertEquals("2026-10-H1|category:PRODUCT_QUALITY|sat.met", CounterKey.of(OCT_H1,
                Dimension.category(Optional.of(AfterSalesCategory.PRODUCT_QUALITY_DEFECT.top())), Metric.SATISFIED).encode());
        assertEquals("2026-10-H1|agent:-|clk.FIRST_REPLY.n", CounterKey.of(OCT_H1, Dimension.agent(null),
                Metric.clocksStarted(ClockType.FIRST_REPLY)).encode());
        assertEquals("2026-10-H1|channelCategory:CS_CHAT/-|op.conv", CounterKey.of(OCT_H1,
                Dimension.channelCategory(Channel.CS_CHAT, Optional.empty()), Metric.CONVERSATIONS_OPERATED).encode());
    }

    @Test
    void aTypoInAStoredKey_isRefused_neverReadAsZero() {
        for (String bad : List.of("2026-10-H1|all|fr.mett", "2026-10-H1|agnt:li|fr.met", "2026-10-H1|fr.met", "garbage",
                "2026-13-H1|all|fr.met", "2026-10-H1|all|fr.met@soon", "2026-10-H1|all|clk.LUNCH.n")) {
            assertThrows(IllegalArgumentException.class, () -> CounterKey.decode(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new KpiFigures(OCT_H1, Instant.EPOCH, Map.of("2026-10-H1|all|fr.mett", 1L)));
    }

    @Test
    void aPendingCount_addsToItsMetricOnlyOnceItsInstantHasPassed() {
        CounterKey pending = CounterKey.decode("2026-10-H1|all|fr.late@1790000000000");
        assertFalse(pending.countsAt(Instant.ofEpochMilli(1_790_000_000_000L)), "at the instant itself: not yet");
        assertTrue(pending.countsAt(Instant.ofEpochMilli(1_790_000_000_001L)));
        KpiVector v = new KpiVector(new TreeMap<>(Map.of("2026-10-H1|all|fr.late@1790000000000", 1L, "2026-10-H1|all|fr.late", 2L)));
        assertEquals(Map.of("2026-10-H1|all|fr.late", 3L), v.settled(Instant.ofEpochMilli(1_790_000_000_001L)).counts());
        assertEquals(v, v.settled(Instant.ofEpochMilli(1_790_000_000_000L)), "not before its instant");
        KpiFigures f = new KpiFigures(OCT_H1, Instant.ofEpochMilli(1_790_000_000_001L), v.counts());
        assertEquals(3, f.counts(Dimension.ALL).get(Metric.FIRST_REPLY_LATE));
    }
}
