package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.conversation.CustomerPseudonym;
import com.replyguard.intake.InvalidInput;
import com.replyguard.usecase.ForgetCustomer;
import java.util.regex.Pattern;

/**
 * {@code DELETE /merchants/{m}/customers/{customer}} (R29, supervisors): a customer's data-deletion
 * request, by their keyed hash ({@code c_…}, as timelines show it) or, with {@code ?idType=platform},
 * by the platform's raw id (hashed here with the merchant's key, never stored or logged). Repeating
 * it changes nothing.
 */
final class CustomersRoute implements Route {
    private static final Pattern KEYED_HASH = Pattern.compile("c_[0-9a-f]{32}");
    private final ForgetCustomer forget;
    private final JsonLog log;

    CustomersRoute(ForgetCustomer forget, JsonLog log) {
        this.forget = forget;
        this.log = log;
    }

    record Forgotten(String customer, int conversationsUnlinked) {
    }

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        String customer = call.path("customer");
        boolean raw = "platform".equals(call.query("idType"));
        if (customer == null || customer.isEmpty() || customer.length() > RouteParameters.MAX_ID
                || (!raw && !KEYED_HASH.matcher(customer).matches())) {
            throw InvalidInput.of("customer", raw ? "must be the platform's customer id (1-" + RouteParameters.MAX_ID + " characters)"
                    : "must be the customer's keyed hash (c_ and 32 hex digits), or the platform id with ?idType=platform");
        }
        String ref = raw ? new CustomerPseudonym(call.merchant().customerHashKey()).of(customer) : customer;
        int changed = forget.forget(call.merchant(), ref);
        log.info("customer data deleted", "merchant", call.merchantId(), "conversations", changed);
        return ApiResponses.json(200, new Forgotten(ref, changed));
    }
}
