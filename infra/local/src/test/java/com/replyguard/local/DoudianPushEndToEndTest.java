package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.adapters.doudian.DoudianPush;
import com.replyguard.dynalite.ProjectLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** 抖店 pushes, signed as the platform signs them (MD5 event-sign), end to end to the after-sales report. */
class DoudianPushEndToEndTest {
    private static final String KEY = "demo-doudian-app-key";

    private static Http.Answer push(Http http, byte[] body, String appId, String sign) {
        return http.postDoudian("demo", body, appId, sign);
    }

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(ProjectLayout.root().resolve("functions/adapters/src/test/resources/doudian/" + name));
    }

    @Test
    void signedPushes_openAndResolveACase_replaysChangeNothing_forgeriesAreRefused() throws Exception {
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null,
                ProjectLayout.root().resolve("infra/local/merchants.json"), ProjectLayout.template()))) {
            Http http = new Http(system.url());
            byte[] created = fixture("aftersale_created.json");
            String sign = DoudianPush.sign(KEY, created, "demo-doudian-app-secret");
            Http.Answer missing = push(http, created, KEY, null);
            assertEquals(401, missing.status());
            assertEquals(1, missing.json().path("code").asInt());
            assertEquals(401, push(http, created, KEY, "0".repeat(32)).status(), "forged");
            assertEquals(401, push(http, created, "another-app", sign).status(), "another app");
            Http.Answer first = push(http, created, KEY, sign);
            assertEquals(200, first.status(), first.body());
            assertEquals(0, first.json().path("code").asInt());
            assertEquals("success", first.json().path("msg").asText());
            assertEquals(2, first.json().path("accepted").asInt());
            Http.Answer replay = push(http, created, KEY, sign);
            assertEquals(2, replay.json().path("duplicates").asInt(), "a redelivered push changes nothing");

            byte[] refunded = fixture("aftersale_refunded.json");
            // signed with the next secret: both are active during a rotation
            assertEquals(200, push(http, refunded, KEY, DoudianPush.sign(KEY, refunded, "demo-doudian-app-secret-next")).status());
            byte[] mixed = fixture("order_paid_and_aftersale.json");
            Http.Answer m = push(http, mixed, KEY, DoudianPush.sign(KEY, mixed, "demo-doudian-app-secret"));
            assertEquals(1, m.json().path("ignored").asInt(), "the order tag is acknowledged and counted");
            byte[] bad = "[{\"tag\":\"200\"}]".getBytes(StandardCharsets.UTF_8);
            Http.Answer refused = push(http, bad, KEY, DoudianPush.sign(KEY, bad, "demo-doudian-app-secret"));
            assertEquals(400, refused.status());
            assertEquals(1, refused.json().path("code").asInt());

            var report = http.kpisCountingAllWritesSoFar("/merchants/demo/aftersales?cycle=2026-10-H1", "demo-manager-token")
                    .json();
            assertEquals(2, report.path("returns").path("cases").asInt(), report.toString());
            assertEquals(1, report.path("returns").path("resolved").asInt());
            assertEquals(6.0, report.path("returns").path("averageWaitHours").asDouble(), "12:00 to 18:00");
        }
    }
}
