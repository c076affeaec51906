package com.replyguard.testing;

import com.replyguard.conversation.Channel;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import com.replyguard.merchant.AssessedHours;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.intake.RawEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test vocabulary: events of a merchant's day, at China-time clock readings. */
public final class Events {
    public static final MerchantId DEMO = new MerchantId("demo");
    public static final Merchant DEMO_MERCHANT = new Merchant(DEMO, List.of("demo-webhook-secret"),
            "demo-customer-hash-key-0123456789".getBytes(StandardCharsets.UTF_8), AssessedHours.PLATFORM_DEFAULT);

    private Events() {
    }

    /** An instant given as China time, e.g. {@code at("2026-10-03T10:00:00")}. */
    public static Instant at(String chinaLocal) {
        return OffsetDateTime.parse(chinaLocal + "+08:00").toInstant();
    }

    public static ConversationEvent.Builder event(String id, EventType type, String conversation, String chinaLocal) {
        return ConversationEvent.builder(id, type, new ConversationId(conversation), at(chinaLocal));
    }

    public static ConversationEvent customer(String id, String conversation, String chinaLocal, Channel channel) {
        return event(id, EventType.CUSTOMER_MESSAGE, conversation, chinaLocal).channel(channel).customerRef("c_x").build();
    }

    public static ConversationEvent customer(String id, String conversation, String chinaLocal) {
        return event(id, EventType.CUSTOMER_MESSAGE, conversation, chinaLocal).customerRef("c_x").build();
    }

    public static ConversationEvent urgentCustomer(String id, String conversation, String chinaLocal) {
        return event(id, EventType.CUSTOMER_MESSAGE, conversation, chinaLocal).customerRef("c_x").urgent(true).build();
    }

    public static ConversationEvent agent(String id, String conversation, String chinaLocal) {
        return event(id, EventType.AGENT_MESSAGE, conversation, chinaLocal).agentId("agent-1").build();
    }

    public static ConversationEvent bot(String id, String conversation, String chinaLocal) {
        return event(id, EventType.AGENT_MESSAGE, conversation, chinaLocal).agentId("bot").auto(true).build();
    }

    public static ConversationEvent transferred(String id, String conversation, String chinaLocal) {
        return event(id, EventType.TRANSFERRED, conversation, chinaLocal).build();
    }

    public static ConversationEvent rated(String id, String conversation, String chinaLocal, int stars) {
        return event(id, EventType.RATED, conversation, chinaLocal).rating(stars).build();
    }

    /** A raw (wire) event as the JSON adapter would hand it over. */
    public static RawEvent raw(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return RawEvent.of(m);
    }

    /** A chat message of conversation {@code c} at {@code start} (China time), answered by agent "a" after so many seconds, or never (null). */
    public static List<RawEvent> chat(String c, String start, Integer replyAfterSeconds) {
        List<RawEvent> e = new ArrayList<>();
        e.add(raw("eventId", c + "-m", "type", "customer.message", "conversationId", c, "channel", "CS_CHAT",
                "occurredAt", start + "+08:00", "customerId", "b-" + c));
        if (replyAfterSeconds != null) {
            e.add(raw("eventId", c + "-r", "type", "agent.message", "conversationId", c, "agentId", "a",
                    "occurredAt", at(start).plusSeconds(replyAfterSeconds).toString()));
        }
        return e;
    }
}
