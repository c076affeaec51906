package com.replyguard.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.doudian.DoudianPush;
import com.replyguard.adapters.douyin.DouyinOpenPlatformWebhook;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.EventBatchJson;
import com.replyguard.intake.BatchRejected;
import com.replyguard.intake.RawEvent;
import com.replyguard.intake.WebhookSignature;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.ConversationStore;
import com.replyguard.usecase.IngestEventBatch;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway REST API (Lambda proxy) → ingest λ for the three webhook routes: the contract's
 * {@code POST /webhooks/{merchantId}/events}, 抖音's {@code .../douyin} and 抖店's {@code .../doudian}.
 * The webhooks sit on a REST API because only a REST API can carry the AWS WAF rule that limits
 * each merchant's pushes (docs/decisions/0006); the manager API stays an HTTP API.
 * Checks, in order: known merchant (401), size (413), timestamp and signature (401),
 * JSON (415), then hands the whole batch to {@link IngestEventBatch}, which refuses it as a whole
 * (400) or stores all of it (200). No business rule lives here.
 */
public final class WebhookIngestHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    /** The routes this function serves (template.yaml's {@code Api} events must be exactly these; TemplateTest). */
    public static final String EVENTS_ROUTE = "POST /webhooks/{merchantId}/events";
    public static final String DOUYIN_ROUTE = "POST /webhooks/{merchantId}/douyin";
    public static final String DOUDIAN_ROUTE = "POST /webhooks/{merchantId}/doudian";
    public static final List<String> ROUTES = List.of(EVENTS_ROUTE, DOUYIN_ROUTE, DOUDIAN_ROUTE);

    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private final IngestWiring wiring;
    private final JsonLog log;

    /** Lambda's constructor: wires everything from the environment, once per execution environment. */
    public WebhookIngestHandler() {
        this(System.getenv());
        com.replyguard.adapters.lambda.Priming.register("ingest", this::prime);
    }

    /** The local runner's constructor: the same wiring from an explicit environment. */
    public WebhookIngestHandler(Map<String, String> environment) {
        this(IngestWiring.from(environment, java.time.Clock.systemUTC()));
    }

    public WebhookIngestHandler(IngestWiring wiring) {
        this.wiring = wiring;
        this.log = new JsonLog("ingest", wiring.clock(), System.err);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ApiResponses.forRestApi(handle(new ApiRequest(event)));
    }

    /** One webhook request, whichever API type carried it. */
    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String merchantText = request.pathParameter("merchantId");
        Optional<Merchant> merchant;
        try {
            merchant = MerchantId.isWellFormed(merchantText) ? wiring.merchants().find(new MerchantId(merchantText)) : Optional.empty();
        } catch (RuntimeException e) {
            log.error("merchant lookup failed", "merchant", merchantText, "exception", e.getClass().getName());
            return ApiResponses.error(503, "temporarily unable to verify the merchant; retry the request (it is idempotent)");
        }
        if (merchant.isEmpty()) {
            return ApiResponses.unauthorized("unknown merchant");
        }
        if (request.bodyLength() > MAX_BODY_BYTES) {
            return ApiResponses.error(413, "body is larger than 1 MiB (" + MAX_BODY_BYTES + " bytes)");
        }
        byte[] body = request.body();
        if (body.length > MAX_BODY_BYTES) {
            return ApiResponses.error(413, "body is larger than 1 MiB (" + MAX_BODY_BYTES + " bytes)");
        }
        if (request.routeKey().equals(DOUYIN_ROUTE)) {
            return douyin(merchant.get(), request, body);
        }
        if (request.routeKey().equals(DOUDIAN_ROUTE)) {
            return doudian(merchant.get(), request, body);
        }
        if (!request.routeKey().equals(EVENTS_ROUTE)) {
            // a route the template wires to this function but this code does not know: a deployment error
            log.error("unknown webhook route", "route", request.routeKey());
            return ApiResponses.error(404, "no webhook route " + request.routeKey());
        }
        WebhookSignature.Verdict verdict = WebhookSignature.verify(merchant.get().webhookSecrets(),
                request.header("X-Timestamp"), request.header("X-Signature"), body, wiring.clock().instant());
        if (verdict != WebhookSignature.Verdict.VALID) {
            log.warn("webhook refused", "merchant", merchantText, "reason", verdict.name());
            return ApiResponses.unauthorized(verdict.message());
        }
        String contentType = request.header("Content-Type");
        if (contentType != null && !isJson(contentType)) {
            return ApiResponses.error(415, "Content-Type must be application/json");
        }
        try {
            List<RawEvent> raw = EventBatchJson.decode(body);
            IngestEventBatch.Result result = wiring.ingest().ingest(merchant.get(), raw);
            log.info("events stored", "merchant", merchantText, "accepted", result.accepted(),
                    "duplicates", result.duplicates());
            return ApiResponses.json(200, counts(result, false));
        } catch (EventBatchJson.NotJson e) {
            return ApiResponses.error(415, e.getMessage());
        } catch (BatchRejected e) {
            log.info("batch refused", "merchant", merchantText, "problems", e.problems().size());
            return ApiResponses.error(400, e.summary(), e.problems());
        } catch (ConversationStore.ConcurrentUpdate e) {
            log.warn("contention persisted", "merchant", merchantText);
            return ApiResponses.error(503, "conversation busy; retry the request (it is idempotent)");
        } catch (RuntimeException e) {
            log.error("ingest failed", "merchant", merchantText, "exception", e.getClass().getName());
            return ApiResponses.error(500, "internal error; retry the request (it is idempotent)");
        }
    }

    /** 抖音 open-platform webhook: SHA-1 signature, verify_webhook challenge, private messages; unknown topics acknowledged. */
    private APIGatewayV2HTTPResponse douyin(Merchant merchant, ApiRequest request, byte[] body) {
        String merchantText = merchant.id().value();
        if (merchant.douyinClientSecret().isEmpty()) {
            return ApiResponses.unauthorized("merchant has no 抖音 app connected");
        }
        if (!DouyinOpenPlatformWebhook.signatureValid(merchant.douyinClientSecret().get(), body,
                request.header("X-Douyin-Signature"))) {
            log.warn("douyin webhook refused", "merchant", merchantText, "reason", "signature");
            return ApiResponses.unauthorized("X-Douyin-Signature is missing or does not match the body");
        }
        try {
            DouyinOpenPlatformWebhook.Delivery d = DouyinOpenPlatformWebhook.read(body, request.header("Msg-Id"),
                    wiring.clock().instant());
            if (d instanceof DouyinOpenPlatformWebhook.Challenge c) {
                return ApiResponses.json(200, Map.of("challenge", c.challenge()));
            }
            if (d instanceof DouyinOpenPlatformWebhook.Ignored i) {
                log.info("douyin event ignored", "merchant", merchantText, "event", i.platformEvent());
                return ApiResponses.json(200, Map.of("code", 0, "ignored", i.platformEvent()));
            }
            DouyinOpenPlatformWebhook.Events ev = (DouyinOpenPlatformWebhook.Events) d;
            IngestEventBatch.Result result = wiring.ingest().ingest(merchant, ev.events());
            log.info("douyin events stored", "merchant", merchantText, "event", ev.platformEvent(),
                    "accepted", result.accepted(), "duplicates", result.duplicates());
            return ApiResponses.json(200, counts(result, true));
        } catch (EventBatchJson.NotJson e) {
            return ApiResponses.error(415, e.getMessage());
        } catch (BatchRejected e) {
            log.warn("douyin event refused", "merchant", merchantText, "problems", e.problems().size());
            return ApiResponses.error(400, e.summary(), e.problems());
        } catch (ConversationStore.ConcurrentUpdate e) {
            return ApiResponses.error(503, "conversation busy; retry the request (it is idempotent)");
        } catch (RuntimeException e) {
            log.error("douyin ingest failed", "merchant", merchantText, "exception", e.getClass().getName());
            return ApiResponses.error(500, "internal error; retry the request (it is idempotent)");
        }
    }

    /**
     * 抖店 message push: MD5 {@code event-sign} under any of the app's secrets, a JSON array of
     * {tag, msg_id, data}; after-sales tags become events, others are acknowledged and counted.
     * Answers the platform's {@code {"code":0,"msg":"success"}}, or {@code code 1} with a 4xx/5xx.
     */
    private APIGatewayV2HTTPResponse doudian(Merchant merchant, ApiRequest request, byte[] body) {
        String merchantText = merchant.id().value();
        if (merchant.doudian().isEmpty()) {
            return platformError(401, "merchant has no 抖店 app connected", List.of());
        }
        if (!DoudianPush.signatureValid(merchant.doudian().get(), request.header("app-id"), body, request.header("event-sign"))) {
            log.warn("doudian push refused", "merchant", merchantText, "reason", "signature");
            return platformError(401, "app-id or event-sign is missing or does not match the body", List.of());
        }
        try {
            DoudianPush.Delivery d = DoudianPush.read(body);
            Map<String, Object> answer = new java.util.LinkedHashMap<>();
            answer.put("code", 0);
            answer.put("msg", "success");
            int accepted = 0;
            int duplicates = 0;
            if (!d.events().isEmpty()) {
                IngestEventBatch.Result result = wiring.ingest().ingest(merchant, d.events());
                accepted = result.accepted();
                duplicates = result.duplicates();
            }
            log.info("doudian push stored", "merchant", merchantText, "messages", d.messages(), "accepted", accepted,
                    "duplicates", duplicates, "ignored", d.ignoredTags().size());
            answer.put("accepted", accepted);
            answer.put("duplicates", duplicates);
            answer.put("ignored", d.ignoredTags().size());
            return ApiResponses.json(200, answer);
        } catch (EventBatchJson.NotJson e) {
            // 抖店 expects its own {code, msg} shape for every refusal, unreadable bodies included
            return platformError(400, e.getMessage(), List.of());
        } catch (BatchRejected e) {
            log.warn("doudian push refused", "merchant", merchantText, "problems", e.problems().size());
            return platformError(400, e.summary(), e.problems());
        } catch (ConversationStore.ConcurrentUpdate e) {
            return platformError(503, "conversation busy; retry the push (it is idempotent)", List.of());
        } catch (RuntimeException e) {
            log.error("doudian ingest failed", "merchant", merchantText, "exception", e.getClass().getName());
            return platformError(500, "internal error; retry the push (it is idempotent)", List.of());
        }
    }

    private static APIGatewayV2HTTPResponse platformError(int status, String message,
            List<com.replyguard.intake.Problem> problems) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("code", 1);
        m.put("msg", message);
        if (!problems.isEmpty()) {
            m.put("problems", ApiResponses.details(problems));
        }
        return ApiResponses.json(status, m);
    }

    /** The contract's answer, in the contract's order: accepted, then duplicates. */
    private static Map<String, Object> counts(IngestEventBatch.Result result, boolean platformCode) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (platformCode) {
            m.put("code", 0);
        }
        m.put("accepted", result.accepted());
        m.put("duplicates", result.duplicates());
        return m;
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    /**
     * Representative work for the SnapStart snapshot (and the cold-start benchmark): a push of a
     * merchant that does not exist - merchant lookup through the DynamoDB client, refusal, JSON
     * answer - and a representative batch written for the priming tenant.
     */
    public void prime() {
        byte[] sample = PRIMING_BATCH.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        handleRequest(new APIGatewayProxyRequestEvent().withResource("/webhooks/{merchantId}/events").withHttpMethod("POST")
                .withPath("/webhooks/priming-merchant/events").withPathParameters(Map.of("merchantId", "priming-merchant"))
                .withHeaders(Map.of()).withBody(PRIMING_BATCH).withIsBase64Encoded(false), null);
        // the whole write path - validation, merge, clocks, KPI vector, conditional PutItem, projections - on
        // the priming tenant's one conversation (fixed ids: every later priming finds duplicates)
        wiring.ingest().ingest(PRIMING_MERCHANT, EventBatchJson.decode(sample));
    }

    /** A tenant of its own for priming writes: no merchant, manager or report ever names it. */
    static final Merchant PRIMING_MERCHANT = new Merchant(new MerchantId("replyguard-priming"), List.of("unused"),
            new byte[32], com.replyguard.merchant.AssessedHours.ALL_DAY);

    private static final String PRIMING_BATCH = "{\"events\":[{\"eventId\":\"p-1\",\"type\":\"customer.message\","
            + "\"conversationId\":\"p\",\"channel\":\"CS_CHAT\",\"customerId\":\"p\",\"occurredAt\":"
            + "\"2026-01-01T08:00:00+08:00\",\"text\":\"在吗？快递还没到，很急\"},{\"eventId\":\"p-2\",\"type\":"
            + "\"agent.message\",\"conversationId\":\"p\",\"agentId\":\"a\",\"occurredAt\":\"2026-01-01T08:00:30+08:00\"}]}";
}
