package com.replyguard.local;

import com.replyguard.dynalite.SamTemplate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
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
        for (String t : rule.transformations()) {
            if (!t.equals("URL_DECODE") && !t.equals("NORMALIZE_PATH")) {
                throw new IllegalStateException("rule " + rule.rule() + ": text transformation " + t
                        + " cannot be applied locally (URL_DECODE and NORMALIZE_PATH can)");
            }
        }
        this.rule = rule;
    }

    /** The rule's aggregation key of a raw request path: its text transformations, in priority order. */
    String key(String rawPath) {
        String key = rawPath;
        for (String t : rule.transformations()) {
            key = t.equals("URL_DECODE") ? LocalApiGateway.percentDecode(key) : normalize(key);
        }
        return key;
    }

    /** WAF's NORMALIZE_PATH: no repeated slashes, no "/./", "/x/../" resolved (not above the start). */
    static String normalize(String path) {
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/+", -1)) {
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") && out.size() > 1) {
                out.remove(out.size() - 1);
                continue;
            }
            out.add(segment);
        }
        return String.join("/", out);
    }

    SamTemplate.PathRateLimit rule() {
        return rule;
    }

    /** Whether a request for raw path {@code rawPath} at {@code nowMillis} passes; a passing request is counted. */
    synchronized boolean admit(String rawPath, long nowMillis) {
        Deque<Long> times = admitted.computeIfAbsent(key(rawPath), p -> new ArrayDeque<>());
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
