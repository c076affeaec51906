package com.replyguard.local;

import com.replyguard.dynalite.SamTemplate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The local stand-in for the webhook API's AWS WAF rate-based rule (template.yaml
 * {@code WebhookFirewall}): each URI path - which names the merchant and the platform route - is
 * admitted at most {@code limit} times in any sliding window; beyond that the web ACL's custom
 * response is answered and the function is not invoked. Locally the window is exact; AWS WAF
 * evaluates rates periodically, so in AWS somewhat more may pass before blocking starts
 * (docs/security.md).
 */
final class PathRateLimiter {
    private final SamTemplate.PathRateLimit rule;
    private final Map<String, Deque<Long>> admitted = new HashMap<>();

    PathRateLimiter(SamTemplate.PathRateLimit rule) {
        this.rule = rule;
    }

    SamTemplate.PathRateLimit rule() {
        return rule;
    }

    /** Whether a request for {@code path} at {@code nowMillis} passes; a passing request is counted. */
    synchronized boolean admit(String path, long nowMillis) {
        Deque<Long> times = admitted.computeIfAbsent(path, p -> new ArrayDeque<>());
        long windowStart = nowMillis - rule.window().toMillis();
        while (!times.isEmpty() && times.peekFirst() <= windowStart) {
            times.pollFirst();
        }
        if (times.size() >= rule.limit()) {
            return false;
        }
        times.addLast(nowMillis);
        return true;
    }
}
