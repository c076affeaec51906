package com.replyguard.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.intake.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A test client of the public HTTP API: signs webhooks like a platform, reads like a manager. Every
 * answer it receives is held to docs/openapi.yaml (the schema of the operation and status it
 * answers, {@link OpenApiContract}): an answer the document does not describe fails the test that
 * received it.
 */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    record Answer(int status, String body, HttpHeaders headers) {
        /** An answer's header (the first value), if it has it. */
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Answer postSigned(String merchant, String secret, String body) {
        return postSigned(merchant, secret, body.getBytes(StandardCharsets.UTF_8), Instant.now().getEpochSecond(),
                "application/json");
    }

    Answer postSigned(String merchant, String secret, byte[] body, long timestamp, String contentType) {
        String ts = Long.toString(timestamp);
        return post("/webhooks/" + merchant + "/events", body, contentType, ts, WebhookSignature.sign(secret, ts, body));
    }

    Answer post(String path, byte[] body, String contentType, String timestamp, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (timestamp != null) {
            b.header("X-Timestamp", timestamp);
        }
        if (signature != null) {
            b.header("X-Signature", signature);
        }
        return send(b.build());
    }

    /** A push as the 抖音 open platform sends it ({@code X-Douyin-Signature}, {@code Msg-Id}; either may be left out). */
    Answer postDouyin(String merchant, byte[] body, String signature, String msgId) {
        return postJson("/webhooks/" + merchant + "/douyin", body, "X-Douyin-Signature", signature, "Msg-Id", msgId);
    }

    /** 抖音's signature: lowercase hex SHA-1 of the client secret followed by the raw body. */
    static String douyinSignature(String clientSecret, byte[] body) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(clientSecret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A push as 抖店 sends it ({@code app-id}, {@code event-sign}; either may be left out). */
    Answer postDoudian(String merchant, byte[] body, String appId, String sign) {
        return postJson("/webhooks/" + merchant + "/doudian", body, "app-id", appId, "event-sign", sign);
    }

    /** A JSON POST with headers given as name, value pairs; a null value leaves its header out. */
    private Answer postJson(String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                b.header(headers[i], headers[i + 1]);
            }
        }
        return send(b.build());
    }

    /**
     * A KPI report once it counts everything written before this call: the KPI λ folds changes into
     * counters about every second, and the report's {@code countedThrough} says how far (docs/kpis.md).
     */
    Answer kpisCountingAllWritesSoFar(String pathAndQuery, String token) {
        Instant writtenBefore = Instant.now();
        Instant giveUp = writtenBefore.plusSeconds(20);
        while (true) {
            Answer a = get(pathAndQuery, token);
            if (a.status() != 200 || DemoSession.countsWritesBefore(a.json(), writtenBefore)) {
                return a;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("the KPI counters did not count writes before " + writtenBefore + " within 20 s: " + a.body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    Answer get(String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    Answer put(String path, String token, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            OpenApiContract.assertConforms(OpenApiContract.repository().problems(request.method(), request.uri().getRawPath(),
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body()));
            return new Answer(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    static String event(String id, String type, String conversation, String chinaTime, String extra) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"conversationId\":\"" + conversation
                + "\",\"occurredAt\":\"" + chinaTime + "+08:00\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
