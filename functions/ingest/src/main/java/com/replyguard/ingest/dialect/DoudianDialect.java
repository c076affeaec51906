package com.replyguard.ingest.dialect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.doudian.DoudianPush;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.intake.Problem;
import com.replyguard.merchant.Merchant;
import com.replyguard.usecase.IngestEventBatch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 抖店 message push, {@code POST /webhooks/{merchantId}/doudian} (docs/platforms.md): {@code app-id}
 * must be the merchant's app key and {@code event-sign} the MD5 of app_key + body + app_secret under
 * any active secret; after-sales tags become events, other tags are acknowledged and counted (log
 * line {@code doudian push stored} with {@code ignored}: metric IgnoredDoudianMessages). Every answer
 * is 抖店's {@code {"code", "msg"}}: {@code code 0} for success, {@code code 1} with a 4xx (never
 * retried) or a 5xx (retried); an unreadable body is a 400 too.
 */
public final class DoudianDialect implements WebhookDialect {
    public static final String ROUTE = "POST /webhooks/{merchantId}/doudian";

    @Override
    public String route() {
        return ROUTE;
    }

    @Override
    public Optional<String> refusal(Merchant merchant, ApiRequest request, byte[] body, Instant now) {
        if (merchant.doudian().isEmpty()) {
            return Optional.of("merchant has no 抖店 app connected");
        }
        return DoudianPush.signatureValid(merchant.doudian().get(), request.header("app-id"), body, request.header("event-sign"))
                ? Optional.empty() : Optional.of("app-id or event-sign is missing or does not match the body");
    }

    @Override
    public Decoded decode(Merchant merchant, ApiRequest request, byte[] body, Instant now, JsonLog log) {
        DoudianPush.Delivery d = DoudianPush.read(body);
        return new Events(d.events(), null, d.messages(), d.ignoredTags());
    }

    @Override
    public APIGatewayV2HTTPResponse stored(Merchant merchant, Decoded push, IngestEventBatch.Result result, JsonLog log) {
        Events ev = (Events) push;
        log.info("doudian push stored", "merchant", merchant.id().value(), "messages", ev.messages(), "accepted",
                result.accepted(), "duplicates", result.duplicates(), "ignored", ev.ignoredTags().size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", 0);
        answer.put("msg", "success");
        answer.put("accepted", result.accepted());
        answer.put("duplicates", result.duplicates());
        answer.put("ignored", ev.ignoredTags().size());
        return ApiResponses.json(200, answer);
    }

    @Override
    public APIGatewayV2HTTPResponse error(int status, String message, List<Problem> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", 1);
        m.put("msg", message);
        if (!problems.isEmpty()) {
            m.put("problems", ApiResponses.details(problems));
        }
        return ApiResponses.json(status, m);
    }

    @Override
    public boolean acknowledgesAnEmptyPush() {
        return true; // a push of order tags only: acknowledged and counted
    }

    @Override
    public int notJsonStatus() {
        // 抖店 expects its own {code, msg} shape, and a 400, for every refusal, unreadable bodies included
        return 400;
    }
}
