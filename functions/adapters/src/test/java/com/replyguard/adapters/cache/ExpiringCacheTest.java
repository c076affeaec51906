package com.replyguard.adapters.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The configuration caches' one mechanism: kept for the time to live, absence kept too, failures never. */
class ExpiringCacheTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final ExpiringCache<String, Optional<String>> cache = new ExpiringCache<>(Duration.ofSeconds(60), clock);
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<String> load(String key) {
        loads.incrementAndGet();
        return key.equals("absent") ? Optional.empty() : Optional.of(key + "#" + loads.get());
    }

    @Test
    void aValue_isKeptUntilItsTimeToLiveHasPassed_thenReadAgain() {
        assertEquals(Optional.of("m#1"), cache.get("m", this::load));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.of("m#1"), cache.get("m", this::load));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of("m#2"), cache.get("m", this::load), "60 s after the read it is read again");
        assertEquals(2, loads.get());
    }

    @Test
    void absence_isKept_butAFailedLoadKeepsNothing_andForgetRereads() {
        assertEquals(Optional.empty(), cache.get("absent", this::load));
        assertEquals(Optional.empty(), cache.get("absent", this::load));
        assertEquals(1, loads.get());
        assertThrows(IllegalStateException.class, () -> cache.get("down", k -> {
            throw new IllegalStateException("store unreachable");
        }));
        assertEquals(Optional.of("down#2"), cache.get("down", this::load), "the failure was not kept");
        cache.forget("down");
        assertEquals(Optional.of("down#3"), cache.get("down", this::load));
    }
}
