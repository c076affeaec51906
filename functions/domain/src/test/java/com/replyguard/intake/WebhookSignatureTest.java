package com.replyguard.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.intake.WebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract: HMAC-SHA256 over timestamp.body, 300 s replay window, rotation with two secrets. */
class WebhookSignatureTest {
    private static final byte[] BODY = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1_790_000_000L);

    @Test
    void sign_shouldMatchAnIndependentlyComputedHmac() {
        // printf '%s' '1790000000.{"events":[]}' | openssl dgst -sha256 -hmac demo-webhook-secret
        assertEquals("sha256=6aa121e0fa0053c31ab93ce5c860de4bd8fe91924c4c69a108d9bf9cbce0e800",
                WebhookSignature.sign("demo-webhook-secret", "1790000000", BODY));
    }

    @Test
    void verify_shouldAcceptAGoodSignature_withinTheWindow_withEitherRotatingSecret() {
        String ts = Long.toString(NOW.getEpochSecond() - 300);
        String sig = WebhookSignature.sign("new-secret", ts, BODY);
        assertEquals(Verdict.VALID, WebhookSignature.verify(List.of("old-secret", "new-secret"), ts, sig, BODY, NOW));
        String future = Long.toString(NOW.getEpochSecond() + 300);
        assertEquals(Verdict.VALID, WebhookSignature.verify(List.of("new-secret"), future,
                WebhookSignature.sign("new-secret", future, BODY), BODY, NOW));
    }

    @Test
    void verify_shouldRefuse_staleMissingMalformedOrForgedRequests() {
        String stale = Long.toString(NOW.getEpochSecond() - 301);
        assertEquals(Verdict.STALE_TIMESTAMP, WebhookSignature.verify(List.of("s"), stale,
                WebhookSignature.sign("s", stale, BODY), BODY, NOW));
        String early = Long.toString(NOW.getEpochSecond() + 301);
        assertEquals(Verdict.STALE_TIMESTAMP, WebhookSignature.verify(List.of("s"), early,
                WebhookSignature.sign("s", early, BODY), BODY, NOW));
        String ts = Long.toString(NOW.getEpochSecond());
        assertEquals(Verdict.MISSING_TIMESTAMP, WebhookSignature.verify(List.of("s"), null, "x", BODY, NOW));
        assertEquals(Verdict.BAD_TIMESTAMP, WebhookSignature.verify(List.of("s"), "yesterday", "x", BODY, NOW));
        assertEquals(Verdict.MISSING_SIGNATURE, WebhookSignature.verify(List.of("s"), ts, null, BODY, NOW));
        assertEquals(Verdict.BAD_SIGNATURE, WebhookSignature.verify(List.of("s"), ts,
                WebhookSignature.sign("other", ts, BODY), BODY, NOW));
        byte[] tampered = "{\"events\":[1]}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Verdict.BAD_SIGNATURE, WebhookSignature.verify(List.of("s"), ts,
                WebhookSignature.sign("s", ts, BODY), tampered, NOW));
    }
}
