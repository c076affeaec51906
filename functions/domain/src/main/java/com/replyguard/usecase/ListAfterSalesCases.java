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

    /**
     * Why {@code category} names no category, or empty when it does (null: every case): it must be
     * one of the five top categories of R24 or one of their subtypes.
     */
    public static Optional<String> categoryProblem(String category) {
        if (category == null || top(category).isPresent() || subtype(category).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("must be one of the five categories " + Arrays.toString(AfterSalesCategory.Top.values())
                + " or a subtype " + Arrays.toString(AfterSalesCategory.values()) + " (got '" + category + "')");
    }

    /** {@code category}: null for every case, a top category's name (e.g. {@code RETURN}) or a subtype's. */
    public CaseIndex.CasePage list(MerchantId merchant, Cycle cycle, String category, int limit, String pageToken) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
        Optional<String> problem = categoryProblem(category);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("category " + problem.get());
        }
        return index.cases(merchant, cycle, category == null ? null : top(category).orElse(null),
                category == null ? null : subtype(category).orElse(null), limit, pageToken);
    }

    private static Optional<AfterSalesCategory.Top> top(String name) {
        return Arrays.stream(AfterSalesCategory.Top.values()).filter(t -> t.name().equals(name)).findFirst();
    }

    private static Optional<AfterSalesCategory> subtype(String name) {
        return Arrays.stream(AfterSalesCategory.values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
