package com.replyguard.ingest.dialect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.douyin.DouyinOpenPlatformWebhook;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.intake.Problem;
import com.replyguard.merchant.Merchant;
import com.replyguard.usecase.IngestEventBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 抖音 open-platform webhook, {@code POST /webhooks/{merchantId}/douyin} (docs/platforms.md):
 * SHA-1 of client secret + body in {@code X-Douyin-Signature}; the {@code verify_webhook}
 * challenge is answered; private messages become events; other topics are acknowledged, counted
 * (log line {@code douyin event ignored}: metric IgnoredDouyinEvents) and ignored.
 */
public final class DouyinDialect implements WebhookDialect {
    public static final String ROUTE = "POST /webhooks/{merchantId}/douyin";

    @Override
    public String route() {
        return ROUTE;
    }

    @Override
    public Optional<String> refusal(Merchant merchant, ApiRequest request, byte[] body, Instant now) {
        if (merchant.douyinClientSecret().isEmpty()) {
            return Optional.of("merchant has no 抖音 app connected");
        }
        return DouyinOpenPlatformWebhook.signatureValid(merchant.douyinClientSecret().get(), body,
                request.header("X-Douyin-Signature")) ? Optional.empty()
                : Optional.of("X-Douyin-Signature is missing or does not match the body");
    }

    @Override
    public Decoded decode(Merchant merchant, ApiRequest request, byte[] body, Instant now, JsonLog log) {
        DouyinOpenPlatformWebhook.Delivery d = DouyinOpenPlatformWebhook.read(body, request.header("Msg-Id"), now);
        if (d instanceof DouyinOpenPlatformWebhook.Challenge c) {
            return new Answered(ApiResponses.json(200, Map.of("challenge", c.challenge())));
        }
        if (d instanceof DouyinOpenPlatformWebhook.Ignored i) {
            log.info("douyin event ignored", "merchant", merchant.id().value(), "event", i.platformEvent());
            return new Answered(ApiResponses.json(200, Map.of("code", 0, "ignored", i.platformEvent())));
        }
        DouyinOpenPlatformWebhook.Events ev = (DouyinOpenPlatformWebhook.Events) d;
        return new Events(ev.events(), ev.platformEvent(), ev.events().size(), List.of());
    }

    @Override
    public APIGatewayV2HTTPResponse stored(Merchant merchant, Decoded push, IngestEventBatch.Result result, JsonLog log) {
        Events ev = (Events) push;
        log.info("douyin events stored", "merchant", merchant.id().value(), "event", ev.platformEvent(),
                "accepted", result.accepted(), "duplicates", result.duplicates());
        return ApiResponses.json(200, ContractDialect.counts(result, true));
    }

    @Override
    public APIGatewayV2HTTPResponse error(int status, String message, List<Problem> problems) {
        return ContractDialect.contractError(status, message, problems);
    }

    @Override
    public int notJsonStatus() {
        return 415;
    }
}
