package com.replyguard.ingest.dialect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.EventBatchJson;
import com.replyguard.intake.Problem;
import com.replyguard.intake.WebhookSignature;
import com.replyguard.merchant.Merchant;
import com.replyguard.usecase.IngestEventBatch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The contract's own webhook, {@code POST /webhooks/{merchantId}/events}: HMAC-SHA256 of
 * {@code X-Timestamp.body} in {@code X-Signature}, a JSON body {@code {"events": [...]}}, answered
 * {@code {"accepted", "duplicates"}} or the contract's error shape; a body that is not JSON is 415.
 */
public final class ContractDialect implements WebhookDialect {
    public static final String ROUTE = "POST /webhooks/{merchantId}/events";

    @Override
    public String route() {
        return ROUTE;
    }

    @Override
    public Optional<String> refusal(Merchant merchant, ApiRequest request, byte[] body, Instant now) {
        WebhookSignature.Verdict verdict = WebhookSignature.verify(merchant.webhookSecrets(), request.header("X-Timestamp"),
                request.header("X-Signature"), body, now);
        return verdict == WebhookSignature.Verdict.VALID ? Optional.empty() : Optional.of(verdict.message());
    }

    @Override
    public Decoded decode(Merchant merchant, ApiRequest request, byte[] body, Instant now, JsonLog log) {
        String contentType = request.header("Content-Type");
        if (contentType != null && !isJson(contentType)) {
            throw new EventBatchJson.NotJson("Content-Type must be application/json");
        }
        return Events.of(EventBatchJson.decode(body));
    }

    @Override
    public APIGatewayV2HTTPResponse stored(Merchant merchant, Decoded push, IngestEventBatch.Result result, JsonLog log) {
        log.info("events stored", "merchant", merchant.id().value(), "accepted", result.accepted(),
                "duplicates", result.duplicates(), "held", result.held().size());
        return ApiResponses.json(200, counts(result, false));
    }

    @Override
    public APIGatewayV2HTTPResponse error(int status, String message, List<Problem> problems) {
        return contractError(status, message, problems);
    }

    /** The contract's error shape ({@code error}, {@code details}), a 401 with {@code WWW-Authenticate}; 抖音 answers in it too. */
    static APIGatewayV2HTTPResponse contractError(int status, String message, List<Problem> problems) {
        if (status == 401) {
            return ApiResponses.unauthorized(message);
        }
        return problems.isEmpty() ? ApiResponses.error(status, message) : ApiResponses.error(status, message, problems);
    }

    @Override
    public int notJsonStatus() {
        return 415;
    }

    /** The contract's answer, in the contract's order: accepted, then duplicates ({@code code 0} first for 抖音). */
    static Map<String, Object> counts(IngestEventBatch.Result result, boolean platformCode) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (platformCode) {
            m.put("code", 0);
        }
        m.put("accepted", result.accepted());
        m.put("duplicates", result.duplicates());
        if (!platformCode && !result.held().isEmpty()) {
            // conversations stored without a channel: nothing runs for them until one arrives (decision 0003)
            m.put("held", result.held());
        }
        return m;
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }
}
