package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cognito's pre-token-generation trigger (event version 2): copies the manager's
 * {@code custom:merchant}, {@code custom:role} and {@code custom:team} attributes into the access
 * token, so that the token the console sends (and the HTTP API's JWT authorizer checks, scopes
 * included) carries what {@link ManagerClaims} reads. An attribute the user does not have is not
 * added - the manager API then refuses the token (401), never guesses.
 */
public final class AccessTokenClaims implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final List<String> CLAIMS = List.of("custom:merchant", "custom:role", "custom:team");

    public AccessTokenClaims() {
    }

    public AccessTokenClaims(Map<String, String> environment) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> request = event.get("request") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
        Map<String, Object> attributes = request.get("userAttributes") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String name : CLAIMS) {
            Object value = attributes.get(name);
            if (value instanceof String text && !text.isBlank()) {
                claims.put(name, text);
            }
        }
        Map<String, Object> accessToken = new LinkedHashMap<>();
        accessToken.put("claimsToAddOrOverride", claims);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accessTokenGeneration", accessToken);
        Map<String, Object> response = event.get("response") instanceof Map<?, ?> r
                ? new LinkedHashMap<>((Map<String, Object>) r) : new LinkedHashMap<>();
        response.put("claimsAndScopeOverrideDetails", details);
        Map<String, Object> answer = new LinkedHashMap<>(event);
        answer.put("response", response);
        return answer;
    }
}
