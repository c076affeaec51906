package com.replyguard.notify;

import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A closed assessment cycle (R13-R17, {@code CycleClosed}): the platform's three metrics as frozen
 * at the close and whether the merchant passes. {@code rate} and {@code passing} are null for a
 * metric with nothing to count. {@code revision} 1 is the close; a later one re-states the final
 * figures after history for the cycle arrived late.
 */
public record CycleNotice(String id, MerchantId merchant, String cycle, Instant closedAt, List<Metric> metrics,
        boolean passing, int revision) implements Notice {

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
        if (revision < 1) {
            throw new IllegalArgumentException("revision starts at 1, got " + revision);
        }
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
