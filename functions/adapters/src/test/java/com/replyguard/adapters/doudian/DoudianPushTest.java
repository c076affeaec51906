package com.replyguard.adapters.doudian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.adapters.json.EventBatchJson;
import com.replyguard.intake.BatchRejected;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.DoudianApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 抖店 push: MD5 event-sign (good, bad, missing, wrong app, rotated secret) and each fixture's mapping. */
class DoudianPushTest {
    private static final DoudianApp APP = new DoudianApp("app-key-1", List.of("secret-old", "secret-new"));

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = DoudianPushTest.class.getResourceAsStream("/doudian/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void eventSign_isMd5OfAppKeyBodySecret_underAnyActiveSecret() throws Exception {
        byte[] body = "[{\"tag\":\"101\",\"msg_id\":\"1\",\"data\":\"{}\"}]".getBytes(StandardCharsets.UTF_8);
        // computed independently of DoudianPush.sign: MD5 over the concatenated text
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        String expected = HexFormat.of().formatHex(md5.digest(
                ("app-key-1" + new String(body, StandardCharsets.UTF_8) + "secret-new").getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, DoudianPush.sign("app-key-1", body, "secret-new"));
        assertTrue(DoudianPush.signatureValid(APP, "app-key-1", body, expected));
        assertTrue(DoudianPush.signatureValid(APP, "app-key-1", body, expected.toUpperCase()), "hex case does not matter");
        assertTrue(DoudianPush.signatureValid(APP, "app-key-1", body, DoudianPush.sign("app-key-1", body, "secret-old")),
                "the old secret still signs during a rotation");
        assertFalse(DoudianPush.signatureValid(APP, "app-key-1", body, DoudianPush.sign("app-key-1", body, "secret-other")));
        assertFalse(DoudianPush.signatureValid(APP, "app-key-2", body, expected), "another app's id");
        assertFalse(DoudianPush.signatureValid(APP, null, body, expected), "missing app-id");
        assertFalse(DoudianPush.signatureValid(APP, "app-key-1", body, null), "missing event-sign");
        byte[] tampered = body.clone();
        tampered[9] = '2';
        assertFalse(DoudianPush.signatureValid(APP, "app-key-1", tampered, expected), "a changed body");
    }

    @Test
    void afterSalesRequest_opensACase_classifiedFromItsType() throws Exception {
        DoudianPush.Delivery d = DoudianPush.read(fixture("aftersale_created.json"));
        assertEquals(1, d.messages());
        assertEquals(2, d.events().size());
        RawEvent opened = d.events().get(0);
        assertEquals("customer.message", opened.fields().get("type"));
        assertEquals("aftersale:6987000000000000001", opened.fields().get("conversationId"));
        assertEquals("2026-10-03T04:00:00Z", opened.fields().get("occurredAt"));
        assertEquals("bo_1a2b3c", opened.fields().get("customerId"));
        assertEquals("dd:7301000000000000001:0", opened.fields().get("eventId"));
        assertEquals("RETURN_QUALITY", d.events().get(1).fields().get("category"), "type 0, reason 2: a return for quality");
    }

    @Test
    void refund_resolvesTheCase_andOrderTagsAreIgnored() throws Exception {
        DoudianPush.Delivery refunded = DoudianPush.read(fixture("aftersale_refunded.json"));
        assertEquals("conversation.resolved", refunded.events().get(0).fields().get("type"));
        assertEquals("2026-10-03T10:00:00Z", refunded.events().get(0).fields().get("occurredAt"));
        DoudianPush.Delivery mixed = DoudianPush.read(fixture("order_paid_and_aftersale.json"));
        assertEquals(List.of("101"), mixed.ignoredTags());
        assertEquals("order:4950000000000000010", mixed.events().get(0).fields().get("customerId"), "no buyer id: the order");
        assertEquals("RETURN_QUALITY", mixed.events().get(1).fields().get("category"), "type 2: an exchange");
    }

    @Test
    void malformedPushes_areRefusedWithTheReason() {
        assertThrows(EventBatchJson.NotJson.class, () -> DoudianPush.read("{\"tag\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(EventBatchJson.NotJson.class, () -> DoudianPush.read("[{".getBytes(StandardCharsets.UTF_8)));
        // input that can never succeed: a BatchRejected (400) naming the message and the field; never a bare
        // IllegalArgumentException, which the handler treats as a bug (5xx, retried)
        BatchRejected e = assertThrows(BatchRejected.class, () -> DoudianPush.read(
                "[{\"tag\":\"200\",\"msg_id\":\"9\",\"data\":\"{\\\"aftersale_id\\\":\\\"1\\\"}\"}]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("data.apply_time", e.problems().get(0).field());
        assertTrue(e.problems().get(0).message().contains("apply_time"), e.problems().get(0).message());
        BatchRejected d = assertThrows(BatchRejected.class, () -> DoudianPush.read(
                "[{\"tag\":\"200\",\"msg_id\":\"9\",\"data\":\"not json\"}]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, d.problems().get(0).index());
        assertTrue(d.problems().get(0).message().contains("[0]"), d.problems().get(0).message());
    }
}
