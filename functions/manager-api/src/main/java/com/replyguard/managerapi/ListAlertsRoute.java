package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.intake.Problem;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.BreachStore;
import com.replyguard.usecase.ListAlerts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /merchants/{m}/alerts?from=&to=&limit=&nextToken=}: alerts by due instant with each
 * channel's delivery state, paged like breaches ({@link AlertItem.Page}).
 */
final class ListAlertsRoute implements Route {
    private final ListAlerts alerts;

    ListAlertsRoute(ListAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        Merchant merchant = call.merchant();
        ApiRequest request = call.request();
        List<Problem> problems = new ArrayList<>();
        Instant from = RouteParameters.instant(request, "from", problems);
        Instant to = RouteParameters.instant(request, "to", problems);
        Integer limit = RouteParameters.limit(request, ListAlerts.MAX_LIMIT, problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(Problem.ofBatch("from", "must not be after 'to'"));
        }
        if (!problems.isEmpty()) {
            return ApiResponses.error(400, "invalid request", problems);
        }
        try {
            return ApiResponses.json(200, AlertItem.Page.of(alerts.list(merchant.id(), from, to, limit, request.query("nextToken"))));
        } catch (BreachStore.InvalidPageToken e) {
            return ApiResponses.error(400, "invalid request", List.of(Problem.ofBatch("nextToken", e.getMessage())));
        }
    }
}
