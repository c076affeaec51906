package com.replyguard.ports;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.CustomerReport;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: conversations with their events, under optimistic locking. */
public interface ConversationStore {

    /** The stored conversations among {@code ids} (absent ones are missing from the map); batched. */
    Map<ConversationId, StoredConversation> loadAll(MerchantId merchant, Collection<ConversationId> ids);

    /** What one batched read returns: the stored conversations, and the recorded reports of the customers asked for. */
    record Loaded(Map<ConversationId, StoredConversation> conversations, Map<String, List<CustomerReport>> reports) {
        public Loaded {
            conversations = Map.copyOf(conversations);
            reports = Map.copyOf(reports);
        }
    }

    /**
     * The stored conversations among {@code ids} and the reports recorded for these customers (keyed
     * hashes; customers without a report are missing from the map), in the same batched read.
     */
    Loaded loadWithReports(MerchantId merchant, Collection<ConversationId> ids, Collection<String> customerRefs);

    /** Adds reports to a customer's record (idempotent: a report already recorded changes nothing). */
    void recordReports(MerchantId merchant, String customerRef, Collection<CustomerReport> reports);

    /** Deletes a customer's record of reports (R29, a data-deletion request). */
    void forgetReports(MerchantId merchant, String customerRef);

    Optional<StoredConversation> load(MerchantId merchant, ConversationId id);

    /**
     * Stores {@code next} if the stored version is still {@code expectedVersion} (0: must not exist yet).
     *
     * @throws ConcurrentUpdate when another writer got there first; re-read and retry
     */
    void save(StoredConversation next, long expectedVersion);

    /** Every conversation's response times in a cycle (the cycle of its human clock start); one indexed read. */
    List<ResponseTimes> responseTimes(MerchantId merchant, Cycle cycle);

    /**
     * The change feed of the KPI fold: conversations of a shard ({@link com.replyguard.kpi.Fold#shardOf})
     * whose KPI vector changed after {@code after} and at or before {@code upTo}, with the version
     * and vector of their latest write; one indexed read (paged), whatever the merchant.
     */
    List<ConversationKpi> kpiChanges(int shard, Instant after, Instant upTo);

    /** The KPI vectors of every conversation whose human clock start lies in {@code cycle} (recomputation). */
    List<ConversationKpi> kpiVectors(MerchantId merchant, Cycle cycle);

    /**
     * The conversations of one customer (by the keyed hash of their first customer message) active at
     * or after {@code activeSince}; one indexed read. Used to spread a customer report (R13, R14).
     */
    List<ConversationId> ofCustomer(MerchantId merchant, String customerRef, Instant activeSince);

    /** Someone else changed the conversation since it was read. */
    final class ConcurrentUpdate extends RuntimeException {
        public ConcurrentUpdate(String message) {
            super(message);
        }
    }
}
