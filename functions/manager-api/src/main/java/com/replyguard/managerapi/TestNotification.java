package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.Instants;
import com.replyguard.intake.Problem;
import com.replyguard.merchant.Merchant;
import com.replyguard.usecase.SendTestMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /merchants/{m}/notifications/test?channel=leads} (supervisors only): sends a test
 * message to the channel and answers what its robot said ({@code outcome} SENT, RETRY or REFUSED,
 * with the robot's code and message). 429 while the channel's budget is used up: a test never
 * pushes a robot over its limit.
 */
final class TestNotification implements Route {
    /** What the test answers: the channel, what became of the message, the robot's own answer. */
    record Answer(String channelId, String kind, String outcome, AlertItem.Answer answer, String retryAt) {
    }

    private final SendTestMessage tests;
    private final JsonLog log;

    TestNotification(SendTestMessage tests, JsonLog log) {
        this.tests = tests;
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        Merchant merchant = call.merchant();
        String channel = call.query("channel");
        if (channel == null || channel.isBlank()) {
            return ApiResponses.error(400, "invalid request", List.of(Problem.ofBatch("channel",
                    "is required: the id of the channel to test, e.g. ?channel=leads")));
        }
        SendTestMessage.Result r = tests.send(merchant.id(), channel);
        switch (r.outcome()) {
            case NO_SUCH_CHANNEL:
                return ApiResponses.error(400, "invalid request", List.of(Problem.ofBatch("channel",
                        "'" + channel + "' is not one of the merchant's channels")));
            case BUSY:
                APIGatewayV2HTTPResponse busy = ApiResponses.json(429, Map.of("error", "the channel's budget is used up; retry at "
                        + Instants.format(r.retryAt()), "retryAt", Instants.format(r.retryAt())));
                Map<String, String> headers = new LinkedHashMap<>(busy.getHeaders());
                Duration wait = Duration.between(Instant.ofEpochMilli(System.currentTimeMillis()), r.retryAt());
                headers.put("Retry-After", Long.toString(Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0))));
                busy.setHeaders(headers);
                return busy;
            default:
                log.info("test message", "merchant", merchant.id().value(), "channelId", channel, "outcome", r.outcome().name(),
                        "code", r.answer() == null ? null : r.answer().code());
                return ApiResponses.json(200, new Answer(channel, r.channel().kind().wireName(), r.outcome().name(),
                        AlertItem.Answer.of(r.answer()), r.retryAt() == null ? null : Instants.format(r.retryAt())));
        }
    }
}
