package com.replyguard.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.NoticeJson;
import com.replyguard.adapters.lambda.Priming;
import com.replyguard.notify.Notice;
import com.replyguard.usecase.NotifyPeople;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EventBridge rule (SlaAtRisk, SlaBreached, SlaEscalated, CycleClosed) → notifier λ, invoked
 * asynchronously: decodes the event, tells the right people through {@link NotifyPeople}, logs one
 * line per notice (ids, channels, states, the robots' codes - never a URL, a secret, a name or a
 * number). An event that is not a notice, or an outage of the stores, throws: Lambda retries the
 * invocation and finally sends it to the on-failure destination; a repeat sends nothing twice.
 */
public final class NotifierHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NotifierWiring wiring;
    private final JsonLog log;

    public NotifierHandler() {
        this(System.getenv());
        Priming.register("notifier", this::prime);
    }

    public NotifierHandler(Map<String, String> environment) {
        this(NotifierWiring.from(environment, Clock.systemUTC()));
    }

    public NotifierHandler(NotifierWiring wiring) {
        this.wiring = wiring;
        this.log = new JsonLog("notifier", wiring.clock(), System.err);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        JsonNode detail = JSON.valueToTree(event.get("detail"));
        Notice notice = NoticeJson.read(String.valueOf(event.get("detail-type")), detail == null ? JSON.createObjectNode() : detail);
        NotifyPeople.Outcome outcome = wiring.notifyPeople().deliver(notice);
        List<Map<String, Object>> channels = new ArrayList<>();
        for (NotifyPeople.ChannelOutcome c : outcome.channels()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channelId", c.channelId());
            m.put("state", c.state().name());
            m.put("messages", c.messages());
            if (c.answer() != null) {
                m.put("httpStatus", c.answer().httpStatus());
                m.put("code", c.answer().code());
            }
            channels.add(m);
            if (c.abandoned()) {
                log.error("delivery given up", "merchant", notice.merchant().value(), "alertId", notice.id(),
                        "channelId", c.channelId(), "httpStatus", c.answer() == null ? null : c.answer().httpStatus(),
                        "code", c.answer() == null ? null : c.answer().code());
            }
        }
        if (!outcome.merchantKnown()) {
            log.warn("notice for an unknown merchant", "merchant", notice.merchant().value(), "alertId", notice.id());
        }
        log.info("notified", "merchant", notice.merchant().value(), "alertId", notice.id(), "type",
                notice.type().detailType(), "messages", outcome.messages(), "channels", channels);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("alertId", notice.id());
        answer.put("messages", outcome.messages());
        answer.put("channels", channels);
        return answer;
    }

    /**
     * For the SnapStart snapshot (and the cold-start benchmark): a closed cycle of a merchant that does
     * not exist - decoded, looked up, nothing written or sent.
     */
    public void prime() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("schemaVersion", 1);
        detail.put("eventId", "cycle-closed:replyguard-priming:2026-01-H1");
        detail.put("merchantId", "replyguard-priming");
        detail.put("cycle", "2026-01-H1");
        detail.put("closedAt", "2026-01-16T00:30:00+08:00");
        detail.put("metrics", Map.of());
        detail.put("passing", true);
        handleRequest(Map.of("detail-type", "CycleClosed", "source", "replyguard", "detail", detail), null);
    }
}
