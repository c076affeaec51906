package com.replyguard.adapters.doudian;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.conversation.ConversationId;
import com.replyguard.intake.PlausibleTime;
import com.replyguard.intake.RawEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THE place where 抖店 push messages become canonical events (docs/platforms.md). The public
 * documents list the tags and the common fields of after-sales messages; the field names below are
 * our reading and are corrected here, and only here, should a real push differ:
 * <ul>
 *   <li>tag {@code 200} (after-sales request created: 买家发起售后): the case opens - a
 *       {@code customer.message} on {@code CS_CHAT} at {@code apply_time} (seconds since the epoch),
 *       customer = {@code buyer_open_id}, else the order {@code p_id}; and, from
 *       {@code aftersale_type}, a {@code conversation.classified}: 0 退货退款 → RETURN_NO_REASON
 *       (RETURN_QUALITY when {@code reason_code} is 2, quality), 2 换货 → RETURN_QUALITY,
 *       3 补寄 → LOGISTICS_NOT_RECEIVED; 1 仅退款 carries no category (the conversation's text decides);</li>
 *   <li>tags {@code 206} (refund succeeded: 退款成功) and {@code 207} (after-sales closed: 售后关闭):
 *       {@code conversation.resolved} by agent {@code doudian} at {@code update_time};</li>
 *   <li>the conversation is {@code aftersale:<aftersale_id>}; the event id is
 *       {@code dd:<msg_id>:<n>}, so a redelivered push merges as duplicates;</li>
 *   <li>order tags (100-105) and every other tag: not ours (null: acknowledged and counted).</li>
 * </ul>
 */
final class DoudianPushMapping {
    private DoudianPushMapping() {
    }

    /** The canonical events of one message, or null when the tag is not used. */
    static List<RawEvent> toEvents(int index, String tag, String msgId, JsonNode data) {
        switch (tag) {
            case "200" -> {
                String conversation = ConversationId.DOUDIAN_AFTERSALE + text(index, data, "aftersale_id");
                Instant at = seconds(index, data, "apply_time");
                List<RawEvent> events = new ArrayList<>();
                String customer = data.hasNonNull("buyer_open_id") ? text(index, data, "buyer_open_id") : "order:" + text(index, data, "p_id");
                events.add(event("dd:" + msgId + ":0", "customer.message", conversation, at, "channel", "CS_CHAT",
                        "customerId", customer));
                String category = switch (data.path("aftersale_type").asInt(-1)) {
                    case 0 -> data.path("reason_code").asInt(-1) == 2 ? "RETURN_QUALITY" : "RETURN_NO_REASON";
                    case 2 -> "RETURN_QUALITY";
                    case 3 -> "LOGISTICS_NOT_RECEIVED";
                    default -> null;
                };
                if (category != null) {
                    events.add(event("dd:" + msgId + ":1", "conversation.classified", conversation, at, "category", category));
                }
                return events;
            }
            case "206", "207" -> {
                String conversation = ConversationId.DOUDIAN_AFTERSALE + text(index, data, "aftersale_id");
                return List.of(event("dd:" + msgId + ":0", "conversation.resolved", conversation, seconds(index, data, "update_time"),
                        "agentId", "doudian"));
            }
            default -> {
                return null;
            }
        }
    }

    private static String text(int index, JsonNode data, String field) {
        JsonNode v = data.path(field);
        if (!v.isValueNode() || v.asText().isEmpty()) {
            throw DoudianPush.refused(index, "data." + field, "message [" + index + "] data." + field + " is required");
        }
        return v.asText();
    }

    /** Seconds since the epoch (a JSON integer, or digits in a string) within {@link PlausibleTime}, else refused. */
    private static Instant seconds(int index, JsonNode data, String field) {
        JsonNode v = data.path(field);
        Long seconds = v.isIntegralNumber() && v.canConvertToLong() ? Long.valueOf(v.longValue())
                : v.isTextual() && v.asText().matches("\\d{1,12}") ? Long.valueOf(v.asText()) : null;
        if (seconds == null || !PlausibleTime.containsEpochSecond(seconds)) {
            throw DoudianPush.refused(index, "data." + field, "message [" + index + "] data." + field
                    + " must be seconds since the epoch, " + PlausibleTime.range() + " (got " + v + ")");
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static RawEvent event(String id, String type, String conversation, Instant at, String... more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", id);
        m.put("type", type);
        m.put("conversationId", conversation);
        m.put("occurredAt", at.toString());
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return RawEvent.of(m);
    }
}
