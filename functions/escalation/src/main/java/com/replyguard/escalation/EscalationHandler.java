package com.replyguard.escalation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.DueJson;
import com.replyguard.ports.Due;
import com.replyguard.usecase.EscalateDueClocks;
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
        com.replyguard.adapters.lambda.Priming.register("escalation", this::prime);
    }

    public EscalationHandler(Map<String, String> environment) {
        this(EscalationWiring.from(environment, java.time.Clock.systemUTC()));
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
        handleRequest(com.replyguard.adapters.json.DueJson.payload(List.of(new Due(
                new com.replyguard.merchant.MerchantId("priming-merchant"),
                new com.replyguard.conversation.ConversationId("priming"), java.time.Instant.parse("2026-01-01T00:00:00Z")))),
                null);
        wiring.storageWarmUp().run();
        // the alert path's domain and JSON: a clock, its alert plan and each alert's event detail, published nowhere
        java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");
        var clock = new com.replyguard.clock.SlaClock(com.replyguard.clock.ClockType.FIRST_REPLY, "FIRST_REPLY",
                com.replyguard.conversation.Channel.CS_CHAT, false, start, "p", start.plusSeconds(60), null, null, null);
        for (var alert : com.replyguard.alert.AlertPlan.of(List.of(clock), com.replyguard.clock.SlaPolicy.DEFAULT).all()) {
            try {
                PRIMING_JSON.writeValueAsString(com.replyguard.adapters.json.AlertEventJson.detail(com.replyguard.alert.AlertEvent.of(
                        new com.replyguard.merchant.MerchantId("replyguard-priming"),
                        new com.replyguard.conversation.ConversationId("priming"), alert, alert.dueAt())));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PRIMING_JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
