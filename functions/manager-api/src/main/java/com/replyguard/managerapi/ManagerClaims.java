package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.MerchantId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;

/**
 * The manager as the HTTP API's JWT authorizer has verified them (template.yaml: Cognito user pool
 * ManagerUserPool): claims {@code custom:merchant}, {@code custom:role} (SUPERVISOR, TEAM_LEAD,
 * OPERATIONS) and {@code custom:team} (the team lead's agent ids, comma-separated). Empty when the
 * request carries no verified claims (local mode: the merchants file's tokens), or claims that do
 * not name a merchant and a known role - never a guess.
 */
final class ManagerClaims {
    private ManagerClaims() {
    }

    static Optional<Manager> of(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        if (claims == null) {
            return Optional.empty();
        }
        String merchant = claims.get("custom:merchant");
        String role = claims.get("custom:role");
        if (merchant == null || !MerchantId.isWellFormed(merchant) || role == null) {
            return Optional.empty();
        }
        Manager.Role parsed;
        try {
            parsed = Manager.Role.valueOf(role.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String team = claims.getOrDefault("custom:team", "");
        return Optional.of(new Manager(new MerchantId(merchant), parsed, new HashSet<>(Arrays.stream(team.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList())));
    }
}
