package com.replyguard.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replyguard.intake.WebhookSignature;
import com.replyguard.notify.ChannelKind;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
        JsonNode credentials = credentials(merchantsFile, merchant);
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
            JsonNode answer = JSON.readTree(postSigned(http, base, merchant, secret, JSON.writeValueAsBytes(body)));
            accepted += answer.path("accepted").asLong();
            duplicates += answer.path("duplicates").asLong();
        }
        out.println("DEMO replayed " + events.size() + " events of " + session.path("title").asText()
                + " (accepted " + accepted + ", duplicates " + duplicates + ")");
        String cycle = session.path("cycle").asText();
        // the KPI λ folds the replay into the counters within a second or two: wait until the report counts it all
        Instant replayed = Instant.now();
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
            Instant end = Instant.now().plus(LIVE_FOR);
            Random random = new Random(15);
            List<Object[]> answers = new ArrayList<>();
            String run = Long.toString(System.currentTimeMillis() / 1000, 36);
            for (int n = 1; Instant.now().isBefore(end); n++) {
                try {
                    Instant now = Instant.now();
                    String conversation = "live-" + run + "-" + n;
                    live(http, base, key, "{\"eventId\":\"" + conversation + "-q\",\"type\":\"customer.message\",\"conversationId\":\""
                            + conversation + "\",\"channel\":\"LIVE_COMMENT\",\"customerId\":\"viewer-" + n + "\",\"occurredAt\":\"" + now + "\"}");
                    if (n % 3 != 0) {
                        answers.add(new Object[] {conversation, now.plusSeconds(8 + random.nextInt(13))});
                    }
                    for (var it = answers.iterator(); it.hasNext(); ) {
                        Object[] a = it.next();
                        if (!((Instant) a[1]).isAfter(now)) {
                            live(http, base, key, "{\"eventId\":\"" + a[0] + "-a\",\"type\":\"agent.message\",\"conversationId\":\"" + a[0]
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

    /** One live event through the public webhook, signed like a platform. */
    private static void live(HttpClient http, URI base, String secret, String event) throws IOException, InterruptedException {
        postSigned(http, base, "demo", secret, ("{\"events\":[" + event + "]}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The demo's live part: points the demo merchant's notifications at the local robot inbox (a
     * 钉钉 group for the team leads, a 企业微信 group for the floor, a 飞书 group for operations, the
     * merchant's own webhook) through the public API, then three customers start waiting now - on
     * the live-room comments, the chat window and a private message - and nobody answers. Their
     * warnings, breaches and escalations reach the inbox, which prints them on stderr.
     */
    static void liveAlerts(URI base, Path merchantsFile, RobotInbox inbox, PrintStream out) throws IOException, InterruptedException {
        String merchant = "demo";
        JsonNode credentials = credentials(merchantsFile, merchant);
        String secret = credentials.path("webhookSecrets").path(0).asText();
        String token = credentials.path("managerTokens").path(0).asText();
        String leads = inbox.add(RobotInbox.Robot.of("客服组长群", ChannelKind.DINGTALK, "SECdemo-dingtalk-signing"));
        String floor = inbox.add(RobotInbox.Robot.of("一线客服群", ChannelKind.WECOM, null));
        String ops = inbox.add(RobotInbox.Robot.of("运营群", ChannelKind.FEISHU, "demo-feishu-signing")
                .withKeyword("ReplyGuard"));
        String erp = inbox.add(RobotInbox.Robot.of("erp", ChannelKind.WEBHOOK, "demo-erp-signing"));
        String settings = """
                {"language": "zh-CN", "consoleUrl": "%s",
                 "channels": [{"id": "leads", "kind": "dingtalk", "url": "%s", "secret": "SECdemo-dingtalk-signing"},
                              {"id": "floor", "kind": "wecom", "url": "%s"},
                              {"id": "ops", "kind": "feishu", "url": "%s", "secret": "demo-feishu-signing", "keyword": "ReplyGuard"},
                              {"id": "erp", "kind": "webhook", "url": "%s", "secret": "demo-erp-signing"}],
                 "routes": [{"alerts": ["SlaAtRisk"], "channels": ["floor"]},
                            {"alerts": ["SlaBreached"], "channels": ["leads", "erp"]},
                            {"alerts": ["SlaEscalated"], "minLevel": 2, "channels": ["leads", "ops", "erp"]}],
                 "people": {"presales-zhang": {"name": "张伟", "team": "presales", "dingtalkUserId": "dt-zhangwei", "wecomUserId": "zhangwei"},
                            "lead-wang": {"name": "王芳", "role": "TEAM_LEAD", "team": "presales", "dingtalkUserId": "dt-wangfang",
                                          "wecomUserId": "wangfang", "feishuOpenId": "ou_demo_wangfang"},
                            "sup-zhao": {"name": "赵静", "role": "SUPERVISOR", "dingtalkUserId": "dt-zhaojing",
                                         "feishuOpenId": "ou_demo_zhaojing"}}}
                """.formatted(base.resolve("/"), leads, floor, ops, erp);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(base.resolve("/merchants/" + merchant + "/notifications"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(settings)).build(), HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("demo notifications refused: " + put.statusCode() + " " + put.body());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        String events = "{\"events\":["
                + event("live-1", "customer.message", "live-demo-1", now, "\"channel\":\"LIVE_COMMENT\",\"customerId\":\"viewer-1\"")
                + "," + event("chat-1", "customer.message", "chat-demo-2", now, "\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-2\"")
                + "," + event("dm-1", "customer.message", "dm-demo-3", now.minusSeconds(50),
                        "\"channel\":\"DIRECT_MESSAGE\",\"customerId\":\"buyer-3\"")
                + "," + event("dm-2", "agent.message", "dm-demo-3", now.minusSeconds(40), "\"agentId\":\"presales-zhang\"")
                + "," + event("dm-3", "customer.message", "dm-demo-3", now, "\"customerId\":\"buyer-3\"") + "]}";
        postSigned(http, base, merchant, secret, events.getBytes(StandardCharsets.UTF_8));
        out.println("DEMO alerts: the demo merchant's notifications point at a local robot inbox (http://127.0.0.1:" + inbox.port()
                + "): 钉钉 客服组长群, 企业微信 一线客服群, 飞书 运营群 and a signed webhook. Three customers are waiting now and nobody"
                + " answers: live-demo-1 (直播间评论, 30 s), chat-demo-2 (客服聊天, 60 s), dm-demo-3 (私信, next reply within 3 min of"
                + " presales-zhang's answer). Their warnings, breaches and escalations appear on stderr as the robots receive them"
                + " (GET /merchants/demo/alerts shows each delivery; POST /merchants/demo/alerts/{alertId}/ack stops a ladder).");
        out.flush();
    }

    /** The demo merchant's entry of the merchants file: its webhook secret and manager token. */
    private static JsonNode credentials(Path merchantsFile, String merchant) throws IOException {
        for (JsonNode m : JSON.readTree(merchantsFile.toFile()).path("merchants")) {
            if (merchant.equals(m.path("merchantId").asText())) {
                return m;
            }
        }
        throw new IllegalStateException("the demo merchant '" + merchant + "' is not in " + merchantsFile);
    }

    /** A batch through the public webhook, signed like a platform; answers the body of the 200. */
    private static String postSigned(HttpClient http, URI base, String merchant, String secret, byte[] bytes)
            throws IOException, InterruptedException {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/webhooks/" + merchant + "/events"))
                .header("Content-Type", "application/json").header("X-Timestamp", ts)
                .header("X-Signature", WebhookSignature.sign(secret, ts, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("demo events refused: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String event(String id, String type, String conversation, OffsetDateTime at, String extra) {
        return "{\"eventId\":\"demo-live-" + id + "-" + at.toEpochSecond() + "\",\"type\":\"" + type + "\",\"conversationId\":\""
                + conversation + "\",\"occurredAt\":\"" + at + "\"," + extra + "}";
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
    static boolean countsWritesBefore(JsonNode report, Instant writtenBefore) {
        JsonNode through = report.path("countedThrough");
        return through.isTextual() && !OffsetDateTime.parse(through.asText()).toInstant().isBefore(writtenBefore);
    }
}
