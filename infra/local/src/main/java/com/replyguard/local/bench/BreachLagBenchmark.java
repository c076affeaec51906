package com.replyguard.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.local.LocalSystem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Breach-detection lag on the local runner (docs/benchmarks.md): N open clocks whose deadlines
 * fall at R per second, detected by the deadline wheel with no further event; lag = the breach's
 * detectedAt minus its deadline. Beside it, the same deadlines under a 5-minute polling loop (the
 * peers' design): detection at the first poll after the deadline. Prints the numbers; asserts
 * nothing. Run: {@code infra/local/benchmark [clocks] [deadlinesPerSecond] [leadSeconds]}.
 */
public final class BreachLagBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BreachLagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clocks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        // the lead (load start -> first deadline) must outlast the load: on dynalite a batch of 100 clocks takes from
        // 0.3 s on an idle machine to 3 s on a busy one, so the lead allows 3 s a batch (third argument: seconds)
        Duration lead = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : Math.max(45, 3L * ((clocks + 99) / 100)));
        // every clock starts before the load does (no event from the future), its deadline at least the lead later
        long stepNanos = 1_000_000_000L / perSecond;
        Duration spread = Duration.ofNanos(stepNanos * clocks);
        Duration target = lead.plus(spread).plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        Path dir = Files.createTempDirectory("replyguard-bench");
        Path merchants = dir.resolve("merchants.json");
        Files.writeString(merchants, """
                {"merchants": [{"merchantId": "bench", "webhookSecrets": ["bench-secret"], "managerTokens": ["bench-token"],
                  "customerHashKey": "bench-customer-hash-key", "assessedHours": {"from": "00:00", "to": "00:00"},
                  "policy": {"targets": {"FIRST_REPLY": {"liveRoom": %d, "elsewhere": %d}},
                             "warningShare": 0, "escalationDelays": [0]}}]}
                """.formatted(target.toSeconds(), target.toSeconds()));
        HttpClient http = HttpClient.newHttpClient();
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null, merchants, ProjectLayout.template()))) {
            URI base = system.url();
            Instant loadStart = Instant.now();
            // deadlines from T0 on, R per second: clock i starts at T0 - target + i/R
            Instant t0 = loadStart.plus(lead);
            system.dynalite().resetRequestCounts();
            for (int from = 0; from < clocks; from += 100) {
                List<String> batch = new ArrayList<>();
                for (int i = from; i < Math.min(clocks, from + 100); i++) {
                    Instant start = t0.minus(target).plusNanos(stepNanos * i);
                    batch.add("{\"eventId\":\"b" + i + "\",\"type\":\"customer.message\",\"conversationId\":\"bench-" + i
                            + "\",\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-" + i + "\",\"occurredAt\":\""
                            + OffsetDateTime.ofInstant(start, ZoneOffset.ofHours(8)) + "\"}");
                }
                BenchSupport.postEvents(http, base, "bench", "bench-secret", batch);
            }
            Instant loaded = Instant.now();
            String loadCounts = system.dynalite().requestCounts();
            long loadRequests = BenchSupport.total(loadCounts);
            System.out.printf("LOAD %d clocks in %.1f s; DynamoDB requests %d (%.2f per event) %s%n", clocks,
                    Duration.between(loadStart, loaded).toMillis() / 1000.0, loadRequests, (double) loadRequests / clocks, loadCounts);
            if (loaded.isAfter(t0)) {
                throw new IllegalStateException("load took longer than the lead of " + lead.toSeconds()
                        + " s; deadlines already began: give a longer lead as the third argument");
            }
            system.dynalite().resetRequestCounts();
            Instant lastDeadline = t0.plusNanos(stepNanos * (clocks - 1L));
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastDeadline.plusSeconds(10)).toMillis()));
            String streamCounts = system.dynalite().requestCounts();

            List<Long> lags = new ArrayList<>();
            List<Instant> deadlines = new ArrayList<>();
            String token = null;
            do {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/merchants/bench/breaches?limit=1000"
                        + (token == null ? "" : "&nextToken=" + token))).header("Authorization", "Bearer bench-token").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode page = JSON.readTree(r.body());
                for (JsonNode b : page.path("breaches")) {
                    Instant deadline = OffsetDateTime.parse(b.path("deadline").asText()).toInstant();
                    Instant detected = OffsetDateTime.parse(b.path("detectedAt").asText()).toInstant();
                    deadlines.add(deadline);
                    lags.add(Duration.between(deadline, detected).toMillis());
                }
                token = page.path("nextToken").isNull() ? null : page.path("nextToken").asText(null);
            } while (token != null);
            System.out.printf("WHEEL %d of %d clocks breached; lag ms p50 %d p99 %d max %d; DynamoDB requests while %d deadlines"
                    + " came due: %d (%.2f per breach, wheel reads included) %s%n", lags.size(), clocks, BenchSupport.pct(lags, 50),
                    BenchSupport.pct(lags, 99), BenchSupport.pct(lags, 100), clocks, BenchSupport.total(streamCounts), (double) BenchSupport.total(streamCounts) / Math.max(1, lags.size()),
                    streamCounts);
            // the peers' design on the same deadlines: a poll every 5 minutes, first poll at the run's start
            List<Long> polled = new ArrayList<>();
            long period = Duration.ofMinutes(5).toMillis();
            for (Instant d : deadlines) {
                long sinceStart = Duration.between(loadStart, d).toMillis();
                long nextPoll = ((sinceStart / period) + 1) * period;
                polled.add(nextPoll - sinceStart);
            }
            System.out.printf("POLL-5MIN same %d deadlines; lag ms p50 %d p99 %d max %d%n", polled.size(), BenchSupport.pct(polled, 50),
                    BenchSupport.pct(polled, 99), BenchSupport.pct(polled, 100));
            System.out.println("SCHEDULER calls per message: 0 (no function creates schedules; one rate(1 minute) schedule in all)");
        }
    }
}
