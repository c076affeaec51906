package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.CaseIndex;
import java.util.Arrays;
import java.util.Optional;

/**
 * Use case (R26): the cases behind an after-sales figure - a cycle's cases, of one category (one of
 * the five of R24) or one subtype, a page at a time.
 */
public final class ListAfterSalesCases {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final CaseIndex index;

    public ListAfterSalesCases(CaseIndex index) {
        this.index = index;
    }

    /** {@code category}: null for every case, a top category's name (e.g. {@code RETURN}) or a subtype's. */
    public CaseIndex.CasePage list(MerchantId merchant, Cycle cycle, String category, int limit, String pageToken) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
        AfterSalesCategory.Top top = null;
        AfterSalesCategory subtype = null;
        if (category != null) {
            Optional<AfterSalesCategory.Top> asTop = Arrays.stream(AfterSalesCategory.Top.values())
                    .filter(t -> t.name().equals(category)).findFirst();
            Optional<AfterSalesCategory> asSubtype = Arrays.stream(AfterSalesCategory.values())
                    .filter(t -> t.name().equals(category)).findFirst();
            if (asTop.isEmpty() && asSubtype.isEmpty()) {
                throw new IllegalArgumentException("category must be one of the five categories "
                        + Arrays.toString(AfterSalesCategory.Top.values()) + " or a subtype " + Arrays.toString(AfterSalesCategory.values())
                        + " (got '" + category + "')");
            }
            top = asTop.orElse(null);
            subtype = asSubtype.orElse(null);
        }
        return index.cases(merchant, cycle, top, subtype, limit, pageToken);
    }
}
