package com.replyguard.adapters.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values read from a store, kept per execution environment for a time to live: merchant
 * configuration, manager tokens, stored policies, merchants' secrets. An absent value
 * ({@code Optional.empty()}) is kept like any other; a load that throws keeps nothing, so the
 * next call reads again.
 */
public final class ExpiringCache<K, V> {
    private record Entry<V>(V value, Instant until) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public ExpiringCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The kept value of {@code key} while younger than the time to live, else {@code load}'s, kept from now. */
    public V get(K key, Function<K, V> load) {
        Instant now = clock.instant();
        Entry<V> hit = entries.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.value();
        }
        V value = load.apply(key);
        entries.put(key, new Entry<>(value, now.plus(ttl)));
        return value;
    }

    /** Drops {@code key}'s value (after a write), so the next {@link #get} reads it again. */
    public void forget(K key) {
        entries.remove(key);
    }
}
