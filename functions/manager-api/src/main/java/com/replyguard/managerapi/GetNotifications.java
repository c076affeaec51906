package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.json.NotificationSettingsJson;
import com.replyguard.usecase.ConfigureNotifications;

/**
 * {@code GET /merchants/{m}/notifications}: the merchant's alert channels, routes and people, with
 * every robot URL and signing secret masked - never returned in clear (any role may read).
 */
final class GetNotifications implements Route {
    private final ConfigureNotifications settings;

    GetNotifications(ConfigureNotifications settings) {
        this.settings = settings;
    }

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        return ApiResponses.json(200, NotificationSettingsJson.write(settings.current(call.merchant().id()),
                NotificationSettingsJson.Credentials.MASKED));
    }
}
