package com.replyguard.assessment;

import static com.replyguard.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R17: half-month cycles in China time. */
class CycleR17Test {

    @Test
    void containing_shouldSplitTheMonthAtThe16th_inChinaTime() {
        assertEquals("2026-10-H1", Cycle.containing(at("2026-10-01T00:00:00")).toString());
        assertEquals("2026-10-H1", Cycle.containing(at("2026-10-15T23:59:59")).toString());
        assertEquals("2026-10-H2", Cycle.containing(at("2026-10-16T00:00:00")).toString());
        assertEquals("2026-10-H2", Cycle.containing(at("2026-10-31T23:59:59")).toString());
        assertEquals("2026-11-H1", Cycle.containing(at("2026-11-01T00:00:00")).toString());
    }

    @Test
    void containing_shouldUseChinaTime_notUtc() {
        // 16:00 UTC on the 15th is already midnight of the 16th in China
        assertEquals("2026-10-H2", Cycle.containing(Instant.parse("2026-10-15T16:00:00Z")).toString());
        assertEquals("2026-10-H1", Cycle.containing(Instant.parse("2026-10-15T15:59:59Z")).toString());
        // 20:00 UTC on 31 Oct is 04:00 on 1 Nov in China
        assertEquals("2026-11-H1", Cycle.containing(Instant.parse("2026-10-31T20:00:00Z")).toString());
    }

    @Test
    void bounds_shouldCoverFebruaryAndLongMonths() {
        Cycle feb = Cycle.parse("2028-02-H2").orElseThrow();
        assertEquals("2028-02-16T00:00+08:00", feb.from().toString());
        assertEquals("2028-03-01T00:00+08:00", feb.to().toString());
        Cycle oct = Cycle.parse("2026-10-H2").orElseThrow();
        assertEquals("2026-11-01T00:00+08:00", oct.to().toString());
        Cycle dec = Cycle.parse("2026-12-H2").orElseThrow();
        assertEquals("2027-01-01T00:00+08:00", dec.to().toString());
        assertEquals("2027-01-H1", dec.next().toString());
        assertEquals("2026-12-H1", dec.previous().toString());
        assertEquals(Cycle.parse("2026-10-H1").orElseThrow().to(), Cycle.parse("2026-10-H2").orElseThrow().from());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-H1", "2026-00-H1", "2026-10-H3", "2026-1-H1", "26-10-H1", "2026-10", "", "2026-10-h1"})
    void parse_shouldRefuseMalformedCycles(String text) {
        assertTrue(Cycle.parse(text).isEmpty(), text);
    }
}
