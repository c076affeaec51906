package com.replyguard.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.robots.RobotSignatures;
import com.replyguard.intake.WebhookSignature;
import com.replyguard.notify.ChannelKind;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local robot inbox: stands in for the group robots of 飞书 / Lark, 钉钉 and 企业微信 and for a
 * merchant's webhook, on 127.0.0.1, on the vendors' own paths, and checks each message as the vendor
 * does before it answers the way the vendor answers: the signature and its timestamp window (飞书
 * {@code timestamp}/{@code sign} in the body, an hour; 钉钉 in the query, an hour; the webhook's
 * {@code X-Timestamp}/{@code X-Signature}, 300 s), the robot's keyword, the size limit, and the rate
 * limit ("too fast": 飞书 9499, 钉钉 130101 with its 10-minute block, 企业微信 45009); a robot can also
 * be told to fail or hang. {@code infra/local/run --demo} points the demo merchant's channels here
 * and prints every message readably on stderr, so a newcomer sees what a team lead's group would
 * see; the tests and the notify benchmark use it as the robots' capture server.
 */
public final class RobotInbox implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.ofHours(8));
    private static final Pattern WECOM_MENTION = Pattern.compile("<@([^>]+)>");

    /**
     * One robot: its kind, the token in its URL, its signing secret (null: none), the keyword its
     * filter requires (null: none), how many messages a minute it accepts, and how long it blocks
     * after that (钉钉: 10 minutes; the others answer "too fast" only while over the limit).
     */
    public record Robot(String name, ChannelKind kind, String token, String secret, String keyword, int perMinute,
            Duration block) {
        public static Robot of(String name, ChannelKind kind, String secret) {
            // a token shaped like the vendors' (a UUID), the same for the same name
            return new Robot(name, kind, UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(), secret, null,
                    kind == ChannelKind.FEISHU || kind == ChannelKind.LARK ? 100 : kind == ChannelKind.WEBHOOK ? 100_000 : 20,
                    kind == ChannelKind.DINGTALK ? Duration.ofMinutes(10) : Duration.ZERO);
        }

        public Robot withKeyword(String k) {
            return new Robot(name, kind, token, secret, k, perMinute, block);
        }

        public Robot withPerMinute(int n) {
            return new Robot(name, kind, token, secret, keyword, n, block);
        }
    }

    /**
     * One message as the robot saw it: the text people would read (title first), whom it mentions,
     * whether the robot accepted it, and its answer.
     */
    public record Received(String robot, ChannelKind kind, Instant at, String title, String text, List<String> mentions,
            boolean accepted, int status, String answer, JsonNode body, Map<String, String> headers) {
    }

    private record Scripted(int status, String body, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "robot-inbox");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Robot> byToken = new ConcurrentHashMap<>();
    private final Map<String, Deque<Scripted>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Scripted> always = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> accepted = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final PrintStream print;

    private RobotInbox(PrintStream print) throws IOException {
        this.print = print;
        this.server = LoopbackServers.create(0, 256);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** A running inbox; {@code print}: where to show each message readably (null: nowhere). */
    public static RobotInbox start(PrintStream print) throws IOException {
        return new RobotInbox(print);
    }

    /** Adds a robot; answers the URL to configure for it (on 127.0.0.1, the vendor's path). */
    public String add(Robot r) {
        byToken.put(r.token(), r);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return switch (r.kind()) {
            case FEISHU, LARK -> base + "/open-apis/bot/v2/hook/" + r.token();
            case DINGTALK -> base + "/robot/send?access_token=" + r.token();
            case WECOM -> base + "/cgi-bin/webhook/send?key=" + r.token();
            case WEBHOOK -> base + "/hooks/" + r.token();
        };
    }

    /** The robot answers its next {@code n} messages so (after {@code delay}), whatever they are. */
    public void scriptNext(String robot, int n, int status, String body, Duration delay) {
        Deque<Scripted> q = scripts.computeIfAbsent(robot, k -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < n; i++) {
                q.add(new Scripted(status, body, delay));
            }
        }
    }

    /** The robot answers every message so (after {@code delay}). */
    public void scriptAlways(String robot, int status, String body, Duration delay) {
        always.put(robot, new Scripted(status, body, delay));
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(String robot) {
        return received.stream().filter(r -> r.robot().equals(robot)).toList();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private record Verdict(int status, String answer, boolean accepted) {
        static Verdict ok(String answer) {
            return new Verdict(200, answer, true);
        }

        static Verdict refused(int status, String answer) {
            return new Verdict(status, answer, false);
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            Instant now = Instant.now();
            URI uri = ex.getRequestURI();
            byte[] raw = ex.getRequestBody().readAllBytes();
            Map<String, String> query = query(uri.getRawQuery());
            String path = uri.getPath();
            String token = path.startsWith("/open-apis/bot/v2/hook/") ? path.substring("/open-apis/bot/v2/hook/".length())
                    : path.startsWith("/hooks/") ? path.substring("/hooks/".length())
                    : path.equals("/robot/send") ? query.get("access_token")
                    : path.equals("/cgi-bin/webhook/send") ? query.get("key") : null;
            Robot robot = token == null ? null : byToken.get(token);
            if (robot == null || !pathMatches(robot.kind(), path)) {
                reply(ex, unknownRobot(path));
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            JsonNode body;
            try {
                body = JSON.readTree(raw);
            } catch (IOException e) {
                body = null;
            }
            Verdict v = check(robot, body, raw, query, headers, now);
            Scripted s = next(robot.name());
            if (s != null) {
                sleep(s.delay());
                if (s.status() > 0) {
                    v = new Verdict(s.status(), s.body(), false);
                }
            }
            if (v.accepted()) {
                accepted.computeIfAbsent(robot.name(), k -> new CopyOnWriteArrayList<>()).add(now);
            }
            Received r = describe(robot, body, now, v, headers);
            received.add(r);
            print(r);
            reply(ex, v);
        }
    }

    private static boolean pathMatches(ChannelKind kind, String path) {
        return switch (kind) {
            case FEISHU, LARK -> path.startsWith("/open-apis/bot/v2/hook/");
            case DINGTALK -> path.equals("/robot/send");
            case WECOM -> path.equals("/cgi-bin/webhook/send");
            case WEBHOOK -> path.startsWith("/hooks/");
        };
    }

    private static Verdict unknownRobot(String path) {
        if (path.startsWith("/open-apis/")) {
            // 飞书's answer to an unknown hook token is not documented; this is a refusal of the same class
            return Verdict.refused(200, "{\"code\":19001,\"msg\":\"param invalid: incoming webhook access token invalid\",\"data\":{}}");
        }
        if (path.equals("/robot/send")) {
            return Verdict.refused(200, "{\"errcode\":300001,\"errmsg\":\"token is not exist\"}");
        }
        if (path.equals("/cgi-bin/webhook/send")) {
            return Verdict.refused(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
        }
        return Verdict.refused(404, "{\"error\":\"no such hook\"}");
    }

    private Scripted next(String robot) {
        Deque<Scripted> q = scripts.get(robot);
        if (q != null) {
            synchronized (q) {
                if (!q.isEmpty()) {
                    return q.poll();
                }
            }
        }
        return always.get(robot);
    }

    /** Messages accepted in the minute before {@code now}. */
    private int lastMinute(String robot, Instant now) {
        List<Instant> times = accepted.getOrDefault(robot, List.of());
        return (int) times.stream().filter(t -> t.isAfter(now.minusSeconds(60))).count();
    }

    private Verdict check(Robot r, JsonNode body, byte[] raw, Map<String, String> query, Map<String, String> headers, Instant now) {
        switch (r.kind()) {
            case FEISHU, LARK -> {
                if (body == null || !body.isObject() || raw.length > 20_000 || !body.has("msg_type")) {
                    return Verdict.refused(400, "{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}");
                }
                if (r.secret() != null) {
                    String ts = body.path("timestamp").asText("");
                    if (!ts.matches("\\d{1,12}") || Math.abs(now.getEpochSecond() - Long.parseLong(ts)) > 3600
                            || !constantTimeEquals(RobotSignatures.feishu(Long.parseLong(ts), r.secret()), body.path("sign").asText(""))) {
                        return Verdict.refused(200, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour"
                                + " from current time\",\"data\":{}}");
                    }
                }
                long lastSecond = accepted.getOrDefault(r.name(), List.of()).stream().filter(t -> t.isAfter(now.minusSeconds(1))).count();
                if (lastMinute(r.name(), now) >= r.perMinute() || lastSecond >= 5) {
                    return Verdict.refused(400, "{\"code\":9499,\"msg\":\"too many request\",\"data\":{}}");
                }
                if (r.keyword() != null && !feishuTexts(body).contains(r.keyword())) {
                    return Verdict.refused(200, "{\"code\":19024,\"msg\":\"Key Words Not Found\"}");
                }
                return Verdict.ok("{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}");
            }
            case DINGTALK -> {
                if (r.secret() != null) {
                    String ts = query.getOrDefault("timestamp", "");
                    String sign = query.getOrDefault("sign", "");
                    if (!ts.matches("\\d{1,15}") || Math.abs(now.toEpochMilli() - Long.parseLong(ts)) > 3_600_000
                            || !constantTimeEquals(RobotSignatures.dingtalk(Long.parseLong(ts), r.secret()), sign)) {
                        return Verdict.refused(200, "{\"errcode\":310000,\"errmsg\":\"sign not match, more: "
                                + "[https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]\"}");
                    }
                }
                if (raw.length > 20_000) {
                    return Verdict.refused(200, "{\"errcode\":460101,\"errmsg\":\"message too long, exceed 20000 bytes\"}");
                }
                Instant blocked = blockedUntil.get(r.name());
                if (blocked != null && now.isBefore(blocked)) {
                    return Verdict.refused(200, "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}");
                }
                if (lastMinute(r.name(), now) >= r.perMinute()) {
                    blockedUntil.put(r.name(), now.plus(r.block()));
                    return Verdict.refused(200, "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}");
                }
                if (body == null || !body.isObject() || !body.has("msgtype")) {
                    return Verdict.refused(200, "{\"errcode\":40035,\"errmsg\":\"缺少参数 json\"}");
                }
                String text = body.path("markdown").path("title").asText("") + body.path("markdown").path("text").asText("")
                        + body.path("text").path("content").asText("");
                if (r.keyword() != null && !text.contains(r.keyword())) {
                    return Verdict.refused(200, "{\"errcode\":310000,\"errmsg\":\"keywords not in content, more: "
                            + "[https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]\"}");
                }
                return Verdict.ok("{\"errcode\":0,\"errmsg\":\"ok\"}");
            }
            case WECOM -> {
                if (body == null || !body.isObject()) {
                    return Verdict.refused(200, "{\"errcode\":40008,\"errmsg\":\"Warning: wrong json format. invalid message type\"}");
                }
                if (lastMinute(r.name(), now) >= r.perMinute()) {
                    return Verdict.refused(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
                }
                String content = body.path("markdown").path("content").asText(body.path("text").path("content").asText(""));
                if (content.getBytes(StandardCharsets.UTF_8).length > 4096) {
                    return Verdict.refused(200, "{\"errcode\":40058,\"errmsg\":\"markdown.content exceed max length 4096. invalid"
                            + " Request Parameter\"}");
                }
                return Verdict.ok("{\"errcode\":0,\"errmsg\":\"ok\"}");
            }
            case WEBHOOK -> {
                WebhookSignature.Verdict s = WebhookSignature.verify(List.of(r.secret()), headers.get("x-timestamp"),
                        headers.get("x-signature"), raw, now);
                if (s != WebhookSignature.Verdict.VALID) {
                    return Verdict.refused(401, "{\"error\":\"" + s.message() + "\"}");
                }
                return Verdict.ok("{\"received\":true}");
            }
            default -> throw new IllegalStateException(r.kind().name());
        }
    }

    private static String feishuTexts(JsonNode body) {
        StringBuilder b = new StringBuilder(body.path("content").path("text").asText(""));
        body.path("content").path("post").forEach(locale -> {
            b.append(locale.path("title").asText("")).append('\n');
            locale.path("content").forEach(p -> p.forEach(n -> b.append(n.path("text").asText("")).append('\n')));
        });
        return b.toString();
    }

    private Received describe(Robot r, JsonNode body, Instant now, Verdict v, Map<String, String> headers) {
        String title = "";
        StringBuilder text = new StringBuilder();
        List<String> mentions = new ArrayList<>();
        if (body != null) {
            switch (r.kind()) {
                case FEISHU, LARK -> body.path("content").path("post").forEach(locale -> {
                    text.append(locale.path("title").asText("")).append('\n');
                    locale.path("content").forEach(p -> p.forEach(n -> {
                        switch (n.path("tag").asText()) {
                            case "text" -> text.append(n.path("text").asText()).append('\n');
                            case "a" -> text.append(n.path("text").asText()).append(" <").append(n.path("href").asText()).append(">\n");
                            case "at" -> mentions.add(n.path("user_id").asText());
                            default -> { }
                        }
                    }));
                });
                case DINGTALK -> {
                    text.append(body.path("markdown").path("text").asText("").replace("### ", "")).append('\n');
                    body.path("at").path("atUserIds").forEach(n -> mentions.add(n.asText()));
                    body.path("at").path("atMobiles").forEach(n -> mentions.add(n.asText()));
                }
                case WECOM -> {
                    String content = body.path("markdown").path("content").asText("");
                    text.append(content.replace("**", "").replace("> ", "")).append('\n');
                    Matcher m = WECOM_MENTION.matcher(content);
                    while (m.find()) {
                        mentions.add(m.group(1));
                    }
                }
                case WEBHOOK -> text.append(body.path("type").asText()).append(' ').append(body.path("conversationId").asText(""))
                        .append(' ').append(body.path("clock").asText("")).append(" L").append(body.path("level").asText(""))
                        .append('\n');
                default -> { }
            }
            String t = text.toString().strip();
            title = t.contains("\n") ? t.substring(0, t.indexOf('\n')) : t;
        }
        return new Received(r.name(), r.kind(), now, title, text.toString().strip().replaceAll("\n{2,}", "\n"), List.copyOf(mentions),
                v.accepted(), v.status(), v.answer(), body, headers);
    }

    private void print(Received r) {
        if (print == null) {
            return;
        }
        String vendor = switch (r.kind()) {
            case FEISHU -> "飞书";
            case LARK -> "Lark";
            case DINGTALK -> "钉钉";
            case WECOM -> "企业微信";
            case WEBHOOK -> "webhook";
        };
        StringBuilder b = new StringBuilder();
        b.append("┌─ ").append(vendor).append(" robot \"").append(r.robot()).append("\" · ").append(TIME.format(r.at())).append(" · ")
                .append(r.accepted() ? "signature and limits checked, accepted" : "REFUSED " + r.answer()).append('\n');
        for (String line : r.text().split("\n")) {
            b.append("│ ").append(line).append('\n');
        }
        if (!r.mentions().isEmpty() && r.kind() != ChannelKind.DINGTALK) {
            // 钉钉 shows its mentions in the text already ("@id")
            b.append("│ @ ").append(String.join(", ", r.mentions())).append('\n');
        }
        b.append("└─");
        synchronized (print) {
            print.println(b);
            print.flush();
        }
    }

    private static void reply(HttpExchange ex, Verdict v) throws IOException {
        byte[] answer = v.answer().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(v.status(), answer.length);
        ex.getResponseBody().write(answer);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
