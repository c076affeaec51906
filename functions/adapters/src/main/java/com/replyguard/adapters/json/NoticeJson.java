package com.replyguard.adapters.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.CycleNotice;
import com.replyguard.notify.Notice;
import com.replyguard.notify.NoticeType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices to and from JSON: {@link #read} takes an event's detail-type and detail as the bus carries
 * them (docs/events.md; unknown optional fields are ignored, so later additions within version 1
 * do not break the notifier); {@link #write} gives the same detail shape back (a {@code webhook}
 * channel receives it, with {@code type}, and the delivery store keeps it). A detail that is not a
 * valid alert or cycle throws {@link IllegalArgumentException} naming the field.
 */
public final class NoticeJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NoticeJson() {
    }

    public static Notice read(String detailType, JsonNode d) {
        NoticeType type = NoticeType.of(detailType)
                .orElseThrow(() -> new IllegalArgumentException("detail-type '" + detailType + "' is not one the notifier handles"));
        if (!d.path("schemaVersion").isMissingNode() && d.path("schemaVersion").asInt() != 1) {
            throw new IllegalArgumentException("schemaVersion " + d.path("schemaVersion") + " is not 1");
        }
        MerchantId merchant = new MerchantId(text(d, "merchantId"));
        if (type == NoticeType.CYCLE_CLOSED) {
            List<CycleNotice.Metric> metrics = new ArrayList<>();
            d.path("metrics").fields().forEachRemaining(e -> {
                JsonNode m = e.getValue();
                metrics.add(new CycleNotice.Metric(e.getKey(), m.path("met").asLong(), m.path("total").asLong(),
                        m.path("rate").isNumber() ? m.path("rate").asDouble() : null, m.path("target").asDouble(),
                        m.path("passing").isBoolean() ? m.path("passing").asBoolean() : null));
            });
            JsonNode revision = d.path("revision");
            if (!revision.isMissingNode() && !(revision.canConvertToInt() && revision.isIntegralNumber() && revision.asInt() >= 1)) {
                throw new IllegalArgumentException("revision must be a whole number from 1, got " + revision);
            }
            return new CycleNotice(text(d, "eventId"), merchant, text(d, "cycle"), instant(d, "closedAt"), metrics,
                    d.path("passing").asBoolean(), revision.isMissingNode() ? 1 : revision.asInt());
        }
        try {
            return new AlertNotice(text(d, "eventId"), type, merchant, text(d, "conversationId"),
                    ClockType.valueOf(text(d, "clock")), text(d, "clockKey"), Channel.valueOf(text(d, "channel")),
                    d.path("urgent").asBoolean(false), instant(d, "clockStart"), instant(d, "deadline"), instant(d, "dueAt"),
                    type == NoticeType.SLA_AT_RISK ? 0 : d.path("level").asInt(0),
                    d.hasNonNull("responsibleAgentId") ? d.path("responsibleAgentId").asText() : null);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(detailType + " detail is not valid: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("detail." + field + " is missing");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode d, String field) {
        return Instants.parse(text(d, field));
    }

    /** The notice in its bus detail's shape, plus {@code type} (the detail-type). */
    public static Map<String, Object> write(Notice notice) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", notice.type().detailType());
        d.put("schemaVersion", 1);
        d.put("eventId", notice.id());
        d.put("merchantId", notice.merchant().value());
        if (notice instanceof AlertNotice a) {
            d.put("conversationId", a.conversationId());
            d.put("clock", a.clock().name());
            d.put("clockKey", a.clockKey());
            d.put("channel", a.channel().name());
            d.put("urgent", a.urgent());
            d.put("clockStart", Instants.format(a.clockStart()));
            d.put("deadline", Instants.format(a.deadline()));
            d.put("targetSeconds", a.target().toMillis() / 1000.0);
            d.put("dueAt", Instants.format(a.dueAt()));
            d.put("level", a.level());
            if (a.responsibleAgentId() != null) {
                d.put("responsibleAgentId", a.responsibleAgentId());
            }
        } else if (notice instanceof CycleNotice c) {
            d.put("cycle", c.cycle());
            d.put("revision", c.revision());
            d.put("closedAt", Instants.format(c.closedAt()));
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (CycleNotice.Metric m : c.metrics()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("met", m.met());
                f.put("total", m.total());
                f.put("rate", m.rate());
                f.put("target", m.target());
                f.put("passing", m.passing());
                metrics.put(m.name(), f);
            }
            d.put("metrics", metrics);
            d.put("passing", c.passing());
        }
        return d;
    }

    public static String toText(Notice notice) {
        try {
            return JSON.writeValueAsString(write(notice));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode notice", e);
        }
    }

    public static Notice fromText(String text) {
        try {
            JsonNode d = JSON.readTree(text);
            return read(d.path("type").asText(), d);
        } catch (IOException e) {
            throw new IllegalStateException("stored notice is not JSON", e);
        }
    }
}
