package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.lambda.Priming;
import com.replyguard.intake.InvalidInput;
import com.replyguard.intake.Problem;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.Manager.Action;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.BreachStore;
import com.replyguard.usecase.ListBreaches;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * API Gateway HTTP API → manager API λ. Authenticates the caller (JWT claims, or a bearer token: 401),
 * seals the tenant (403 for another merchant's path), holds the caller to the role the route's
 * action needs ({@link Manager#require}: the domain's rule, 403), then hands the call to the route's
 * class (parse → one use case → a typed answer) and maps what it throws: bad input 400, a refusal
 * 403, a body that is not JSON 415, anything else 500 (logged without personal data).
 */
public final class ManagerApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** How many bytes of the token's SHA-256 (12 hex digits) name the caller in audit records. */
    private static final int AUDIT_DIGEST_BYTES = 6;
    private static final String BEARER = "Bearer ";

    /** A route: the action it performs (what the role must allow) and how its class is made from the wiring. */
    private record Binding(Action action, BiFunction<ManagerApiWiring, JsonLog, Route> route) {
    }

    /** Every route this function answers (template.yaml binds the same ones; the template test checks it). */
    private static final Map<String, Binding> ROUTE_TABLE = routeTable();

    static final List<String> ROUTES = List.copyOf(ROUTE_TABLE.keySet());

    private static Map<String, Binding> routeTable() {
        Map<String, Binding> t = new LinkedHashMap<>();
        String m = "/merchants/{merchantId}";
        t.put("GET " + m + "/kpis", read((w, log) -> new KpisRoute(w.kpiCounters())));
        t.put("GET " + m + "/breaches", read((w, log) -> new BreachesRoute(w.breaches())));
        t.put("GET " + m + "/conversations/{conversationId}",
                read((w, log) -> new ConversationRoute(w.conversations(), w.alerting().alerts())));
        t.put("GET " + m + "/policy", read((w, log) -> PolicyRoutes.current()));
        t.put("GET " + m + "/policy/versions", read((w, log) -> PolicyRoutes.versions()));
        t.put("PUT " + m + "/policy", new Binding(Action.CHANGE_POLICY, (w, log) -> PolicyRoutes.change(w.policyEditor(), log)));
        t.put("POST " + m + "/breaches/{breachId}/excuse", new Binding(Action.ACT, (w, log) -> new ExcuseRoute(w.excuses(), log)));
        t.put("GET " + m + "/agents/{agentId}/discipline", read((w, log) -> AgentRoutes.discipline(w.discipline(), w.kpiCounters(), w.agents())));
        t.put("GET " + m + "/operations",
                read((w, log) -> new OperationsRoute(w.operations(), w.operationsByType(), w.kpiCounters())));
        t.put("GET " + m + "/agents/{agentId}/scorecard", read((w, log) -> AgentRoutes.scorecard(w.scorecards(), w.kpiCounters(), w.agents())));
        t.put("GET " + m + "/leaderboard", read((w, log) -> new LeaderboardRoute(w.leaderboard(), w.kpiCounters())));
        t.put("GET " + m + "/aftersales", read((w, log) -> AfterSalesRoutes.report(w.afterSales(), w.kpiCounters())));
        t.put("PUT " + m + "/conversations/{conversationId}/category",
                new Binding(Action.ACT, (w, log) -> AfterSalesRoutes.classify(w.classify(), log)));
        t.put("DELETE " + m + "/customers/{customer}",
                new Binding(Action.DELETE_CUSTOMER_DATA, (w, log) -> new CustomersRoute(w.forgetCustomer(), log)));
        t.put("GET " + m + "/me", read((w, log) -> MeRoute.route()));
        t.put("GET " + m + "/queue", read((w, log) -> new QueueRoute(w.queue())));
        t.put("GET " + m + "/notifications", read((w, log) -> new GetNotifications(w.alerting().settings())));
        t.put("PUT " + m + "/notifications",
                new Binding(Action.CHANGE_NOTIFICATIONS, (w, log) -> new PutNotifications(w.alerting().settings(), log)));
        t.put("POST " + m + "/notifications/test",
                new Binding(Action.SEND_TEST_MESSAGES, (w, log) -> new TestNotification(w.alerting().tests(), log)));
        t.put("GET " + m + "/alerts", read((w, log) -> new ListAlertsRoute(w.alerting().alerts())));
        t.put("POST " + m + "/alerts/{alertId}/ack",
                new Binding(Action.ACT, (w, log) -> new AcknowledgeAlertRoute(w.alerting().acks(), log)));
        t.put("GET " + m + "/aftersales/cases", read((w, log) -> new AfterSalesCasesRoute(w.cases(), w.kpiCounters())));
        t.put("GET " + m + "/quality", read((w, log) -> new QualityRoute(w.quality())));
        t.put("GET " + m + "/held-conversations", read((w, log) -> new HeldConversationsRoute(w.held())));
        return Collections.unmodifiableMap(t);
    }

    private static Binding read(BiFunction<ManagerApiWiring, JsonLog, Route> route) {
        return new Binding(Action.READ, route);
    }

    private final ManagerApiWiring wiring;
    private final JsonLog log;
    private final Map<String, Route> routes = new LinkedHashMap<>();

    public ManagerApiHandler() {
        this(System.getenv());
        Priming.register("manager-api", this::prime);
    }

    public ManagerApiHandler(Map<String, String> environment) {
        this(ManagerApiWiring.from(environment, Clock.systemUTC()));
    }

    public ManagerApiHandler(ManagerApiWiring wiring) {
        this.wiring = wiring;
        this.log = new JsonLog("manager-api", wiring.clock(), System.err);
        ROUTE_TABLE.forEach((key, binding) -> routes.put(key, binding.route().apply(wiring, log)));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiRequest request = new ApiRequest(event);
        Optional<String> token = bearer(request.header("Authorization"));
        Optional<Manager> caller = ManagerClaims.of(event).or(() -> token.flatMap(wiring.tokens()::managerOf));
        if (caller.isEmpty()) {
            return ApiResponses.unauthorized("a valid manager token is required (Authorization: Bearer <token>)");
        }
        String pathMerchant = request.pathParameter("merchantId");
        if (pathMerchant == null || !pathMerchant.equals(caller.get().merchant().value())) {
            return ApiResponses.error(403, "this token does not give access to merchant '" + pathMerchant + "'");
        }
        Binding binding = ROUTE_TABLE.get(request.routeKey());
        try {
            caller.get().require(binding == null ? Action.READ : binding.action());
        } catch (Manager.NotPermitted e) {
            return outOfRole(request, caller.get(), e);
        }
        Optional<Merchant> merchant;
        try {
            merchant = wiring.merchants().find(caller.get().merchant());
        } catch (RuntimeException e) {
            log.error("merchant lookup failed", "merchant", pathMerchant, "exception", e.getClass().getName());
            return ApiResponses.error(503, "temporarily unavailable; retry");
        }
        if (merchant.isEmpty()) {
            return ApiResponses.error(403, "merchant '" + pathMerchant + "' is not configured");
        }
        if (binding == null) {
            return ApiResponses.error(404, "no such resource");
        }
        try {
            return routes.get(request.routeKey()).answer(new Call(merchant.get(), request, caller.get(), auditName(caller.get(), token)));
        } catch (InvalidInput e) {
            return ApiResponses.error(400, "invalid request", e.problems());
        } catch (BreachStore.InvalidPageToken e) {
            return ApiResponses.error(400, "invalid request", List.of(Problem.ofBatch("nextToken", e.getMessage())));
        } catch (Manager.NotPermitted e) {
            return outOfRole(request, caller.get(), e);
        } catch (RouteParameters.NotJson e) {
            return ApiResponses.error(415, e.getMessage());
        } catch (RuntimeException e) {
            log.error("request failed", "merchant", pathMerchant, "route", request.routeKey(), "exception", e.getClass().getName());
            return ApiResponses.error(500, "internal error");
        }
    }

    private APIGatewayV2HTTPResponse outOfRole(ApiRequest request, Manager caller, Manager.NotPermitted e) {
        log.warn("out of role", "merchant", caller.merchant().value(), "route", request.routeKey(), "role", caller.role().name());
        return ApiResponses.error(403, e.getMessage());
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** Who did it, for audit records: a digest of the bearer token or JWT (never the token itself). */
    private static String auditName(Manager manager, Optional<String> token) {
        return token.map(t -> "token:" + tokenDigest(t)).orElse("jwt:" + manager.role().name().toLowerCase(Locale.ROOT));
    }

    private static String tokenDigest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, AUDIT_DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Representative, read-only work for the SnapStart snapshot (and the cold-start benchmark): a
     * report request with a token nobody holds - token lookup through the DynamoDB client, refusal,
     * JSON answer.
     */
    public void prime() {
        handleRequest(APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /merchants/{merchantId}/kpis")
                .withPathParameters(Map.of("merchantId", "priming-merchant"))
                .withHeaders(Map.of("authorization", "Bearer priming-token-held-by-nobody")).build(), null);
        // a report's reads and its JSON, for the priming tenant (empty, but the same code paths)
        MerchantId priming = new MerchantId("replyguard-priming");
        var view = wiring.kpiCounters().report(priming, wiring.kpiCounters().currentCycle());
        ApiResponses.json(200, KpisRoute.answer(view, "agent"));
        wiring.breaches().list(priming, null, null, ListBreaches.DEFAULT_LIMIT, null);
    }
}
