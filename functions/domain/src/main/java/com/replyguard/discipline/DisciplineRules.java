package com.replyguard.discipline;

/**
 * R19, R20: what an agent's timeouts in a cycle lead to, as thresholds in the merchant's policy.
 * The first timeout brings a warning and a training flag; from {@code deductFrom} timeouts on, each
 * one costs {@code pointsPerTimeout} of the {@code startPoints}; a complaint classified "response
 * too slow" (R24 {@code SERVICE_SLOW_RESPONSE}) costs {@code pointsPerSlowComplaint} and means a
 * deduction at least; {@code dismissalReviewAt} timeouts open a dismissal review. Excused breaches
 * do not count.
 */
public record DisciplineRules(int deductFrom, int dismissalReviewAt, int startPoints, int pointsPerTimeout,
        int pointsPerSlowComplaint) {

    /** Defaults: deductions from the 3rd timeout, review at the 6th, a 10-point scale (R19). */
    public static final DisciplineRules DEFAULT = new DisciplineRules(3, 6, 10, 1, 2);

    public DisciplineRules {
        if (deductFrom < 2 || dismissalReviewAt <= deductFrom || startPoints < 1 || pointsPerTimeout < 0
                || pointsPerSlowComplaint < 0) {
            throw new IllegalArgumentException("discipline thresholds need 2 <= deductFrom < dismissalReviewAt,"
                    + " startPoints >= 1 and non-negative point costs");
        }
    }

    public enum Level { GOOD, WARNING, DEDUCTION, DISMISSAL_REVIEW }

    /** An agent's standing in a cycle. */
    public record Standing(String agentId, String cycle, int timeouts, int excused, int slowComplaints, Level level,
            boolean training, int points) {
    }

    public Standing standing(String agentId, String cycle, int timeouts, int excused, int slowComplaints) {
        Level level = timeouts >= dismissalReviewAt ? Level.DISMISSAL_REVIEW
                : timeouts >= deductFrom || slowComplaints > 0 ? Level.DEDUCTION
                : timeouts >= 1 ? Level.WARNING : Level.GOOD;
        int deducted = Math.max(0, timeouts - deductFrom + 1) * pointsPerTimeout + slowComplaints * pointsPerSlowComplaint;
        return new Standing(agentId, cycle, timeouts, excused, slowComplaints, level, timeouts >= 1,
                Math.max(0, startPoints - deducted));
    }
}
