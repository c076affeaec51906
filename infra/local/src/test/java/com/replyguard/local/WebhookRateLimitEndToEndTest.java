package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.dynalite.ProjectLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Abuse limits per merchant (decision 0006): the webhook API's web ACL rule (template.yaml
 * {@code WebhookFirewall}, limit {@code WebhookRateLimitPerMerchant}, here overridden to 20 a
 * minute as {@code sam deploy --parameter-overrides} would) answers 429 with its custom body once a
 * merchant's route has had its share, before the function runs - so nothing is written - while
 * other merchants and the merchant's other platform routes go on.
 */
class WebhookRateLimitEndToEndTest {
    private static final int LIMIT = 20;

    @Test
    void aMerchantOverItsLimit_gets429AndNothingIsStored_whileOtherMerchantsAndRoutesGoOn() throws Exception {
        LocalSystem.Options options = new LocalSystem.Options(0, null, ProjectLayout.root().resolve("infra/local/merchants.json"),
                ProjectLayout.template()).withoutSchedules().withParameter("WebhookRateLimitPerMerchant", Integer.toString(LIMIT));
        try (LocalSystem system = LocalSystem.start(options)) {
            Http http = new Http(system.url());
            String first = Http.batch(Http.event("rl-1", "customer.message", "rl-chat-1", "2026-11-25T10:00:00",
                    "\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-1\""));
            for (int i = 0; i < LIMIT; i++) {
                Http.Answer a = http.postSigned("demo", "demo-webhook-secret", first);
                assertEquals(200, a.status(), "request " + (i + 1) + " of " + LIMIT + ": " + a.body());
            }
            String second = Http.batch(Http.event("rl-2", "customer.message", "rl-chat-2", "2026-11-25T10:00:05",
                    "\"channel\":\"CS_CHAT\",\"customerId\":\"buyer-2\""));
            Http.Answer limited = http.postSigned("demo", "demo-webhook-secret", second);
            assertEquals(429, limited.status(), limited.body());
            assertTrue(limited.json().path("error").asText().startsWith("rate limited"), limited.body());
            assertEquals(1, limited.json().path("code").asInt(), "抖店's failure shape too");

            assertEquals(200, http.get("/merchants/demo/conversations/rl-chat-1", "demo-manager-token").status());
            assertEquals(404, http.get("/merchants/demo/conversations/rl-chat-2", "demo-manager-token").status(),
                    "the refused push reached no function and stored nothing");

            Http.Answer other = http.postSigned("other", "other-webhook-secret", second);
            assertEquals(200, other.status(), "another merchant has its own count: " + other.body());
            assertEquals(1, other.json().path("accepted").asInt());
            Http.Answer douyin = http.post("/webhooks/demo/douyin", "{}".getBytes(StandardCharsets.UTF_8),
                    "application/json", null, null);
            assertEquals(401, douyin.status(), "the merchant's 抖音 route has its own count and reaches the function");
            assertEquals(429, http.postSigned("demo", "demo-webhook-secret", first).status(), "still limited");
            assertEquals(429, http.postSigned("de%6Do", "demo-webhook-secret", first).status(),
                    "an encoded spelling of the merchant is the same merchant's count");
            assertEquals(200, http.get("/merchants/demo/kpis?cycle=2026-11-H2", "demo-manager-token").status(),
                    "the manager API is not behind the webhook rule");
        }
    }
}
