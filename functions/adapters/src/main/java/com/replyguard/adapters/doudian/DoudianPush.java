package com.replyguard.adapters.doudian;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.adapters.json.EventBatchJson;
import com.replyguard.intake.BatchRejected;
import com.replyguard.intake.Problem;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.DoudianApp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * 抖店 (Douyin Shop) message push (docs/platforms.md): headers {@code app-id} (the app key) and
 * {@code event-sign} = lowercase hex MD5 of (app_key + raw body + app_secret); the body is a JSON
 * array of {@code {tag, msg_id, data}} where {@code data} is a JSON string; the platform expects
 * {@code {"code":0,"msg":"success"}} quickly and retries otherwise. What each tag means is
 * decided in one place, {@link DoudianPushMapping}; tags we do not use are acknowledged and counted.
 */
public final class DoudianPush {
    private DoudianPush() {
    }

    /** The messages of one push: canonical events to ingest, and the tags acknowledged without use. */
    public record Delivery(List<RawEvent> events, List<String> ignoredTags, int messages) {
    }

    /** True when {@code appId} is the merchant's app key and {@code sign} matches the body under any of its secrets. */
    public static boolean signatureValid(DoudianApp app, String appId, byte[] body, String sign) {
        if (sign == null || sign.isBlank() || appId == null || !MessageDigest.isEqual(
                app.appKey().getBytes(StandardCharsets.UTF_8), appId.trim().getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        byte[] given = sign.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (String secret : app.appSecrets()) {
            valid |= MessageDigest.isEqual(sign(app.appKey(), body, secret).getBytes(StandardCharsets.US_ASCII), given);
        }
        return valid;
    }

    /** {@code event-sign} of a body: hex MD5(app_key + body + app_secret). */
    public static String sign(String appKey, byte[] body, String appSecret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(appKey.getBytes(StandardCharsets.UTF_8));
            md5.update(body);
            md5.update(appSecret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a push. A body that is not a JSON array is {@link EventBatchJson.NotJson}; a message that
     * cannot be read (not an object, {@code data} not JSON, a field missing or out of range) is a
     * {@link BatchRejected} naming the message's index and the field - a 400 the platform does not
     * retry, which is right only for input that can never succeed. Anything else thrown is a bug
     * (a 5xx, which the platform retries).
     */
    static BatchRejected refused(int index, String field, String message) {
        return new BatchRejected("invalid 抖店 push", List.of(Problem.ofEvent(index, field, message)));
    }

    public static Delivery read(byte[] body) {
        JsonNode root = EventBatchJson.parse(body);
        if (!root.isArray()) {
            throw new EventBatchJson.NotJson("body must be a JSON array of {tag, msg_id, data}");
        }
        List<RawEvent> events = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode m = root.get(i);
            if (!m.isObject() || !m.path("tag").isValueNode() || !m.path("msg_id").isValueNode()) {
                throw refused(i, "", "message [" + i + "] must be an object with tag, msg_id and data");
            }
            String tag = m.path("tag").asText();
            JsonNode data = m.path("data");
            if (data.isTextual()) {
                try {
                    data = EventBatchJson.parse(data.asText().getBytes(StandardCharsets.UTF_8));
                } catch (EventBatchJson.NotJson e) {
                    throw refused(i, "data", "message [" + i + "] data: " + e.getMessage());
                }
            }
            if (data == null || !data.isObject()) {
                throw refused(i, "data", "message [" + i + "] data must be a JSON object (or a string holding one)");
            }
            List<RawEvent> mapped = DoudianPushMapping.toEvents(i, tag, m.path("msg_id").asText(), data);
            if (mapped == null) {
                ignored.add(tag);
            } else {
                events.addAll(mapped);
            }
        }
        return new Delivery(events, ignored, root.size());
    }
}
