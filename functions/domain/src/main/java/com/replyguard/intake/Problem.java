package com.replyguard.intake;

/**
 * One thing wrong with a request: which event ({@code index} in the batch, or null for the batch
 * itself), which field, and what is wrong, in words an integrator can act on.
 */
public record Problem(Integer index, String field, String message) {
    public static Problem ofBatch(String field, String message) {
        return new Problem(null, field, message);
    }

    public static Problem ofEvent(int index, String field, String message) {
        return new Problem(index, field, message);
    }
}
