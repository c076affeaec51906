package com.replyguard.notify;

import java.time.Instant;
import java.util.Objects;

/** "I am on it": who took an alert, and when (the first one stands). */
public record Acknowledgement(String by, Instant at) {
    public static final int MAX_BY = 64;

    public Acknowledgement {
        Objects.requireNonNull(by);
        Objects.requireNonNull(at);
    }
}
