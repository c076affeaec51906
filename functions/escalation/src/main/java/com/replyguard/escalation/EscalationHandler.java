package com.replyguard.escalation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.AlertEventJson;
import com.replyguard.adapters.json.DueJson;
import com.replyguard.adapters.lambda.Priming;
import com.replyguard.alert.AlertEvent;
import com.replyguard.alert.AlertPlan;
import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaClock;
import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.Due;
import com.replyguard.usecase.EscalateDueClocks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Deadline λ (async Invoke) → escalation λ: {@code {"due":[{merchantId, conversationId, dueAt}]}}.
 * Records breaches and publishes alerts through {@link EscalateDueClocks}. A failure throws, so
 * Lambda retries the invocation and finally sends it to the on-failure destination; the entries
 * also stay due, so the wheel hands them over again.
 */
public final class EscalationHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final EscalationWiring wiring;
    private final JsonLog log;

    public EscalationHandler() {
        this(System.getenv());
        Priming.register("escalation", this::prime);
    }

    public EscalationHandler(Map<String, String> environment) {
        this(EscalationWiring.from(environment, Clock.systemUTC()));
    }

    public EscalationHandler(EscalationWiring wiring) {
        this.wiring = wiring;
        this.log = new JsonLog("escalation", wiring.clock(), System.err);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        List<Due> due = DueJson.read(input);
        EscalateDueClocks.Result r = wiring.escalate().handle(due);
        log.info("escalated", "conversations", r.conversations(), "published", r.published(), "stale", r.staleSkipped());
        return Map.of("conversations", r.conversations(), "published", r.published(), "stale", r.staleSkipped());
    }

    /** For the SnapStart snapshot (and the cold-start benchmark): a hand-over for a merchant that does not exist - decoded, looked up, nothing written. */
    public void prime() {
        handleRequest(DueJson.payload(List.of(new Due(
                new MerchantId("priming-merchant"),
                new ConversationId("priming"), Instant.parse("2026-01-01T00:00:00Z")))),
                null);
        wiring.storageWarmUp().run();
        // the alert path's domain and JSON: a clock, its alert plan and each alert's event detail, published nowhere
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        var clock = new SlaClock(ClockType.FIRST_REPLY, "FIRST_REPLY",
                Channel.CS_CHAT, false, start, "p", start.plusSeconds(60), null, null, null);
        for (var alert : AlertPlan.of(List.of(clock), SlaPolicy.DEFAULT).all()) {
            try {
                PRIMING_JSON.writeValueAsString(AlertEventJson.detail(AlertEvent.of(
                        new MerchantId("replyguard-priming"),
                        new ConversationId("priming"), alert, alert.dueAt())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ObjectMapper PRIMING_JSON = new ObjectMapper();
}
