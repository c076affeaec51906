package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.usecase.ExcuseBreach;

/**
 * {@code POST /merchants/{m}/breaches/{breachId}/excuse} (R20) with {@code {"reason": "…"}}: the
 * breach stops counting against its agent. Who may and which reasons are {@link ExcuseBreach}'s
 * rules; audited with the caller's audit name. 200 with the breach; 409 when already excused; 404.
 */
final class ExcuseRoute implements Route {
    /** The answer when someone excused the breach first: their excuse stands. */
    record AlreadyExcused(String error, BreachItem breach) {
    }

    private final ExcuseBreach excuses;
    private final JsonLog log;

    ExcuseRoute(ExcuseBreach excuses, JsonLog log) {
        this.excuses = excuses;
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        JsonNode body = RouteParameters.anyJson(call.request());
        String breachId = call.path("breachId");
        ExcuseBreach.Result r = excuses.excuse(call.caller(), call.merchant(), breachId, body.path("reason").asText(null),
                "manager-" + call.auditName());
        return switch (r.outcome()) {
            case NOT_FOUND -> ApiResponses.error(404, "no breach '" + breachId + "'");
            case ALREADY_EXCUSED -> ApiResponses.json(409, new AlreadyExcused("the breach is already excused", BreachItem.of(r.breach())));
            case EXCUSED -> {
                log.info("breach excused", "merchant", call.merchantId(), "breachId", r.breach().breachId());
                yield ApiResponses.json(200, BreachItem.of(r.breach()));
            }
        };
    }
}
