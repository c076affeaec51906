package com.replyguard.ports;

import com.replyguard.breach.Breach;
import com.replyguard.breach.BreachPage;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;

/** Port: recorded breaches, listed by deadline. */
public interface BreachStore {

    /**
     * Records the breach as of conversation version {@code version}: once per breach id (the
     * first {@code detectedAt} is kept), details refreshed by newer versions, stale versions ignored.
     */
    void record(Breach breach, long version);

    /** Withdraws a breach that newer events showed was not one (e.g. a back-filled timely reply). */
    void retract(MerchantId merchant, String breachId, long version);

    /**
     * Breaches with {@code from <= deadline <= to} (null: unbounded), ordered by deadline.
     *
     * @throws InvalidPageToken when {@code pageToken} did not come from this store for this query
     */
    BreachPage list(MerchantId merchant, Instant from, Instant to, int limit, String pageToken);

    final class InvalidPageToken extends RuntimeException {
        public InvalidPageToken(String message) {
            super(message);
        }
    }
}
