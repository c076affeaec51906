package com.replyguard.adapters.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.adapters.json.EventBatchJson;
import com.replyguard.intake.RawEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * 抖音 open-platform webhooks (docs/platforms.md): {@code X-Douyin-Signature} = hex SHA-1 of the
 * app's client secret followed by the raw body; {@code Msg-Id} identifies a delivery (deliveries
 * time out after 5 s, are retried 3 times, at least once and unordered, so everything here is
 * idempotent through the event id); the {@code verify_webhook} challenge is echoed. What the
 * payload means is decided in one place, {@link DouyinImMapping}.
 */
public final class DouyinOpenPlatformWebhook {
    private DouyinOpenPlatformWebhook() {
    }

    /** What a delivery asks of us. */
    public sealed interface Delivery permits Challenge, Events, Ignored {
    }

    /** URL verification: answer {@code {"challenge": <value>}}. */
    public record Challenge(JsonNode challenge) implements Delivery {
    }

    /** Canonical events to ingest (through the same validation as the generic webhook). */
    public record Events(String platformEvent, List<RawEvent> events) implements Delivery {
    }

    /** A topic we do not use: acknowledged (2xx, so the platform does not retry it forever) and counted. */
    public record Ignored(String platformEvent) implements Delivery {
    }

    public static boolean signatureValid(String clientSecret, byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(clientSecret.getBytes(StandardCharsets.UTF_8));
            byte[] expected = HexFormat.of().formatHex(sha1.digest(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a delivery; a body that is not JSON is {@link EventBatchJson.NotJson}. */
    public static Delivery read(byte[] body, String msgId, Instant receivedAt) {
        JsonNode root = EventBatchJson.parse(body);
        if (!root.isObject()) {
            throw new EventBatchJson.NotJson("body must be a JSON object");
        }
        String event = root.path("event").asText("");
        if ("verify_webhook".equals(event)) {
            return new Challenge(DouyinImMapping.content(root).path("challenge"));
        }
        return DouyinImMapping.toEvents(root, msgId, receivedAt)
                .<Delivery>map(events -> new Events(event, events)).orElseGet(() -> new Ignored(event));
    }
}
