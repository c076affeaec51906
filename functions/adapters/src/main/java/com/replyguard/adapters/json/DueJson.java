package com.replyguard.adapters.json;

import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.Due;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The deadline λ → escalation λ payload: {@code {"due":[{"merchantId","conversationId","dueAt"}]}}. */
public final class DueJson {
    private DueJson() {
    }

    public static Map<String, Object> payload(List<Due> due) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Due d : due) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("merchantId", d.merchant().value());
            m.put("conversationId", d.conversation().value());
            m.put("dueAt", d.dueAt().toString());
            list.add(m);
        }
        return Map.of("due", list);
    }

    /** Reads a payload; an entry that is not well formed is an error (never dropped silently). */
    public static List<Due> read(Map<String, Object> payload) {
        Object list = payload == null ? null : payload.get("due");
        if (!(list instanceof List<?> entries)) {
            throw new IllegalArgumentException("escalation payload needs a 'due' list");
        }
        List<Due> due = new ArrayList<>();
        for (Object o : entries) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("merchantId") instanceof String merchant)
                    || !(m.get("conversationId") instanceof String conversation) || !(m.get("dueAt") instanceof String at)) {
                throw new IllegalArgumentException("malformed due entry: needs merchantId, conversationId, dueAt");
            }
            due.add(new Due(new MerchantId(merchant), new ConversationId(conversation), Instant.parse(at)));
        }
        return due;
    }
}
