package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.intake.Problem;
import com.replyguard.merchant.Merchant;
import com.replyguard.notify.Acknowledgement;
import com.replyguard.usecase.AcknowledgeAlert;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /merchants/{m}/alerts/{alertId}/ack} (team lead or supervisor): "I am on it". Body
 * optional: {@code {"by": "lead-wang"}} - the person (as messages mention them) who takes it; without
 * it the caller's audit name. A team lead acknowledges alerts of their team's agents (or of none).
 * 200 with the alert; 409 when someone acknowledged it first (their acknowledgement stands); 404.
 */
final class AcknowledgeAlertRoute implements Route {
    private static final Pattern BY = Pattern.compile("[\\p{L}\\p{N}_.@-]{1,64}");
    private final AcknowledgeAlert acks;
    private final JsonLog log;

    AcknowledgeAlertRoute(AcknowledgeAlert acks, JsonLog log) {
        this.acks = acks;
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        Merchant merchant = call.merchant();
        String alertId = RouteParameters.id(call.request(), "alertId");
        JsonNode body = RouteParameters.jsonBody(call.request(), false);
        String by = "manager-" + call.auditName();
        if (body.hasNonNull("by")) {
            by = body.path("by").asText();
            if (!body.path("by").isTextual() || !BY.matcher(by).matches()) {
                return ApiResponses.error(400, "invalid request", List.of(Problem.ofBatch("by", "must be the id of the person who"
                        + " takes the alert, 1-" + Acknowledgement.MAX_BY + " letters, digits, '_', '.', '@' or '-'")));
            }
        }
        AcknowledgeAlert.Result r = acks.acknowledge(call.caller(), merchant, alertId, by);
        return switch (r.outcome()) {
            case NOT_FOUND -> ApiResponses.error(404, "no alert '" + alertId + "'");
            case ALREADY_ACKNOWLEDGED -> ApiResponses.json(409, Map.of("error", "the alert is already acknowledged",
                    "alert", AlertItem.of(r.alert())));
            case ACKNOWLEDGED -> {
                log.info("alert acknowledged", "merchant", merchant.id().value(), "alertId", alertId);
                yield ApiResponses.json(200, AlertItem.of(r.alert()));
            }
        };
    }
}
