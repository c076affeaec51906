package com.replyguard.adapters.robots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.Language;
import com.replyguard.notify.Message;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.RobotAnswer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The robots' HTTP client: reads the vendor's code from the body (HTTP 200 is not success), never
 * follows a redirect, answers a timeout or a refused connection as "unreachable" without the URL,
 * refuses an address that is not allowed before sending anything, and reaches loopback only with
 * the local runner's flag.
 */
class HttpRobotClientTest {
    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private volatile int status = 200;
    private volatile String body = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            if (status / 100 == 3) {
                ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
            }
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private NotifyChannel dingtalk() {
        return new NotifyChannel("leads", ChannelKind.DINGTALK, "http://127.0.0.1:" + server.getAddress().getPort()
                + "/robot/send?access_token=secret-token-123", null, null, null);
    }

    private static Message message() {
        return new Message("【ReplyGuard】测试消息", List.of("line"), null, null, List.of(), List.of(), false, Language.ZH_CN);
    }

    private HttpRobotClient client(boolean loopback) {
        return new HttpRobotClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                host -> List.of(new byte[] {93, (byte) 184, (byte) 216, 34}), loopback, Duration.ofMillis(500));
    }

    @Test
    void theVendorsCodeDecides_notTheHttpStatus() {
        body = "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}";
        RobotAnswer a = client(true).send(dingtalk(), message(), Instant.now());
        assertEquals(new RobotAnswer(200, 310000, "keywords not in content"), a);
        status = 400;
        body = "{\"code\":9499,\"msg\":\"too many request\",\"data\":{}}";
        NotifyChannel feishu = new NotifyChannel("ops", ChannelKind.FEISHU, "http://127.0.0.1:" + server.getAddress().getPort()
                + "/open-apis/bot/v2/hook/tok", null, null, null);
        assertEquals(new RobotAnswer(400, 9499, "too many request"), client(true).send(feishu, message(), Instant.now()));
        status = 200;
        body = "<html>proxy</html>";
        assertEquals(null, client(true).send(dingtalk(), message(), Instant.now()).code());
    }

    @Test
    void aRedirectIsNeverFollowed() {
        status = 302;
        body = "";
        RobotAnswer a = client(true).send(dingtalk(), message(), Instant.now());
        assertEquals(302, a.httpStatus());
        assertEquals(1, hits.get(), "only our own request reached a server");
    }

    @Test
    void aTimeoutOrARefusedConnection_isUnreachable_andNeverNamesTheUrl() {
        delayMillis = 1500;
        RobotAnswer slow = client(true).send(dingtalk(), message(), Instant.now());
        assertEquals(RobotAnswer.UNREACHABLE, slow.httpStatus());
        assertEquals("no answer within 0 s", slow.message().replace("0 s", "0 s"));
        server.stop(0);
        RobotAnswer down = client(true).send(dingtalk(), message(), Instant.now());
        assertEquals(RobotAnswer.UNREACHABLE, down.httpStatus());
        assertTrue(!down.message().contains("secret-token-123") && !down.message().contains("127.0.0.1"), down.message());
    }

    @Test
    void anAddressThatIsNotAllowed_isRefusedBeforeAnythingIsSent() {
        RobotAnswer a = client(false).send(dingtalk(), message(), Instant.now());
        assertEquals(RobotAnswer.NOT_SENT, a.httpStatus());
        assertTrue(a.message().startsWith("address refused: the url "), a.message());
        assertTrue(!a.message().contains("secret-token-123"), a.message());
        NotifyChannel privateHook = new NotifyChannel("erp", ChannelKind.WEBHOOK, "https://erp.example.com/hook", "s", null, null);
        HttpRobotClient rebinding = new HttpRobotClient(HttpClient.newHttpClient(), host -> List.of(new byte[] {10, 0, 0, 7}), false,
                Duration.ofSeconds(1));
        assertEquals(RobotAnswer.NOT_SENT, rebinding.send(privateHook, message(), Instant.now()).httpStatus(),
                "a name that now resolves to a private address is refused at send time");
        assertEquals(0, hits.get());
    }
}
