package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.adapters.dynamodb.DynamoDbPolicyOverrides;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.PolicyJson;
import com.replyguard.intake.InvalidInput;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The merchant's SLA policy: {@code GET /merchants/{m}/policy} (the version in force),
 * {@code GET …/policy/versions} (every version, oldest first) and {@code PUT …/policy} (supervisors:
 * a change becomes the next version; every problem named in one 400, nothing changed; 409 when the
 * history is full).
 */
final class PolicyRoutes {
    /** Every version of the policy. */
    record Versions(List<Map<String, Object>> versions) {
    }

    private PolicyRoutes() {
    }

    static Route current() {
        return call -> ApiResponses.json(200, PolicyJson.write(call.merchant().policies().current()));
    }

    static Route versions() {
        return call -> ApiResponses.json(200, new Versions(call.merchant().policies().all().stream().map(PolicyJson::write).toList()));
    }

    static Route change(BiFunction<MerchantId, JsonNode, Merchant> editor, JsonLog log) {
        return call -> {
            JsonNode body = RouteParameters.jsonBody(call.request(), true);
            if (!body.isObject()) {
                throw InvalidInput.of("", "the policy must be a JSON object");
            }
            try {
                Merchant updated = editor.apply(call.merchant().id(), body);
                log.info("policy changed", "merchant", call.merchantId());
                return ApiResponses.json(200, PolicyJson.write(updated.policies().current()));
            } catch (DynamoDbPolicyOverrides.TooManyVersions e) {
                return ApiResponses.error(409, e.getMessage());
            } catch (PolicyJson.Rejected e) {
                throw new InvalidInput(RouteParameters.problems(e.problems()));
            }
        };
    }
}
