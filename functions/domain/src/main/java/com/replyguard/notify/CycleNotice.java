package com.replyguard.notify;

import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A closed assessment cycle (R13-R17, {@code CycleClosed}): the platform's three metrics as frozen
 * at the close and whether the merchant passes. {@code rate} and {@code passing} are null for a
 * metric with nothing to count.
 */
public record CycleNotice(String id, MerchantId merchant, String cycle, Instant closedAt, List<Metric> metrics,
        boolean passing) implements Notice {

    public record Metric(String name, long met, long total, Double rate, double target, Boolean passing) {
        public Metric {
            Objects.requireNonNull(name);
        }
    }

    public CycleNotice {
        Objects.requireNonNull(id);
        Objects.requireNonNull(merchant);
        Objects.requireNonNull(cycle);
        Objects.requireNonNull(closedAt);
        metrics = List.copyOf(metrics);
    }

    @Override
    public NoticeType type() {
        return NoticeType.CYCLE_CLOSED;
    }

    @Override
    public Instant at() {
        return closedAt;
    }
}
