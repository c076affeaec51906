package com.replyguard.adapters.robots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.Message;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.OutboundUrls;
import com.replyguard.notify.RobotAnswer;
import com.replyguard.ports.HostResolver;
import com.replyguard.ports.RobotClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The robots over HTTPS with the JDK's {@link HttpClient}: the URL is checked again before every
 * send ({@link OutboundUrls}: vendor host, public address, https - a name that started resolving to
 * a private address is refused now), redirects are never followed (a public host cannot bounce us
 * into a private network), every request has a timeout, and the answer is read from the body by
 * the vendor's rules ({@code code}/{@code msg}, {@code errcode}/{@code errmsg}). Failures come back
 * as answers, never as exceptions, and never carry the URL (exception texts may contain it: only
 * their kind is reported).
 */
public final class HttpRobotClient implements RobotClient {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final HostResolver resolver;
    private final boolean allowLoopback;
    private final Duration timeout;

    public HttpRobotClient(HostResolver resolver, boolean allowLoopback) {
        this(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build(), resolver, allowLoopback, REQUEST_TIMEOUT);
    }

    public HttpRobotClient(HttpClient http, HostResolver resolver, boolean allowLoopback, Duration timeout) {
        this.http = http;
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
        this.timeout = timeout;
    }

    @Override
    public RobotAnswer send(NotifyChannel channel, Message message, Instant now) {
        List<String> problems = OutboundUrls.problems(channel.kind(), channel.url(), allowLoopback, resolver);
        if (!problems.isEmpty()) {
            return RobotAnswer.notSent("address refused: the url " + problems.get(0));
        }
        RobotFormats.Rendered r = RobotFormats.render(channel, message, now);
        if (r.tooLong() != null) {
            return RobotAnswer.notSent("message not sent: " + r.tooLong());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(r.uri()).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
        r.headers().forEach(b::header);
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return RobotAnswer.unreachable("no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return RobotAnswer.unreachable("connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RobotAnswer.unreachable("interrupted");
        }
        return answer(channel.kind(), response.statusCode(), response.body());
    }

    /** The vendor's own code and message from the body (HTTP 200 does not mean accepted). */
    static RobotAnswer answer(ChannelKind kind, int status, String body) {
        if (kind == ChannelKind.WEBHOOK) {
            return new RobotAnswer(status, null, "HTTP " + status);
        }
        JsonNode j;
        try {
            j = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            j = null;
        }
        if (j == null || !j.isObject()) {
            return new RobotAnswer(status, null, "HTTP " + status + ", answer not understood");
        }
        String codeField = kind == ChannelKind.FEISHU || kind == ChannelKind.LARK ? "code" : "errcode";
        String msgField = kind == ChannelKind.FEISHU || kind == ChannelKind.LARK ? "msg" : "errmsg";
        JsonNode code = j.get(codeField);
        if (code == null && (kind == ChannelKind.FEISHU || kind == ChannelKind.LARK)) {
            code = j.get("StatusCode"); // the legacy success envelope
        }
        return new RobotAnswer(status, code != null && code.canConvertToInt() ? code.asInt() : null,
                j.path(msgField).asText(j.path("StatusMessage").asText(null)));
    }
}
