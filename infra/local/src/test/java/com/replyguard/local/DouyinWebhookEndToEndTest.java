package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.dynalite.ProjectLayout;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** 抖音 open-platform pushes, signed as the platform signs them, end to end to a KPI change. */
class DouyinWebhookEndToEndTest {
    private static final String SECRET = "demo-douyin-client-secret";

    private static Http.Answer push(Http http, byte[] body, String signature, String msgId) {
        return http.postDouyin("demo", body, signature, msgId);
    }

    private static String sign(byte[] body) {
        return Http.douyinSignature(SECRET, body);
    }

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(ProjectLayout.root().resolve("functions/adapters/src/test/resources/douyin/" + name));
    }

    @Test
    void signedPushes_reachTheKpis_replaysChangeNothing_forgeriesAreRefused() throws Exception {
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null,
                ProjectLayout.root().resolve("infra/local/merchants.json"), ProjectLayout.template()))) {
            Http http = new Http(system.url());
            byte[] verify = fixture("verify_webhook.json");
            Http.Answer challenge = push(http, verify, sign(verify), null);
            assertEquals(200, challenge.status(), challenge.body());
            assertEquals(12345, challenge.json().path("challenge").asInt());

            byte[] in = fixture("im_receive_msg.json");
            assertEquals(401, push(http, in, null, "msg-1").status(), "missing signature");
            assertEquals(401, push(http, in, "0".repeat(40), "msg-1").status(), "forged signature");
            Http.Answer first = push(http, in, sign(in), "msg-1");
            assertEquals(200, first.status(), first.body());
            assertEquals(0, first.json().path("duplicates").asInt());
            Http.Answer replay = push(http, in, sign(in), "msg-1");
            assertEquals(1, replay.json().path("duplicates").asInt(), "a replayed or retried delivery changes nothing");
            byte[] out = fixture("im_send_msg.json");
            assertEquals(200, push(http, out, sign(out), "msg-2").status());
            byte[] enter = fixture("im_enter_direct_msg.json");
            Http.Answer ignored = push(http, enter, sign(enter), "msg-3");
            assertEquals(200, ignored.status(), "unknown topics are acknowledged, never retried forever");
            assertEquals("im_enter_direct_msg", ignored.json().path("ignored").asText());

            // the buyer wrote at 22:13:20 China time (2026-09-21), the shop answered 20 s later: a met first reply
            var kpis = http.kpisCountingAllWritesSoFar("/merchants/demo/kpis?cycle=2026-09-H2", "demo-manager-token").json();
            assertEquals(1, kpis.path("firstReply2Min").path("met").asInt());
            assertEquals(1, kpis.path("firstReply2Min").path("total").asInt());
            var clock = http.get("/merchants/demo/conversations/dy:7301122334455", "demo-manager-token").json()
                    .path("clocks").get(0);
            assertEquals(30.0, clock.path("targetSeconds").asDouble(), "破的 + 马上处理: urgent (R9)");
        }
    }
}
