package com.replyguard.ports;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import java.util.List;

/** Port: each conversation's contribution to each cycle's platform metrics. */
public interface AssessmentStore {

    /**
     * Writes the contribution as of conversation version {@code version}; a write older than the
     * stored one is ignored, so a slow writer never overwrites a newer state. Idempotent.
     */
    void record(MerchantId merchant, ConversationId conversation, long version, CycleContribution contribution);

    /** Every contribution to a cycle (reads the merchant's cycle partition, never a Scan). */
    List<CycleContribution> contributions(MerchantId merchant, Cycle cycle);
}
