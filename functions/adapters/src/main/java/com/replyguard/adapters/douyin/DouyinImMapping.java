package com.replyguard.adapters.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.intake.RawEvent;
import java.io.IOException;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private DouyinImMapping() {
    }

    /** {@code content} arrives as a JSON object or as a string holding one. */
    static JsonNode content(JsonNode root) {
        JsonNode c = root.path("content");
        if (c.isTextual()) {
            try {
                return JSON.readTree(c.asText());
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
        return c;
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
                ? "dy:" + content.get("conversation_short_id").asText() : "dy:" + shop + ":" + buyer;
        Instant at = content.hasNonNull("create_time") && content.get("create_time").canConvertToLong()
                ? Instant.ofEpochMilli(content.get("create_time").asLong()) : receivedAt;
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
