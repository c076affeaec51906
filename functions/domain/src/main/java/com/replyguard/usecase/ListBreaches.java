package com.replyguard.usecase;

import com.replyguard.breach.BreachPage;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.BreachStore;
import java.time.Instant;

/** Use case: a manager lists the breaches whose deadline lies in a window, a page at a time. */
public final class ListBreaches {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final BreachStore breaches;

    public ListBreaches(BreachStore breaches) {
        this.breaches = breaches;
    }

    public BreachPage list(MerchantId merchant, Instant from, Instant to, Integer limit, String pageToken) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        return breaches.list(merchant, from, to, size, pageToken);
    }
}
