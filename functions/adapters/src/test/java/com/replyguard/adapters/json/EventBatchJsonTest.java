package com.replyguard.adapters.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.replyguard.intake.BatchRejected;
import com.replyguard.intake.RawEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding webhook bodies: 415 for non-JSON, 400 for the wrong shape, plain values for the domain. */
class EventBatchJsonTest {
    private static List<RawEvent> decode(String s) {
        return EventBatchJson.decode(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decode_shouldTurnJsonIntoPlainValues() {
        List<RawEvent> events = decode("{\"events\":[{\"eventId\":\"e1\",\"rating\":5,\"auto\":true,\"x\":4.5,\"n\":null},7]}");
        assertEquals(2, events.size());
        assertEquals("e1", events.get(0).get("eventId"));
        assertEquals(5L, events.get(0).get("rating"));
        assertEquals(Boolean.TRUE, events.get(0).get("auto"));
        assertEquals(new BigDecimal("4.5"), events.get(0).get("x"));
        assertFalse(events.get(0).has("n"));
        assertFalse(events.get(1).isObject());
    }

    @Test
    void decode_shouldSayNotJson_forGarbage_andRejectTheWrongShape() {
        assertThrows(EventBatchJson.NotJson.class, () -> decode("events=1"));
        assertThrows(EventBatchJson.NotJson.class, () -> decode(""));
        assertThrows(EventBatchJson.NotJson.class, () -> decode("{\"events\":[}"));
        assertEquals("events", assertThrows(BatchRejected.class, () -> decode("{\"event\":[]}")).problems().get(0).field());
        assertEquals("events", assertThrows(BatchRejected.class, () -> decode("{\"events\":{}}")).problems().get(0).field());
        assertThrows(BatchRejected.class, () -> decode("[1,2]"));
        assertThrows(EventBatchJson.NotJson.class, () -> decode("{\"events\":" + "[".repeat(100) + "]".repeat(100) + "}"));
    }
}
