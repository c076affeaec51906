package com.replyguard.usecase;

import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.HeldIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Use case: conversations that wait silently for their channel - stored, but no clock runs, so no
 * breach can warn anyone. Those held longer than {@link #DEFAULT_MIN_AGE} (or an age asked for) are
 * listed, oldest first, so a merchant can fix the integration that leaves the channel out.
 */
public final class ListHeldConversations {
    public static final Duration DEFAULT_MIN_AGE = Duration.ofHours(1);
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final HeldIndex index;
    private final Clock clock;

    public ListHeldConversations(HeldIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    public record Listing(Instant asOf, Duration minAge, List<HeldIndex.Held> held) {
    }

    /** Why {@code minAge} cannot be an age to list by, or empty when it can (zero lists every held conversation). */
    public static Optional<String> ageProblem(Duration minAge) {
        return minAge.isNegative() ? Optional.of("must not be negative (got " + minAge + ")") : Optional.empty();
    }

    public Listing list(MerchantId merchant, Duration minAge, int limit) {
        if (ageProblem(minAge).isPresent()) {
            throw new IllegalArgumentException("olderThan " + ageProblem(minAge).get());
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
        Instant now = clock.instant();
        return new Listing(now, minAge, index.heldSince(merchant, now.minus(minAge), limit));
    }
}
