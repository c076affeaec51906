package com.replyguard.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replyguard.intake.WebhookSignature;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code --demo}: replays a recorded live-stream session (infra/local/demo/live-session.json)
 * through the public webhook, signed like a platform would, then prints the manager API's KPI
 * report and breach count for the session's cycle. It only uses the public HTTP API.
 */
final class DemoSession {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoSession() {
    }

    static void replay(URI base, Path sessionFile, Path merchantsFile, PrintStream out) throws IOException, InterruptedException {
        JsonNode session = JSON.readTree(sessionFile.toFile());
        String merchant = session.path("merchantId").asText();
        JsonNode credentials = null;
        for (JsonNode m : JSON.readTree(merchantsFile.toFile()).path("merchants")) {
            if (merchant.equals(m.path("merchantId").asText())) {
                credentials = m;
            }
        }
        if (credentials == null) {
            throw new IllegalStateException("the demo merchant '" + merchant + "' is not in " + merchantsFile);
        }
        String secret = credentials.path("webhookSecrets").path(0).asText();
        String token = credentials.path("managerTokens").path(0).asText();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ArrayNode events = (ArrayNode) session.path("events");
        int batchSize = session.path("batchSize").asInt(100);
        long accepted = 0;
        long duplicates = 0;
        for (int from = 0; from < events.size(); from += batchSize) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode batch = body.putArray("events");
            for (int i = from; i < Math.min(events.size(), from + batchSize); i++) {
                batch.add(events.get(i));
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/webhooks/" + merchant + "/events"))
                    .header("Content-Type", "application/json").header("X-Timestamp", ts)
                    .header("X-Signature", WebhookSignature.sign(secret, ts, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("demo batch refused: " + r.statusCode() + " " + r.body());
            }
            JsonNode answer = JSON.readTree(r.body());
            accepted += answer.path("accepted").asLong();
            duplicates += answer.path("duplicates").asLong();
        }
        out.println("DEMO replayed " + events.size() + " events of " + session.path("title").asText()
                + " (accepted " + accepted + ", duplicates " + duplicates + ")");
        String cycle = session.path("cycle").asText();
        // the KPI λ folds the replay into the counters within a second or two: wait until the report counts it all
        java.time.Instant replayed = java.time.Instant.now();
        String kpis;
        for (int attempt = 0; ; attempt++) {
            kpis = get(http, base.resolve("/merchants/" + merchant + "/kpis?cycle=" + cycle), token);
            if (countsWritesBefore(JSON.readTree(kpis), replayed) || attempt >= 300) {
                break;
            }
            Thread.sleep(100);
        }
        out.println("DEMO KPI report for " + merchant + " " + cycle + ":");
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(kpis)));
        JsonNode breaches = JSON.readTree(get(http, base.resolve("/merchants/" + merchant + "/breaches?limit=1000"), token));
        out.println("DEMO breaches recorded: " + breaches.path("breaches").size()
                + " (GET /merchants/" + merchant + "/breaches with Authorization: Bearer " + token + ")");
        out.flush();
    }

    /** How long the demo keeps its live stream going after the replay (the runner stays up as long as asked). */
    static final Duration LIVE_FOR = Duration.ofMinutes(30);

    /**
     * After the replay (history of 3 October), a live tail for the console: a new live-room comment
     * every 4 s, as the stream would bring them; two in three get an answer 8-20 s later, the rest
     * count down, turn amber and breach on the queue. Runs {@link #LIVE_FOR}, on a daemon thread.
     */
    static Thread streamLive(URI base, Path merchantsFile, PrintStream out) throws IOException {
        String secret = null;
        for (JsonNode m : JSON.readTree(merchantsFile.toFile()).path("merchants")) {
            if ("demo".equals(m.path("merchantId").asText())) {
                secret = m.path("webhookSecrets").path(0).asText();
            }
        }
        if (secret == null) {
            return null;
        }
        String key = secret;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        out.println("DEMO live: a new live-room comment every 4 s for " + LIVE_FOR.toMinutes() + " min; watch them on the console");
        out.flush();
        Thread t = new Thread(() -> {
            java.time.Instant end = java.time.Instant.now().plus(LIVE_FOR);
            java.util.Random random = new java.util.Random(15);
            java.util.List<Object[]> answers = new java.util.ArrayList<>();
            String run = Long.toString(System.currentTimeMillis() / 1000, 36);
            for (int n = 1; java.time.Instant.now().isBefore(end); n++) {
                try {
                    java.time.Instant now = java.time.Instant.now();
                    String conversation = "live-" + run + "-" + n;
                    post(http, base, key, "{\"eventId\":\"" + conversation + "-q\",\"type\":\"customer.message\",\"conversationId\":\""
                            + conversation + "\",\"channel\":\"LIVE_COMMENT\",\"customerId\":\"viewer-" + n + "\",\"occurredAt\":\"" + now + "\"}");
                    if (n % 3 != 0) {
                        answers.add(new Object[] {conversation, now.plusSeconds(8 + random.nextInt(13))});
                    }
                    for (var it = answers.iterator(); it.hasNext(); ) {
                        Object[] a = it.next();
                        if (!((java.time.Instant) a[1]).isAfter(now)) {
                            post(http, base, key, "{\"eventId\":\"" + a[0] + "-a\",\"type\":\"agent.message\",\"conversationId\":\"" + a[0]
                                    + "\",\"agentId\":\"presales-zhang\",\"agentRole\":\"PRESALES\",\"occurredAt\":\"" + now + "\"}");
                            it.remove();
                        }
                    }
                    Thread.sleep(4_000);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    System.err.println("DEMO live: " + e.getMessage());
                    return;
                }
            }
        }, "demo-live-stream");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void post(HttpClient http, URI base, String secret, String event) throws IOException, InterruptedException {
        byte[] bytes = ("{\"events\":[" + event + "]}").getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/webhooks/demo/events"))
                .header("Content-Type", "application/json").header("X-Timestamp", ts)
                .header("X-Signature", WebhookSignature.sign(secret, ts, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("live event refused: " + r.statusCode() + " " + r.body());
        }
    }

    private static String get(HttpClient http, URI uri, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /**
     * Whether a KPI report (or any report with {@code countedThrough}) counts every write made before
     * {@code writtenBefore}: the KPI λ folds writes into counters about a second after they are made.
     */
    static boolean countsWritesBefore(JsonNode report, java.time.Instant writtenBefore) {
        JsonNode through = report.path("countedThrough");
        return through.isTextual() && !java.time.OffsetDateTime.parse(through.asText()).toInstant().isBefore(writtenBefore);
    }
}
