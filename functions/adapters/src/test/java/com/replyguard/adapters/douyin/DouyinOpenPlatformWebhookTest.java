package com.replyguard.adapters.douyin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.adapters.json.EventBatchJson;
import com.replyguard.intake.RawEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** 抖音 open-platform webhooks: SHA-1 signatures, the verify challenge, the private-message mapping (fixtures). */
class DouyinOpenPlatformWebhookTest {
    private static final Instant RECEIVED = Instant.parse("2026-09-21T14:13:25Z");

    private static byte[] fixture(String name) {
        try (InputStream in = DouyinOpenPlatformWebhookTest.class.getResourceAsStream("/douyin/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signature_isSha1OfTheClientSecretThenTheRawBody() {
        byte[] body = fixture("im_receive_msg.json");
        // python3: hashlib.sha1(b'demo-douyin-client-secret' + body).hexdigest()
        String independent = "5180a9f114600cb89a2d20b5a25ed0435c379614";
        assertTrue(DouyinOpenPlatformWebhook.signatureValid("demo-douyin-client-secret", body, independent));
        assertTrue(DouyinOpenPlatformWebhook.signatureValid("demo-douyin-client-secret", body, independent.toUpperCase()));
        assertFalse(DouyinOpenPlatformWebhook.signatureValid("other-secret", body, independent));
        assertFalse(DouyinOpenPlatformWebhook.signatureValid("demo-douyin-client-secret", body, null));
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("8812", "8813").getBytes(StandardCharsets.UTF_8);
        assertFalse(DouyinOpenPlatformWebhook.signatureValid("demo-douyin-client-secret", tampered, independent));
    }

    @Test
    void verifyWebhook_echoesTheChallenge() {
        var d = DouyinOpenPlatformWebhook.read(fixture("verify_webhook.json"), null, RECEIVED);
        assertEquals(12345, assertInstanceOf(DouyinOpenPlatformWebhook.Challenge.class, d).challenge().asInt());
    }

    @Test
    void aBuyersPrivateMessage_becomesACustomerMessage_andTheShopsReplyAnAgentMessage() {
        RawEvent in = assertInstanceOf(DouyinOpenPlatformWebhook.Events.class,
                DouyinOpenPlatformWebhook.read(fixture("im_receive_msg.json"), "msg-0001", RECEIVED)).events().get(0);
        assertEquals("dy:msg-0001", in.get("eventId"));
        assertEquals("customer.message", in.get("type"));
        assertEquals("dy:7301122334455", in.get("conversationId"));
        assertEquals("DIRECT_MESSAGE", in.get("channel"));
        assertEquals("buyer-open-id-8812", in.get("customerId"));
        assertEquals("2026-09-21T22:13:20+08:00", in.get("occurredAt"));
        RawEvent out = assertInstanceOf(DouyinOpenPlatformWebhook.Events.class,
                DouyinOpenPlatformWebhook.read(fixture("im_send_msg.json"), null, RECEIVED)).events().get(0);
        assertEquals("dy:202610031000000002", out.get("eventId"), "without Msg-Id, the log id");
        assertEquals("agent.message", out.get("type"));
        assertEquals("douyin:shop-open-id-01", out.get("agentId"));
        assertEquals("dy:7301122334455", out.get("conversationId"), "the same conversation");
    }

    @Test
    void otherTopics_areIgnored_andGarbageIsNotJson() {
        var d = DouyinOpenPlatformWebhook.read(fixture("im_enter_direct_msg.json"), "m", RECEIVED);
        assertEquals("im_enter_direct_msg", assertInstanceOf(DouyinOpenPlatformWebhook.Ignored.class, d).platformEvent());
        assertThrows(EventBatchJson.NotJson.class,
                () -> DouyinOpenPlatformWebhook.read("event=x".getBytes(StandardCharsets.UTF_8), null, RECEIVED));
    }
}
