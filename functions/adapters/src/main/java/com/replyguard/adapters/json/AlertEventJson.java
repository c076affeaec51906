package com.replyguard.adapters.json;

import com.replyguard.alert.Alert;
import com.replyguard.alert.AlertEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code detail} of an alert event, schema version 1 (docs/events.md, docs/events/*.schema.json).
 * Adding optional fields is compatible; renaming or removing one needs schema version 2.
 */
public final class AlertEventJson {
    public static final String SOURCE = "replyguard";

    private AlertEventJson() {
    }

    public static Map<String, Object> detail(AlertEvent e) {
        Alert a = e.alert();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("schemaVersion", AlertEvent.SCHEMA_VERSION);
        d.put("eventId", e.eventId());
        d.put("merchantId", e.merchant().value());
        d.put("conversationId", e.conversation().value());
        d.put("clock", a.clock().type().name());
        d.put("clockKey", a.clock().key());
        d.put("channel", a.clock().channel().name());
        d.put("urgent", a.clock().urgent());
        d.put("clockStart", Instants.format(a.clock().start()));
        d.put("deadline", Instants.format(a.clock().deadline()));
        d.put("targetSeconds", a.clock().target().toMillis() / 1000.0);
        d.put("dueAt", Instants.format(a.dueAt()));
        d.put("publishedAt", Instants.format(e.publishedAt()));
        if (a.kind() != Alert.Kind.AT_RISK) {
            d.put("level", a.level());
            d.put("notify", a.role());
        }
        if (e.responsibleAgentId() != null) {
            // optional (added within version 1): the agent the breach counts against, for mentions and team routes
            d.put("responsibleAgentId", e.responsibleAgentId());
        }
        return d;
    }
}
