package com.replyguard.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.EventBatchJson;
import com.replyguard.adapters.lambda.Priming;
import com.replyguard.ingest.dialect.ContractDialect;
import com.replyguard.ingest.dialect.DoudianDialect;
import com.replyguard.ingest.dialect.DouyinDialect;
import com.replyguard.ingest.dialect.WebhookDialect;
import com.replyguard.intake.BatchRejected;
import com.replyguard.merchant.AssessedHours;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.ConversationStore;
import com.replyguard.usecase.IngestEventBatch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway REST API (Lambda proxy) → ingest λ for the three webhook routes, one
 * {@link WebhookDialect} each: the contract's {@code POST /webhooks/{merchantId}/events}, 抖音's
 * {@code .../douyin} and 抖店's {@code .../doudian}. The webhooks sit on a REST API because only a
 * REST API can carry the AWS WAF rule that limits each merchant's pushes (docs/decisions/0006).
 * One path for every dialect: known merchant (401) and size (413) in the contract's shape, then the
 * dialect's own authentication
 * (401), its decoding (415 or 400), then the whole batch to {@link IngestEventBatch}, which refuses
 * it as a whole (400) or stores all of it (200); the dialect answers in its platform's shape. Only
 * input that can never succeed is a 4xx: any other failure is a 5xx the platform retries.
 */
public final class WebhookIngestHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final List<WebhookDialect> DIALECTS = List.of(new ContractDialect(), new DouyinDialect(), new DoudianDialect());
    /** The routes this function serves (template.yaml's {@code Api} events must be exactly these; TemplateTest). */
    public static final List<String> ROUTES = DIALECTS.stream().map(WebhookDialect::route).toList();

    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private final IngestWiring wiring;
    private final JsonLog log;

    /** Lambda's constructor: wires everything from the environment, once per execution environment. */
    public WebhookIngestHandler() {
        this(System.getenv());
        Priming.register("ingest", this::prime);
    }

    /** The local runner's constructor: the same wiring from an explicit environment. */
    public WebhookIngestHandler(Map<String, String> environment) {
        this(IngestWiring.from(environment, Clock.systemUTC()));
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
        Optional<WebhookDialect> found = DIALECTS.stream().filter(d -> d.route().equals(request.routeKey())).findFirst();
        if (found.isEmpty()) {
            // a route the template wires to this function but this code does not know: a deployment error
            log.error("unknown webhook route", "route", request.routeKey());
            return ApiResponses.error(404, "no webhook route " + request.routeKey());
        }
        WebhookDialect dialect = found.get();
        String merchantText = request.pathParameter("merchantId");
        Optional<Merchant> merchant;
        try {
            merchant = MerchantId.isWellFormed(merchantText) ? wiring.merchants().find(new MerchantId(merchantText)) : Optional.empty();
        } catch (RuntimeException e) {
            log.error("merchant lookup failed", "merchant", merchantText, "exception", e.getClass().getName());
            return ApiResponses.error(503, "temporarily unable to verify the merchant; retry the request (it is idempotent)");
        }
        // before the merchant is known, and for the size, every route answers in the contract's shape
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
        Instant now = wiring.clock().instant();
        Optional<String> refusal = dialect.refusal(merchant.get(), request, body, now);
        if (refusal.isPresent()) {
            log.warn("webhook refused", "merchant", merchantText, "route", dialect.route(), "reason", refusal.get());
            return dialect.error(401, refusal.get(), List.of());
        }
        try {
            WebhookDialect.Decoded push = dialect.decode(merchant.get(), request, body, now, log);
            if (push instanceof WebhookDialect.Answered answered) {
                return answered.response();
            }
            WebhookDialect.Events events = (WebhookDialect.Events) push;
            IngestEventBatch.Result result = events.events().isEmpty() && dialect.acknowledgesAnEmptyPush()
                    ? new IngestEventBatch.Result(0, 0) : wiring.ingest().ingest(merchant.get(), events.events());
            return dialect.stored(merchant.get(), events, result, log);
        } catch (EventBatchJson.NotJson e) {
            return dialect.error(dialect.notJsonStatus(), e.getMessage(), List.of());
        } catch (BatchRejected e) {
            log.info("push refused", "merchant", merchantText, "route", dialect.route(), "problems", e.problems().size());
            return dialect.error(400, e.summary(), e.problems());
        } catch (ConversationStore.ConcurrentUpdate e) {
            log.warn("contention persisted", "merchant", merchantText);
            return dialect.error(503, "conversation busy; retry the push (it is idempotent)", List.of());
        } catch (RuntimeException e) {
            log.error("ingest failed", "merchant", merchantText, "route", dialect.route(), "exception", e.getClass().getName());
            return dialect.error(500, "internal error; retry the push (it is idempotent)", List.of());
        }
    }

    /**
     * Representative work for the SnapStart snapshot (and the cold-start benchmark): a push of a
     * merchant that does not exist - merchant lookup through the DynamoDB client, refusal, JSON
     * answer - and a representative batch written for the priming tenant.
     */
    public void prime() {
        byte[] sample = PRIMING_BATCH.getBytes(StandardCharsets.UTF_8);
        handleRequest(new APIGatewayProxyRequestEvent().withResource("/webhooks/{merchantId}/events").withHttpMethod("POST")
                .withPath("/webhooks/priming-merchant/events").withPathParameters(Map.of("merchantId", "priming-merchant"))
                .withHeaders(Map.of()).withBody(PRIMING_BATCH).withIsBase64Encoded(false), null);
        // the whole write path - validation, merge, clocks, KPI vector, conditional PutItem, projections - on
        // the priming tenant's one conversation (fixed ids: every later priming finds duplicates)
        wiring.ingest().ingest(PRIMING_MERCHANT, EventBatchJson.decode(sample));
    }

    /** A tenant of its own for priming writes: no merchant, manager or report ever names it. */
    static final Merchant PRIMING_MERCHANT = new Merchant(new MerchantId("replyguard-priming"), List.of("unused"),
            new byte[32], AssessedHours.ALL_DAY);

    private static final String PRIMING_BATCH = "{\"events\":[{\"eventId\":\"p-1\",\"type\":\"customer.message\","
            + "\"conversationId\":\"p\",\"channel\":\"CS_CHAT\",\"customerId\":\"p\",\"occurredAt\":"
            + "\"2026-01-01T08:00:00+08:00\",\"text\":\"在吗？快递还没到，很急\"},{\"eventId\":\"p-2\",\"type\":"
            + "\"agent.message\",\"conversationId\":\"p\",\"agentId\":\"a\",\"occurredAt\":\"2026-01-01T08:00:30+08:00\"}]}";
}
