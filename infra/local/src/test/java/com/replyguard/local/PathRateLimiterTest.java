package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.dynalite.SamTemplate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local web ACL rate rule: at most {@code limit} admitted per path in any sliding window. */
class PathRateLimiterTest {
    private final PathRateLimiter limiter = new PathRateLimiter(
            new SamTemplate.PathRateLimit("per-merchant-rate", 3, Duration.ofSeconds(60), List.of("URL_DECODE", "NORMALIZE_PATH"),
                    429, "application/json", "{}"));

    @Test
    void theLimitHolds_perPath_overASlidingWindow() {
        assertTrue(limiter.admit("/webhooks/a/events", 0));
        assertTrue(limiter.admit("/webhooks/a/events", 1_000));
        assertTrue(limiter.admit("/webhooks/a/events", 2_000));
        assertFalse(limiter.admit("/webhooks/a/events", 3_000), "the fourth within a minute");
        assertTrue(limiter.admit("/webhooks/b/events", 3_000), "another merchant's path counts apart");
        assertTrue(limiter.admit("/webhooks/a/douyin", 3_000), "another route of the merchant counts apart");
        assertFalse(limiter.admit("/webhooks/a/events", 59_999), "the first is still inside the window");
        assertTrue(limiter.admit("/webhooks/a/events", 60_000), "the first has left the window");
        assertFalse(limiter.admit("/webhooks/a/events", 60_500), "refused requests were not counted, admitted ones were");
        assertTrue(limiter.admit("/webhooks/a/events", 61_000));
    }

    @Test
    void encodedOrUnnormalizedSpellingsOfAPath_countAsThatPath() {
        assertEquals("/webhooks/demo/events", limiter.key("/webhooks/de%6Do/events"));
        assertEquals("/webhooks/demo/events", limiter.key("//webhooks/./demo//events"));
        assertEquals("/webhooks/demo/events", limiter.key("/webhooks/x/../demo/events"));
        assertTrue(limiter.admit("/webhooks/demo/events", 0));
        assertTrue(limiter.admit("/webhooks/de%6Do/events", 1));
        assertTrue(limiter.admit("/webhooks//demo/events", 2));
        assertFalse(limiter.admit("/webhooks/%64emo/./events", 3), "the fourth spelling of the same path");
    }

    @Test
    void aTransformationTheLocalGatewayCannotApply_isRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> new PathRateLimiter(new SamTemplate.PathRateLimit("r", 3,
                Duration.ofSeconds(60), List.of("LOWERCASE"), 429, "application/json", "{}")));
    }
}
