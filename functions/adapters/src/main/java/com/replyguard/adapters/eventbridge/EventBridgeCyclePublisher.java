package com.replyguard.adapters.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.json.AlertEventJson;
import com.replyguard.adapters.json.CycleClosedJson;
import com.replyguard.assessment.KpiReport;
import com.replyguard.ports.CyclePublisher;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** CycleClosed to the EventBridge bus (source {@code replyguard}); a refused entry throws, so the close is retried. */
public final class EventBridgeCyclePublisher implements CyclePublisher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeCyclePublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    @Override
    public void cycleClosed(KpiReport report, int revision) {
        String detail;
        try {
            detail = JSON.writeValueAsString(CycleClosedJson.detail(report, revision));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode CycleClosed", e);
        }
        EventBridgeAlertPublisher.putAll(events, List.of(PutEventsRequestEntry.builder().eventBusName(busName)
                .source(AlertEventJson.SOURCE).detailType(CycleClosedJson.DETAIL_TYPE).detail(detail)
                .resources(report.merchant().value()).build()), "CycleClosed events");
    }
}
