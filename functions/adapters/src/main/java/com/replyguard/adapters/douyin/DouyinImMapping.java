package com.replyguard.adapters.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.adapters.json.EventBatchJson;
import com.replyguard.conversation.ConversationId;
import com.replyguard.intake.BatchRejected;
import com.replyguard.intake.PlausibleTime;
import com.replyguard.intake.Problem;
import com.replyguard.intake.RawEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * THE place where 抖音 private-message (私信) webhook payloads become canonical events. The public
 * documents name the events and the envelope ({@code event}, {@code from_user_id},
 * {@code to_user_id}, {@code content}, {@code log_id}) but not every field of {@code content}; the
 * names below are our reading (docs/platforms.md) and are corrected here, and only here, should a
 * real push differ:
 * <ul>
 *   <li>{@code im_receive_msg} (a buyer writes to the shop's account) → {@code customer.message}
 *       on {@code DIRECT_MESSAGE}, customer = {@code from_user_id};</li>
 *   <li>{@code im_send_msg} (the shop's account writes) → {@code agent.message}, agent =
 *       {@code douyin:<from_user_id>} (the platform does not say which person typed it);</li>
 *   <li>the conversation is {@code content.conversation_short_id} when present, else the pair of
 *       accounts; the time is {@code content.create_time} (ms since the epoch) when present, else
 *       the receipt; the event id is {@code dy:<Msg-Id>}, else {@code dy:<log_id>}.</li>
 * </ul>
 * Any other event is not ours to map (empty).
 */
final class DouyinImMapping {
    private DouyinImMapping() {
    }

    /**
     * {@code content} arrives as a JSON object or as a string holding one; a string that holds no
     * JSON object is refused (400), never read as "no content" (that would lose its time and text).
     */
    static JsonNode content(JsonNode root) {
        JsonNode c = root.path("content");
        if (c.isTextual()) {
            try {
                c = EventBatchJson.parse(c.asText().getBytes(StandardCharsets.UTF_8));
            } catch (EventBatchJson.NotJson e) {
                throw refused("content", "must be a JSON object or a string holding one: " + e.getMessage());
            }
            if (!c.isObject()) {
                throw refused("content", "must be a JSON object or a string holding one");
            }
        }
        return c;
    }

    private static BatchRejected refused(String field, String message) {
        return new BatchRejected("invalid 抖音 event", List.of(Problem.ofEvent(0, field, message)));
    }

    /** {@code content.create_time}: milliseconds since the epoch within {@link PlausibleTime}, else refused. */
    private static Instant createTime(JsonNode content, Instant receivedAt) {
        JsonNode t = content.get("create_time");
        if (t == null || t.isNull()) {
            return receivedAt;
        }
        if (!t.isIntegralNumber() || !t.canConvertToLong() || !PlausibleTime.containsEpochMilli(t.longValue())) {
            throw refused("content.create_time", "must be milliseconds since the epoch, " + PlausibleTime.range()
                    + " (got " + t + ")");
        }
        return Instant.ofEpochMilli(t.longValue());
    }

    static Optional<List<RawEvent>> toEvents(JsonNode root, String msgId, Instant receivedAt) {
        String event = root.path("event").asText("");
        boolean fromBuyer = "im_receive_msg".equals(event);
        if (!fromBuyer && !"im_send_msg".equals(event)) {
            return Optional.empty();
        }
        JsonNode content = content(root);
        String from = root.path("from_user_id").asText("");
        String to = root.path("to_user_id").asText("");
        String buyer = fromBuyer ? from : to;
        String shop = fromBuyer ? to : from;
        String conversation = content.hasNonNull("conversation_short_id")
                ? ConversationId.DOUYIN + content.get("conversation_short_id").asText() : ConversationId.DOUYIN + shop + ":" + buyer;
        Instant at = createTime(content, receivedAt);
        String id = msgId != null && !msgId.isBlank() ? "dy:" + msgId : "dy:" + root.path("log_id").asText("");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", id);
        e.put("type", fromBuyer ? "customer.message" : "agent.message");
        e.put("conversationId", conversation);
        e.put("occurredAt", at.atOffset(ZoneOffset.ofHours(8)).toString());
        e.put("channel", "DIRECT_MESSAGE");
        if (fromBuyer) {
            e.put("customerId", buyer);
        } else {
            e.put("agentId", "douyin:" + shop);
        }
        if (content.hasNonNull("text")) {
            e.put("text", content.get("text").asText());
        }
        return Optional.of(List.of(RawEvent.of(e)));
    }
}
