package com.replyguard.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.local.LocalSystem;
import com.replyguard.local.RobotInbox;
import com.replyguard.notify.ChannelKind;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deadline → first robot message about it, on the local runner (docs/benchmarks.md): N live clocks
 * (default 1,000) whose deadlines fall evenly within one minute, every breach routed to three
 * channels - 钉钉, 企业微信 and 飞书 robots of the capture inbox, each accepting 20 messages a minute
 * (more is answered "too fast") and checking signatures - through the whole pipeline: webhook,
 * deadline wheel, escalation, bus rule, notifier. Lag = when the inbox received the first message
 * naming the conversation, minus the clock's deadline. Prints the numbers and two checks (every
 * breach named in some message; no robot over its limit); asserts nothing.
 * Run: {@code infra/local/benchmark notify [clocks]}.
 */
public final class NotifyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("nb-\\d{5}");

    private NotifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clocks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Duration target = Duration.ofSeconds(60);
        Path dir = Files.createTempDirectory("replyguard-notify-bench");
        Path merchants = dir.resolve("merchants.json");
        Files.writeString(merchants, """
                {"merchants": [{"merchantId": "bench", "webhookSecrets": ["bench-secret"], "managerTokens": ["bench-token"],
                  "customerHashKey": "bench-customer-hash-key", "assessedHours": {"from": "00:00", "to": "00:00"},
                  "policy": {"targets": {"FIRST_REPLY": {"liveRoom": 60, "elsewhere": 60}},
                             "warningShare": 0, "escalationDelays": [0]}}]}
                """);
        HttpClient http = HttpClient.newHttpClient();
        try (RobotInbox inbox = RobotInbox.start(null);
                LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null, merchants, ProjectLayout.template()))) {
            URI base = system.url();
            String leads = inbox.add(RobotInbox.Robot.of("dingtalk", ChannelKind.DINGTALK, "SECbench-dingtalk").withPerMinute(20));
            String floor = inbox.add(RobotInbox.Robot.of("wecom", ChannelKind.WECOM, null).withPerMinute(20));
            String ops = inbox.add(RobotInbox.Robot.of("feishu", ChannelKind.FEISHU, "bench-feishu").withPerMinute(20));
            String settings = """
                    {"channels": [{"id": "leads", "kind": "dingtalk", "url": "%s", "secret": "SECbench-dingtalk"},
                                  {"id": "floor", "kind": "wecom", "url": "%s"},
                                  {"id": "ops", "kind": "feishu", "url": "%s", "secret": "bench-feishu", "perMinute": 20}],
                     "routes": [{"alerts": ["SlaBreached"], "channels": ["leads", "floor", "ops"]}]}""".formatted(leads, floor, ops);
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(base.resolve("/merchants/bench/notifications"))
                    .header("Authorization", "Bearer bench-token").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(settings)).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                throw new IllegalStateException("settings refused: " + put.body());
            }
            // warm-up: one clock through the whole pipeline (SnapStart's priming does this in AWS)
            BenchSupport.postEvents(http, base, "bench", "bench-secret", List.of(event("warm", "nb-warm", Instant.now().minus(target).plusSeconds(2))));
            long warmUntil = System.currentTimeMillis() + 20_000;
            while (inbox.received().size() < 3 && System.currentTimeMillis() < warmUntil) {
                Thread.sleep(50);
            }
            Thread.sleep(Budgets.AFTER_WARM_UP.toMillis()); // the warm-up's tokens come back
            Instant loadStart = Instant.now();
            Instant t0 = loadStart.plusSeconds(30);
            long stepMicros = target.toNanos() / 1000 / clocks;
            Map<String, Instant> deadlines = new HashMap<>();
            for (int from = 0; from < clocks; from += 100) {
                List<String> batch = new ArrayList<>();
                for (int i = from; i < Math.min(clocks, from + 100); i++) {
                    Instant deadline = t0.plusNanos(stepMicros * 1000 * i);
                    String conversation = String.format("nb-%05d", i);
                    deadlines.put(conversation, deadline);
                    batch.add(event("e" + i, conversation, deadline.minus(target)));
                }
                BenchSupport.postEvents(http, base, "bench", "bench-secret", batch);
            }
            Instant loaded = Instant.now();
            if (loaded.isAfter(t0)) {
                throw new IllegalStateException("loading took longer than the lead time");
            }
            System.out.printf("LOAD %d clocks in %.1f s; deadlines from %s over %d s%n", clocks,
                    Duration.between(loadStart, loaded).toMillis() / 1000.0, t0, target.toSeconds());
            system.dynalite().resetRequestCounts();
            Instant giveUp = t0.plus(target).plusSeconds(180);
            // until every robot has named every breach (or given up)
            while (Instant.now().isBefore(giveUp) && !List.of("dingtalk", "wecom", "feishu").stream().allMatch(r ->
                    firstNamed(inbox.received(r)).keySet().containsAll(deadlines.keySet()))) {
                Thread.sleep(500);
            }
            Thread.sleep(2000);
            String counts = system.dynalite().requestCounts();
            Map<String, Instant> first = firstNamed(inbox.received());
            List<Long> lags = new ArrayList<>();
            int named = 0;
            for (Map.Entry<String, Instant> d : deadlines.entrySet()) {
                Instant heard = first.get(d.getKey());
                if (heard != null) {
                    named++;
                    lags.add(Duration.between(d.getValue(), heard).toMillis());
                }
            }
            System.out.printf("NOTIFY %d breaches, 3 channels (钉钉, 企业微信, 飞书 at 20 a minute); deadline -> first robot message "
                    + "naming it: ms p50 %d p99 %d max %d%n", clocks, BenchSupport.pct(lags, 50), BenchSupport.pct(lags, 99), BenchSupport.pct(lags, 100));
            boolean overLimit = false;
            for (String robot : List.of("dingtalk", "wecom", "feishu")) {
                List<RobotInbox.Received> all = inbox.received(robot);
                List<Instant> ok = all.stream().filter(RobotInbox.Received::accepted).map(RobotInbox.Received::at).sorted().toList();
                long refused = all.stream().filter(r -> !r.accepted()).count();
                int maxPerMinute = maxInWindow(ok, Duration.ofMinutes(1));
                overLimit |= maxPerMinute > 20 || refused > 0;
                Map<String, Instant> byRobot = firstNamed(all.stream().filter(RobotInbox.Received::accepted).toList());
                List<Long> robotLags = new ArrayList<>();
                deadlines.forEach((c, d) -> {
                    if (byRobot.containsKey(c)) {
                        robotLags.add(Duration.between(d, byRobot.get(c)).toMillis());
                    }
                });
                System.out.printf("ROBOT %s: %d messages accepted (max %d in any minute), %d refused; names %d of %d; lag ms p50 %d"
                        + " p99 %d max %d%n", robot, ok.size(), maxPerMinute, refused, byRobot.size(), clocks, BenchSupport.pct(robotLags, 50),
                        BenchSupport.pct(robotLags, 99), BenchSupport.pct(robotLags, 100));
            }
            System.out.printf("CHECK every breach named in some message: %s (%d of %d)%n", named == clocks ? "yes" : "NO", named,
                    clocks);
            System.out.printf("CHECK no robot over its limit (20 a minute, no \"too fast\" answer): %s%n", overLimit ? "NO" : "yes");
            Map<String, Integer> states = new TreeMap<>();
            String token = null;
            do {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/merchants/bench/alerts?limit=1000"
                        + (token == null ? "" : "&nextToken=" + token))).header("Authorization", "Bearer bench-token").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode page = JSON.readTree(r.body());
                for (JsonNode a : page.path("alerts")) {
                    a.path("deliveries").forEach(d -> states.merge(d.path("state").asText(), 1, Integer::sum));
                }
                token = page.path("nextToken").isNull() ? null : page.path("nextToken").asText(null);
            } while (token != null);
            System.out.println("DELIVERIES by state (GET /alerts): " + states);
            // where the time went: the wheel's detection (breach detectedAt - deadline), then the notifier (first message -
            // the breach event's publishedAt)
            List<Long> detection = new ArrayList<>();
            List<Long> notifier = new ArrayList<>();
            for (Map<String, Object> e : system.events()) {
                Map<?, ?> d = (Map<?, ?>) e.get("detail");
                String c = String.valueOf(d.get("conversationId"));
                if ("SlaBreached".equals(e.get("detail-type")) && deadlines.containsKey(c)) {
                    Instant published = OffsetDateTime.parse(String.valueOf(d.get("publishedAt"))).toInstant();
                    detection.add(Duration.between(deadlines.get(c), published).toMillis());
                    if (first.containsKey(c)) {
                        notifier.add(Duration.between(published, first.get(c)).toMillis());
                    }
                }
            }
            System.out.printf("SPLIT detection (deadline -> SlaBreached published) ms p50 %d p99 %d max %d; notifier (published ->"
                    + " first message) ms p50 %d p99 %d max %d%n", BenchSupport.pct(detection, 50), BenchSupport.pct(detection, 99), BenchSupport.pct(detection, 100),
                    BenchSupport.pct(notifier, 50), BenchSupport.pct(notifier, 99), BenchSupport.pct(notifier, 100));
            long requests = 0;
            for (JsonNode n : JSON.readTree(counts)) {
                requests += n.asLong();
            }
            System.out.printf("DYNAMODB requests while the clocks came due and were told: %d (%.1f per breach) %s%n", requests,
                    (double) requests / clocks, counts);
        }
    }

    /** Waits of the benchmark itself. */
    private static final class Budgets {
        static final Duration AFTER_WARM_UP = Duration.ofSeconds(8);
    }

    private static String event(String id, String conversation, Instant start) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"customer.message\",\"conversationId\":\"" + conversation
                + "\",\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-" + id + "\",\"occurredAt\":\""
                + OffsetDateTime.ofInstant(start, ZoneOffset.ofHours(8)) + "\"}";
    }

    /** Each conversation named in an accepted message, with the first instant one named it. */
    private static Map<String, Instant> firstNamed(List<RobotInbox.Received> messages) {
        Map<String, Instant> first = new HashMap<>();
        for (RobotInbox.Received r : messages) {
            if (!r.accepted()) {
                continue;
            }
            Matcher m = NAME.matcher(r.text());
            while (m.find()) {
                first.merge(m.group(), r.at(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return first;
    }

    private static int maxInWindow(List<Instant> sorted, Duration window) {
        int max = 0;
        for (int i = 0, j = 0; i < sorted.size(); i++) {
            while (j < sorted.size() && sorted.get(j).isBefore(sorted.get(i).plus(window))) {
                j++;
            }
            max = Math.max(max, j - i);
        }
        return max;
    }
}
