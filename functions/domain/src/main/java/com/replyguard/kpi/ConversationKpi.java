package com.replyguard.kpi;

import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;

/** A conversation's KPI vector as of one of its versions: as written, or as already counted (the fold's ledger). */
public record ConversationKpi(MerchantId merchant, ConversationId conversation, long version, KpiVector vector) {
    public String key() {
        return merchant.value() + "#" + conversation.value();
    }
}
