package com.replyguard.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Contract (webhook headers): {@code X-Signature = "sha256=" + hex(HMAC-SHA256(secret,
 * X-Timestamp + "." + raw body))}, and {@code X-Timestamp} (Unix seconds) within 300 s of now
 * either way, so a captured request cannot be replayed later. Any of the merchant's active
 * secrets verifies (two during a rotation). Comparison is constant-time.
 */
public final class WebhookSignature {
    public static final Duration REPLAY_WINDOW = Duration.ofSeconds(300);
    private static final String PREFIX = "sha256=";

    public enum Verdict {
        VALID("valid"),
        MISSING_TIMESTAMP("X-Timestamp header is missing"),
        BAD_TIMESTAMP("X-Timestamp must be Unix seconds"),
        STALE_TIMESTAMP("X-Timestamp is more than 300 s away from now (replay window)"),
        MISSING_SIGNATURE("X-Signature header is missing"),
        BAD_SIGNATURE("X-Signature does not match the body");

        private final String message;

        Verdict(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private WebhookSignature() {
    }

    public static Verdict verify(List<String> secrets, String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || timestamp.isBlank()) {
            return Verdict.MISSING_TIMESTAMP;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        // compared as bounds, not as |now - seconds|: that difference overflows for timestamps near
        // Long.MIN_VALUE, and Math.abs(Long.MIN_VALUE) stays negative
        long window = REPLAY_WINDOW.toSeconds();
        if (seconds < now.getEpochSecond() - window || seconds > now.getEpochSecond() + window) {
            return Verdict.STALE_TIMESTAMP;
        }
        if (signature == null || signature.isBlank()) {
            return Verdict.MISSING_SIGNATURE;
        }
        byte[] presented = signature.trim().getBytes(StandardCharsets.US_ASCII);
        for (String secret : secrets) {
            byte[] expected = sign(secret, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented)) {
                return Verdict.VALID;
            }
        }
        return Verdict.BAD_SIGNATURE;
    }

    /** The signature a sender puts in {@code X-Signature}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
