package com.replyguard.conversation;

import java.util.Arrays;
import java.util.Optional;

/** R24: the after-sales taxonomy, five categories with their subtypes, as wire codes. */
public enum AfterSalesCategory {
    PRODUCT_QUALITY_DEFECT, PRODUCT_QUALITY_PERFORMANCE_MISMATCH, PRODUCT_QUALITY_COUNTERFEIT,
    LOGISTICS_NOT_RECEIVED, LOGISTICS_DAMAGED, LOGISTICS_LATE,
    PROMOTION_FALSE_ADVERTISING, PROMOTION_MISLEADING_EXPLANATION,
    RETURN_NO_REASON, RETURN_QUALITY, RETURN_PROCESS_TROUBLE,
    SERVICE_ATTITUDE, SERVICE_SLOW_RESPONSE, SERVICE_UNHAPPY_OUTCOME;

    public static Optional<AfterSalesCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
