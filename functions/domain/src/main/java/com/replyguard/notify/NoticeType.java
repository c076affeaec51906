package com.replyguard.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a notice is about, by the detail-type it arrives with on the bus (docs/events.md). */
public enum NoticeType {
    SLA_AT_RISK("SlaAtRisk"),
    SLA_BREACHED("SlaBreached"),
    SLA_ESCALATED("SlaEscalated"),
    CYCLE_CLOSED("CycleClosed");

    private final String detailType;

    NoticeType(String detailType) {
        this.detailType = detailType;
    }

    public String detailType() {
        return detailType;
    }

    public static Optional<NoticeType> of(String detailType) {
        return Arrays.stream(values()).filter(t -> t.detailType.equals(detailType)).findFirst();
    }

    public static List<String> detailTypes() {
        return Arrays.stream(values()).map(NoticeType::detailType).toList();
    }

    public boolean isAlert() {
        return this != CYCLE_CLOSED;
    }
}
