package com.replyguard.assessment;

import java.time.Duration;

/**
 * R27's after-sales targets, in one place: a return or exchange settled within 12 h on average;
 * 90% of warranty (product-quality) cases completed within 48 h; complaint resolution satisfaction
 * 85% and an average rating of 4.8 out of 5. The counters count cases resolved within the two
 * limits; the after-sales report judges each figure against its target here.
 */
public final class AfterSalesTargets {
    /** The average wait after a return or exchange request (R27). */
    public static final Duration RETURN_WAIT = Duration.ofHours(12);
    /** Within how long a warranty case counts as completed (R27). */
    public static final Duration WARRANTY_LIMIT = Duration.ofHours(48);
    /** The share of warranty cases to complete within {@link #WARRANTY_LIMIT} (R27). */
    public static final double WARRANTY_SHARE = 0.90;
    /** The share of 4-5 star ratings of resolved complaints (R27). */
    public static final double COMPLAINT_SATISFACTION = 0.85;
    /** The average rating of resolved complaints, out of 5 (R27). */
    public static final double COMPLAINT_RATING = 4.8;

    private AfterSalesTargets() {
    }

    /** {@link #RETURN_WAIT} in hours, as the after-sales report states its target. */
    public static double returnWaitHours() {
        return RETURN_WAIT.toMinutes() / 60.0;
    }

    /** Whether a case's processing ended within the return wait (R27; counted for every case, judged for returns). */
    public static boolean withinReturnWait(Duration processing) {
        return processing.compareTo(RETURN_WAIT) <= 0;
    }

    /** Whether a case's processing ended within the warranty limit (R27; counted for every case, judged for warranty). */
    public static boolean withinWarrantyLimit(Duration processing) {
        return processing.compareTo(WARRANTY_LIMIT) <= 0;
    }

    /** Whether an average return wait passes (at most the target); null without any resolved return. */
    public static Boolean returnWaitPasses(Double averageHours) {
        return averageHours == null ? null : averageHours <= returnWaitHours();
    }

    /** Whether the warranty completion passes, exactly (integers: 27 of 30 is 90%); null without warranty cases. */
    public static Boolean warrantyPasses(long completedWithinLimit, long cases) {
        return cases == 0 ? null : completedWithinLimit * 100 >= Math.round(WARRANTY_SHARE * 100) * cases;
    }

    /** Whether complaint satisfaction passes; null without rated complaints. */
    public static Boolean complaintSatisfactionPasses(Double share) {
        return share == null ? null : share >= COMPLAINT_SATISFACTION;
    }

    /** Whether the complaints' average rating passes; null without rated complaints. */
    public static Boolean complaintRatingPasses(Double averageRating) {
        return averageRating == null ? null : averageRating >= COMPLAINT_RATING;
    }
}
