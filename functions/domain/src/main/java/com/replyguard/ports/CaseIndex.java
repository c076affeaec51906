package com.replyguard.ports;

import com.replyguard.assessment.CaseSummary;
import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.merchant.MerchantId;
import java.util.List;

/**
 * Port: the after-sales case list behind every figure of the after-sales report (R26) - a
 * merchant's cases of one cycle, written with each conversation, by category, subtype and start.
 * A read costs the page it returns, whatever the cycle's other conversations.
 */
public interface CaseIndex {

    /** One page, by category, subtype, then start; {@code nextToken} null on the last page. */
    record CasePage(List<CaseSummary> cases, String nextToken) {
        public CasePage {
            cases = List.copyOf(cases);
        }
    }

    /**
     * The cases of a cycle: all ({@code category} and {@code subtype} null), of one top category, or of
     * one subtype. A {@code pageToken} not issued for this merchant, cycle and filter is refused
     * ({@link BreachStore.InvalidPageToken}).
     */
    CasePage cases(MerchantId merchant, Cycle cycle, AfterSalesCategory.Top category, AfterSalesCategory subtype, int limit,
            String pageToken);
}
