package com.replyguard.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.intake.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the live benchmarks share: a signed batch through the public webhook, percentiles, request totals. */
final class BenchSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchSupport() {
    }

    /** Posts {@code {"events": [...]}} to the merchant's webhook, signed like a platform; a refusal throws. */
    static void postEvents(HttpClient http, URI base, String merchant, String secret, List<String> events)
            throws IOException, InterruptedException {
        byte[] bytes = ("{\"events\":[" + String.join(",", events) + "]}").getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(Instant.now().getEpochSecond());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/webhooks/" + merchant + "/events"))
                .header("Content-Type", "application/json").header("X-Timestamp", ts)
                .header("X-Signature", WebhookSignature.sign(secret, ts, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("load refused: " + r.statusCode() + " " + r.body());
        }
    }

    /** The p-th percentile (nearest rank; 100: the maximum); -1 for no values. */
    static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** The sum of dynalite's request counts ({"GetItem": n, ...}). */
    static long total(String countsJson) throws IOException {
        long sum = 0;
        for (JsonNode n : JSON.readTree(countsJson)) {
            sum += n.asLong();
        }
        return sum;
    }
}
