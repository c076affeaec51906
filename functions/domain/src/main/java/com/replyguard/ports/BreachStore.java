package com.replyguard.ports;

import com.replyguard.assessment.Cycle;
import com.replyguard.breach.Breach;
import com.replyguard.breach.BreachPage;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** A breach by id, active or not (empty: no such breach for this merchant). */
    Optional<Breach> find(MerchantId merchant, String breachId);

    /** Records a manager's excuse on an active breach; audited on the breach item. */
    void excuse(MerchantId merchant, String breachId, Breach.Excuse excuse);

    /** The active breaches counted against an agent whose deadline lies in a cycle, excused ones included. */
    List<Breach> ofAgent(MerchantId merchant, String agentId, Cycle cycle);

    /**
     * Records (agent non-null) or withdraws (agent null) a conversation's "response too slow"
     * complaint as of conversation version {@code version}; stale versions are ignored.
     */
    void recordComplaint(MerchantId merchant, ConversationId conversation, String agentId,
            Instant at, long version);

    /** How many "response too slow" complaints count against an agent in a cycle. */
    int complaintsAgainst(MerchantId merchant, String agentId, Cycle cycle);

    final class InvalidPageToken extends RuntimeException {
        public InvalidPageToken(String message) {
            super(message);
        }
    }
}
