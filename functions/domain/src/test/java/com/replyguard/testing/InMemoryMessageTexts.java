package com.replyguard.testing;

import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.MessageText;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.MessageTexts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Fake of the text store: expired texts are not answered (like the adapter, before DynamoDB's TTL deletes them). */
public final class InMemoryMessageTexts implements MessageTexts {
    private final Map<String, MessageText> items = new ConcurrentHashMap<>();

    private static String key(MerchantId m, ConversationId c, String eventId) {
        return m.value() + "#" + c.value() + "#" + eventId;
    }

    @Override
    public void keep(MerchantId merchant, List<MessageText> texts) {
        texts.forEach(t -> items.put(key(merchant, t.conversation(), t.eventId()), t));
    }

    @Override
    public Map<String, String> of(MerchantId merchant, ConversationId conversation, Instant now) {
        Map<String, String> out = new TreeMap<>();
        items.forEach((k, t) -> {
            if (k.startsWith(merchant.value() + "#" + conversation.value() + "#") && t.expiresAt().isAfter(now)) {
                out.put(t.eventId(), t.text());
            }
        });
        return out;
    }

    @Override
    public int forget(MerchantId merchant, ConversationId conversation, String customerRef) {
        int before = items.size();
        items.entrySet().removeIf(e -> e.getKey().startsWith(merchant.value() + "#" + conversation.value() + "#")
                && (e.getValue().customerRef() == null || customerRef.equals(e.getValue().customerRef())));
        return before - items.size();
    }

    public int size() {
        return items.size();
    }
}
