package com.replyguard.adapters.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.json.AlertEventJson;
import com.replyguard.alert.AlertEvent;
import com.replyguard.ports.AlertPublisher;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Alerts to an EventBridge bus (source {@code replyguard}, detail-type {@code SlaAtRisk} /
 * {@code SlaBreached} / {@code SlaEscalated}), ten per PutEvents call. A partial failure throws:
 * nothing is reported as sent that was not.
 */
public final class EventBridgeAlertPublisher implements AlertPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeAlertPublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    @Override
    public void publish(List<AlertEvent> alerts) {
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (AlertEvent a : alerts) {
            try {
                entries.add(PutEventsRequestEntry.builder().eventBusName(busName).source(AlertEventJson.SOURCE)
                        .detailType(a.detailType()).detail(JSON.writeValueAsString(AlertEventJson.detail(a)))
                        .resources(a.merchant().value()).build());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode alert", e);
            }
        }
        putAll(events, entries, "alert events");
    }

    /** PutEvents ten entries at a time; any refused entry throws, so nothing is reported as sent that was not. */
    static void putAll(EventBridgeClient events, List<PutEventsRequestEntry> entries, String what) {
        for (int from = 0; from < entries.size(); from += 10) {
            List<PutEventsRequestEntry> chunk = entries.subList(from, Math.min(entries.size(), from + 10));
            PutEventsResponse r = events.putEvents(b -> b.entries(chunk));
            if (r.failedEntryCount() != null && r.failedEntryCount() > 0) {
                throw new IllegalStateException("EventBridge refused " + r.failedEntryCount() + " of " + chunk.size() + " "
                        + what + " (first error: " + r.entries().stream().filter(e -> e.errorCode() != null)
                        .map(e -> e.errorCode()).findFirst().orElse("?") + ")");
            }
        }
    }
}
