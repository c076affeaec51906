package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.NotificationSettingsJson;
import com.replyguard.merchant.Merchant;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.usecase.ConfigureNotifications;

/**
 * {@code PUT /merchants/{m}/notifications} (supervisors only): replaces the merchant's alert
 * channels, routes and people. A refusal lists every problem and changes nothing; a channel sent
 * with its URL or secret masked (as GET shows them) keeps the stored ones. Answers the settings, masked.
 */
final class PutNotifications implements Route {
    private final ConfigureNotifications settings;
    private final JsonLog log;

    PutNotifications(ConfigureNotifications settings, JsonLog log) {
        this.settings = settings;
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        Merchant merchant = call.merchant();
        JsonNode body = RouteParameters.jsonBody(call.request(), true);
        NotificationSettingsJson.Read read = NotificationSettingsJson.read(body);
        if (read.settings() == null) {
            return ApiResponses.error(400, "invalid notification settings", RouteParameters.problems(read.problems()));
        }
        NotificationSettings stored;
        try {
            stored = settings.replace(merchant.id(), read.settings(), read.secretsRemoved());
        } catch (ConfigureNotifications.Refused e) {
            return ApiResponses.error(400, "invalid notification settings", RouteParameters.problems(e.problems()));
        }
        log.info("notifications changed", "merchant", merchant.id().value(), "channels", stored.channels().size(),
                "routes", stored.routes().size());
        return ApiResponses.json(200, NotificationSettingsJson.write(stored, NotificationSettingsJson.Credentials.MASKED));
    }
}
