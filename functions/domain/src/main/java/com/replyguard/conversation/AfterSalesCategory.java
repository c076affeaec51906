package com.replyguard.conversation;

import java.util.Arrays;
import java.util.Optional;

/** R24: the after-sales taxonomy, five categories with their subtypes, as wire codes. */
public enum AfterSalesCategory {
    PRODUCT_QUALITY_DEFECT(Top.PRODUCT_QUALITY), PRODUCT_QUALITY_PERFORMANCE_MISMATCH(Top.PRODUCT_QUALITY),
    PRODUCT_QUALITY_COUNTERFEIT(Top.PRODUCT_QUALITY),
    LOGISTICS_NOT_RECEIVED(Top.LOGISTICS), LOGISTICS_DAMAGED(Top.LOGISTICS), LOGISTICS_LATE(Top.LOGISTICS),
    PROMOTION_FALSE_ADVERTISING(Top.PROMOTION), PROMOTION_MISLEADING_EXPLANATION(Top.PROMOTION),
    RETURN_NO_REASON(Top.RETURN), RETURN_QUALITY(Top.RETURN), RETURN_PROCESS_TROUBLE(Top.RETURN),
    SERVICE_ATTITUDE(Top.SERVICE), SERVICE_SLOW_RESPONSE(Top.SERVICE), SERVICE_UNHAPPY_OUTCOME(Top.SERVICE);

    /** R24's five categories: product quality, logistics, live-stream promotion, returns/exchanges, customer service. */
    public enum Top { PRODUCT_QUALITY, LOGISTICS, PROMOTION, RETURN, SERVICE }

    private final Top top;

    AfterSalesCategory(Top top) {
        this.top = top;
    }

    /** The category this subtype belongs to. */
    public Top top() {
        return top;
    }

    public static Optional<AfterSalesCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
