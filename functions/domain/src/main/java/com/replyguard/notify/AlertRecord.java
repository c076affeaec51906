package com.replyguard.notify;

import java.util.List;
import java.util.Objects;

/** An alert as the alert log keeps it: the notice, its delivery to each channel it was routed to, its acknowledgement. */
public record AlertRecord(AlertNotice notice, List<Delivery> deliveries, Acknowledgement acknowledged) {
    public AlertRecord {
        Objects.requireNonNull(notice);
        deliveries = List.copyOf(deliveries);
    }
}
