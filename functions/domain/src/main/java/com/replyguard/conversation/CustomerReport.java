package com.replyguard.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A merchant's report of one customer ({@code customer.reported}, R13, R14): the report event's id
 * and instant, as recorded per customer (keyed hash) so that every conversation of the customer
 * gets the report, whichever arrives first.
 */
public record CustomerReport(String eventId, Instant at) {
    public CustomerReport {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
    }
}
