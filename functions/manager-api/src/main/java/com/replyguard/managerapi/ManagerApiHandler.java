package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.Instants;
import com.replyguard.adapters.dynamodb.DynamoDbPolicyOverrides;
import com.replyguard.adapters.json.PolicyJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.assessment.Cycle;
import com.replyguard.breach.BreachPage;
import com.replyguard.conversation.ConversationId;
import com.replyguard.intake.PlausibleTime;
import com.replyguard.intake.Problem;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.AlertRecord;
import com.replyguard.ports.BreachStore;
import com.replyguard.usecase.ExcuseBreach;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway HTTP API → manager API λ: platform KPIs, breaches and conversation timelines
 * (contract: the platform's metrics, breaches). Authenticates the bearer token (401), seals the
 * tenant (403 for another merchant's path), validates parameters (400), then calls one use case.
 */
public final class ManagerApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ManagerApiWiring wiring;
    private final JsonLog log;

    public ManagerApiHandler() {
        this(System.getenv());
        com.replyguard.adapters.lambda.Priming.register("manager-api", this::prime);
    }

    public ManagerApiHandler(Map<String, String> environment) {
        this(ManagerApiWiring.from(environment, java.time.Clock.systemUTC()));
    }

    public ManagerApiHandler(ManagerApiWiring wiring) {
        this.wiring = wiring;
        this.log = new JsonLog("manager-api", wiring.clock(), System.err);
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
        Optional<String> refusal = refusal(caller.get(), request);
        if (refusal.isPresent()) {
            log.warn("out of role", "merchant", pathMerchant, "route", request.routeKey(), "role", caller.get().role().name());
            return ApiResponses.error(403, refusal.get());
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
        try {
            Route route = ROUTE_TABLE.get(request.routeKey());
            return route == null ? ApiResponses.error(404, "no such resource")
                    : route.answer(this, merchant.get(), request, caller.get(), token);
        } catch (BadRequest e) {
            return ApiResponses.error(400, "invalid request", e.problems);
        } catch (RuntimeException e) {
            log.error("request failed", "merchant", pathMerchant, "route", request.routeKey(),
                    "exception", e.getClass().getName());
            return ApiResponses.error(500, "internal error");
        }
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** Every route this function answers (template.yaml binds the same ones; the template test checks it). */
    /** What answers one route: the handler, the merchant, the request, the caller and the bearer token. */
    private interface Route {
        APIGatewayV2HTTPResponse answer(ManagerApiHandler h, Merchant m, ApiRequest r, Manager caller, Optional<String> token);
    }

    /** Every route this function answers, and how (template.yaml binds the same ones; the template test checks it). */
    private static final Map<String, Route> ROUTE_TABLE = routeTable();

    static final List<String> ROUTES = List.copyOf(ROUTE_TABLE.keySet());

    private static Map<String, Route> routeTable() {
        Map<String, Route> t = new java.util.LinkedHashMap<>();
        t.put("GET /merchants/{merchantId}/kpis", (h, m, r, c, tok) -> h.kpis(m, r));
        t.put("GET /merchants/{merchantId}/breaches", (h, m, r, c, tok) -> h.breaches(m, r));
        t.put("GET /merchants/{merchantId}/conversations/{conversationId}", (h, m, r, c, tok) -> h.conversation(m, r));
        t.put("GET /merchants/{merchantId}/policy", (h, m, r, c, tok) -> ApiResponses.json(200,
                PolicyJson.write(m.policies().current())));
        t.put("GET /merchants/{merchantId}/policy/versions", (h, m, r, c, tok) -> ApiResponses.json(200,
                Map.of("versions", m.policies().all().stream().map(PolicyJson::write).toList())));
        t.put("PUT /merchants/{merchantId}/policy", (h, m, r, c, tok) -> h.putPolicy(m, r));
        t.put("POST /merchants/{merchantId}/breaches/{breachId}/excuse", (h, m, r, c, tok) -> h.excuse(m, r, auditName(c, tok), c));
        t.put("GET /merchants/{merchantId}/agents/{agentId}/discipline", (h, m, r, c, tok) -> h.discipline(m, r));
        t.put("GET /merchants/{merchantId}/operations", (h, m, r, c, tok) -> h.operations(m, r));
        t.put("GET /merchants/{merchantId}/agents/{agentId}/scorecard", (h, m, r, c, tok) -> h.scorecard(m, r));
        t.put("GET /merchants/{merchantId}/leaderboard", (h, m, r, c, tok) -> h.leaderboard(m, r));
        t.put("GET /merchants/{merchantId}/aftersales", (h, m, r, c, tok) -> h.afterSales(m, r));
        t.put("PUT /merchants/{merchantId}/conversations/{conversationId}/category",
                (h, m, r, c, tok) -> h.classify(m, r, auditName(c, tok)));
        t.put("DELETE /merchants/{merchantId}/customers/{customer}", (h, m, r, c, tok) -> h.forgetCustomer(m, r));
        t.put("GET /merchants/{merchantId}/me", (h, m, r, c, tok) -> ApiResponses.json(200, Representations.manager(c)));
        t.put("GET /merchants/{merchantId}/queue", (h, m, r, c, tok) -> QueueRoute.answer(h.wiring.queue(), m, r, c));
        t.put("GET /merchants/{merchantId}/notifications", (h, m, r, c, tok) -> new GetNotifications(h.wiring.alerting().settings()).answer(m));
        t.put("PUT /merchants/{merchantId}/notifications", (h, m, r, c, tok) -> new PutNotifications(h.wiring.alerting().settings(), h.log).answer(m, r, c));
        t.put("POST /merchants/{merchantId}/notifications/test", (h, m, r, c, tok) -> new TestNotification(h.wiring.alerting().tests(), h.log).answer(m, r, c));
        t.put("GET /merchants/{merchantId}/alerts", (h, m, r, c, tok) -> new ListAlertsRoute(h.wiring.alerting().alerts()).answer(m, r));
        t.put("POST /merchants/{merchantId}/alerts/{alertId}/ack", (h, m, r, c, tok) -> new AcknowledgeAlertRoute(h.wiring.alerting().acks(), h.log).answer(m, r, c, "manager-" + auditName(c, tok)));
        return java.util.Collections.unmodifiableMap(t);
    }

    /**
     * Roles (docs/security.md, token theft and over-reach): operations only reads; a team lead may not change
     * the policy, and reads or acts for agents of their team only (an agent's discipline and scorecard;
     * excusing a breach is checked against the breach's responsible agent). Empty: allowed.
     */
    static Optional<String> refusal(Manager manager, ApiRequest request) {
        String route = request.routeKey();
        if (!route.startsWith("GET ") && !manager.mayChange()) {
            return Optional.of("the operations role is read-only");
        }
        if (route.startsWith("DELETE ") && manager.role() != Manager.Role.SUPERVISOR) {
            return Optional.of("only a supervisor deletes a customer's data");
        }
        if (manager.role() == Manager.Role.TEAM_LEAD) {
            if (route.equals("PUT /merchants/{merchantId}/policy")) {
                return Optional.of("only a supervisor changes the policy");
            }
            String agent = request.pathParameter("agentId");
            if (route.contains("{agentId}") && !manager.covers(agent)) {
                return Optional.of("agent '" + agent + "' is not in this team lead's team");
            }
        }
        return Optional.empty();
    }

    /** Who did it, for audit records: a digest of the bearer token or JWT (never the token itself). */
    private static String auditName(Manager manager, Optional<String> token) {
        return token.map(t -> "token:" + tokenDigest(t)).orElse("jwt:" + manager.role().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code groupBy} values of {@code GET /kpis}: the counters' dimensions. */
    static final List<String> GROUPINGS = List.of("agent", "channel", "category");

    private APIGatewayV2HTTPResponse kpis(Merchant merchant, ApiRequest request) {
        Cycle cycle = cycleParameter(request);
        String groupBy = request.query("groupBy");
        if (groupBy != null && !GROUPINGS.contains(groupBy)) {
            throw new BadRequest(List.of(Problem.ofBatch("groupBy", "must be one of " + String.join(", ", GROUPINGS)
                    + " (got '" + groupBy + "')")));
        }
        var view = wiring.kpiCounters().report(merchant.id(), cycle);
        if (Csv.wanted(request.header("Accept"))) {
            if (groupBy != null) {
                List<String> header = new ArrayList<>(Representations.KPI_CSV_HEADER);
                header.add(2, "group");
                return Csv.response("kpis-" + merchant.id() + "-" + cycle + "-by-" + groupBy + ".csv", header,
                        Representations.kpiGroupRows(view, groupBy), Map.of());
            }
            return Csv.response("kpis-" + merchant.id() + "-" + cycle + ".csv", Representations.KPI_CSV_HEADER,
                    Representations.kpiRows(view.total()), Map.of());
        }
        return ApiResponses.json(200, Representations.kpis(view, groupBy));
    }

    private APIGatewayV2HTTPResponse breaches(Merchant merchant, ApiRequest request) {
        List<Problem> problems = new ArrayList<>();
        Instant from = instantParam(request, "from", problems);
        Instant to = instantParam(request, "to", problems);
        Integer limit = null;
        String limitText = request.query("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
                if (limit < 1 || limit > 1000) {
                    problems.add(Problem.ofBatch("limit", "must be between 1 and 1000 (got " + limitText + ")"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.ofBatch("limit", "must be a whole number between 1 and 1000 (got '" + limitText + "')"));
            }
        }
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(Problem.ofBatch("from", "must not be after 'to'"));
        }
        if (!problems.isEmpty()) {
            throw new BadRequest(problems);
        }
        try {
            BreachPage page = wiring.breaches().list(merchant.id(), from, to, limit, request.query("nextToken"));
            if (Csv.wanted(request.header("Accept"))) {
                return Csv.response("breaches-" + merchant.id() + ".csv", Representations.BREACH_CSV_HEADER,
                        Representations.breachRows(page), page.nextToken() == null ? Map.of() : Map.of("X-Next-Token", page.nextToken()));
            }
            return ApiResponses.json(200, Representations.breaches(page));
        } catch (BreachStore.InvalidPageToken e) {
            throw new BadRequest(List.of(Problem.ofBatch("nextToken", e.getMessage())));
        }
    }

    private static Instant instantParam(ApiRequest request, String name, List<Problem> problems) {
        return RouteParameters.instant(request, name, problems);
    }

    /** The {@code conversationId} path parameter, or a 400 naming it. */
    private static ConversationId conversationParameter(ApiRequest request) {
        String id = request.pathParameter("conversationId");
        if (id == null || id.isEmpty() || id.length() > ConversationId.MAX_LENGTH) {
            throw new BadRequest(List.of(Problem.ofBatch("conversationId", "must be 1-128 characters")));
        }
        return new ConversationId(id);
    }

    private APIGatewayV2HTTPResponse conversation(Merchant merchant, ApiRequest request) {
        ConversationId conversationId = conversationParameter(request);
        String id = conversationId.value();
        return wiring.conversations().show(merchant, conversationId)
                .map(view -> ApiResponses.json(200, withAlerts(Representations.conversation(view),
                        wiring.alerting().alerts().ofConversation(merchant.id(), id))))
                .orElseGet(() -> ApiResponses.error(404, "no conversation '" + id + "' for merchant '" + merchant.id() + "'"));
    }

    /** The timeline also lists the conversation's alerts, as {@code GET /alerts} shows them. */
    private static Map<String, Object> withAlerts(Map<String, Object> timeline, List<AlertRecord> alerts) {
        timeline.put("alerts", AlertItem.of(alerts));
        return timeline;
    }

    private APIGatewayV2HTTPResponse putPolicy(Merchant merchant, ApiRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return ApiResponses.error(415, "Content-Type must be application/json");
        }
        JsonNode body;
        try {
            body = POLICY_JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            return ApiResponses.error(415, "body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequest(List.of(Problem.ofBatch("", "the policy must be a JSON object")));
        }
        try {
            Merchant updated = wiring.policyEditor().apply(merchant.id(), body);
            log.info("policy changed", "merchant", merchant.id().value());
            return ApiResponses.json(200, PolicyJson.write(updated.policies().current()));
        } catch (DynamoDbPolicyOverrides.TooManyVersions e) {
            return ApiResponses.error(409, e.getMessage());
        } catch (PolicyJson.Rejected e) {
            List<Problem> problems = new ArrayList<>();
            for (String p : e.problems()) {
                int space = p.indexOf(' ');
                problems.add(Problem.ofBatch(space < 0 ? p : p.substring(0, space), space < 0 ? p : p.substring(space + 1)));
            }
            throw new BadRequest(problems);
        }
    }

    /** R20: a manager excuses a breach with a reason; audited with a digest of the manager's token. */
    private APIGatewayV2HTTPResponse excuse(Merchant merchant, ApiRequest request, String by, Manager manager) {
        JsonNode body;
        try {
            body = POLICY_JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            return ApiResponses.error(415, "body is not valid JSON");
        }
        String reason = body == null ? null : body.path("reason").asText(null);
        if (reason == null || reason.isBlank() || reason.length() > ExcuseBreach.MAX_REASON) {
            throw new BadRequest(List.of(Problem.ofBatch("reason", "is required: why the breach is excused, at most "
                    + ExcuseBreach.MAX_REASON + " characters")));
        }
        if (manager.role() == Manager.Role.TEAM_LEAD) {
            var breach = wiring.excuses().find(merchant, request.pathParameter("breachId"));
            if (breach.isPresent() && !manager.covers(breach.get().responsibleAgentId())) {
                return ApiResponses.error(403, "the breach is held against an agent outside this team lead's team");
            }
        }
        ExcuseBreach.Result r = wiring.excuses().excuse(merchant, request.pathParameter("breachId"), reason,
                "manager-" + by);
        return switch (r.outcome()) {
            case NOT_FOUND -> ApiResponses.error(404, "no breach '" + request.pathParameter("breachId") + "'");
            case ALREADY_EXCUSED -> ApiResponses.json(409, Map.of("error", "the breach is already excused",
                    "breach", Representations.breach(r.breach())));
            case EXCUSED -> {
                log.info("breach excused", "merchant", merchant.id().value(), "breachId", r.breach().breachId());
                yield ApiResponses.json(200, Representations.breach(r.breach()));
            }
        };
    }

    /** R24-R28: the after-sales report of a cycle, with the previous cycle for the trend. */
    private APIGatewayV2HTTPResponse afterSales(Merchant merchant, ApiRequest request) {
        Cycle cycle = cycleParameter(request);
        var report = wiring.afterSales().report(merchant.id(), cycle);
        if (Csv.wanted(request.header("Accept"))) {
            return Csv.response("aftersales-" + merchant.id() + "-" + cycle + ".csv", Representations.AFTER_SALES_CSV_HEADER,
                    Representations.afterSalesRows(report), Map.of());
        }
        return ApiResponses.json(200, Representations.afterSales(report));
    }

    /**
     * R29: a customer's data-deletion request, by their keyed hash ({@code c_…}, as timelines show it)
     * or, with {@code ?idType=platform}, by the platform's raw id (hashed here, never stored or logged).
     */
    private APIGatewayV2HTTPResponse forgetCustomer(Merchant merchant, ApiRequest request) {
        String customer = request.pathParameter("customer");
        boolean raw = "platform".equals(request.query("idType"));
        if (customer == null || customer.isEmpty() || customer.length() > 128
                || (!raw && !customer.matches("c_[0-9a-f]{32}"))) {
            throw new BadRequest(List.of(Problem.ofBatch("customer", raw ? "must be the platform's customer id (1-128 characters)"
                    : "must be the customer's keyed hash (c_ and 32 hex digits), or the platform id with ?idType=platform")));
        }
        String ref = raw ? new com.replyguard.conversation.CustomerPseudonym(merchant.customerHashKey()).of(customer) : customer;
        int changed = wiring.forgetCustomer().forget(merchant, ref);
        log.info("customer data deleted", "merchant", merchant.id().value(), "conversations", changed);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("customer", ref);
        answer.put("conversationsUnlinked", changed);
        return ApiResponses.json(200, answer);
    }

    /** R24: a manager's classification overrides the automatic suggestion. */
    private APIGatewayV2HTTPResponse classify(Merchant merchant, ApiRequest request, String by) {
        JsonNode body;
        try {
            body = POLICY_JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            return ApiResponses.error(415, "body is not valid JSON");
        }
        String code = body == null ? null : body.path("category").asText(null);
        var category = code == null ? Optional.<com.replyguard.conversation.AfterSalesCategory>empty()
                : com.replyguard.conversation.AfterSalesCategory.fromCode(code);
        if (category.isEmpty()) {
            throw new BadRequest(List.of(Problem.ofBatch("category", "is required: one of the R24 subtype codes "
                    + java.util.Arrays.toString(com.replyguard.conversation.AfterSalesCategory.values())
                    + (code == null ? "" : " (got '" + code + "')"))));
        }
        String conversation = conversationParameter(request).value();
        if (!wiring.classify().classify(merchant, new ConversationId(conversation), category.get(),
                by)) {
            return ApiResponses.error(404, "no conversation '" + conversation + "'");
        }
        log.info("case classified", "merchant", merchant.id().value(), "category", category.get().name());
        return ApiResponses.json(200, Map.of("conversationId", conversation, "category", category.get().name(),
                "suggested", false));
    }

    private static String tokenDigest(String token) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private APIGatewayV2HTTPResponse scorecard(Merchant merchant, ApiRequest request) {
        Cycle cycle = cycleParameter(request);
        String agent = agentParameter(request);
        var card = wiring.scorecards().scorecard(merchant, agent, cycle);
        if (Csv.wanted(request.header("Accept"))) {
            return Csv.response("scorecard-" + agent + "-" + cycle + ".csv", Representations.SCORECARD_CSV_HEADER,
                    List.of(Representations.scorecardRow(card)), Map.of());
        }
        return ApiResponses.json(200, Representations.scorecard(card));
    }

    /** R21: the month's best-response award and the ranking behind it. */
    private APIGatewayV2HTTPResponse leaderboard(Merchant merchant, ApiRequest request) {
        String monthText = request.query("month");
        java.time.YearMonth month;
        if (monthText == null) {
            month = wiring.kpiCounters().currentCycle().month();
        } else {
            try {
                month = java.time.YearMonth.parse(monthText);
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadRequest(List.of(Problem.ofBatch("month", "'" + monthText + "' is not a month like 2026-10")));
            }
            if (!plausible(new Cycle(month, Cycle.Half.H1)) || !plausible(new Cycle(month, Cycle.Half.H2))) {
                throw new BadRequest(List.of(Problem.ofBatch("month", "'" + monthText + "' lies outside the instants this API serves: "
                        + PlausibleTime.range())));
            }
        }
        var board = wiring.leaderboard().leaderboard(merchant, month);
        if (Csv.wanted(request.header("Accept"))) {
            return Csv.response("leaderboard-" + merchant.id() + "-" + month + ".csv", Representations.LEADERBOARD_CSV_HEADER,
                    Representations.leaderboardRows(board), Map.of());
        }
        return ApiResponses.json(200, Representations.leaderboard(merchant.id().value(), board));
    }

    /** R18, R22: response times and reply rate per channel. */
    private APIGatewayV2HTTPResponse operations(Merchant merchant, ApiRequest request) {
        Cycle cycle = cycleParameter(request);
        String groupBy = request.query("groupBy");
        if (groupBy != null) {
            if (!com.replyguard.usecase.ReportOperationsByType.GROUPINGS.contains(groupBy)) {
                throw new BadRequest(List.of(Problem.ofBatch("groupBy", "must be one of "
                        + String.join(", ", com.replyguard.usecase.ReportOperationsByType.GROUPINGS) + " (got '" + groupBy + "')")));
            }
            var byType = wiring.operationsByType().report(merchant.id(), cycle, groupBy);
            if (Csv.wanted(request.header("Accept"))) {
                return Csv.response("operations-" + merchant.id() + "-" + cycle + "-by-" + groupBy + ".csv",
                        Representations.OPERATIONS_BY_TYPE_CSV_HEADER, Representations.operationsByTypeRows(byType), Map.of());
            }
            return ApiResponses.json(200, Representations.operationsByType(byType));
        }
        var report = wiring.operations().report(merchant.id(), cycle);
        if (Csv.wanted(request.header("Accept"))) {
            return Csv.response("operations-" + merchant.id() + "-" + cycle + ".csv", Representations.OPERATIONS_CSV_HEADER,
                    Representations.operationsRows(report), Map.of());
        }
        return ApiResponses.json(200, Representations.operations(report));
    }

    private APIGatewayV2HTTPResponse discipline(Merchant merchant, ApiRequest request) {
        Cycle cycle = cycleParameter(request);
        String agent = agentParameter(request);
        var report = wiring.discipline().report(merchant, agent, cycle);
        if (Csv.wanted(request.header("Accept"))) {
            return Csv.response("discipline-" + merchant.id() + "-" + cycle + ".csv", Representations.BREACH_CSV_HEADER,
                    Representations.breachRows(new com.replyguard.breach.BreachPage(report.breaches(), null)),
                    Map.of("X-Discipline-Level", report.standing().level().name(),
                            "X-Discipline-Points", Integer.toString(report.standing().points())));
        }
        return ApiResponses.json(200, Representations.discipline(report));
    }

    /** The {@code cycle} query parameter of every report; absent: the cycle running now. */
    private Cycle cycleParameter(ApiRequest request) {
        String text = request.query("cycle");
        if (text == null) {
            return wiring.kpiCounters().currentCycle();
        }
        Cycle cycle = Cycle.parse(text).orElseThrow(() -> new BadRequest(List.of(Problem.ofBatch("cycle",
                "'" + text + "' is not a cycle; expected YYYY-MM-H1 (days 1-15) or YYYY-MM-H2 (16 to month end)"))));
        if (!plausible(cycle)) {
            throw new BadRequest(List.of(Problem.ofBatch("cycle", "'" + text + "' lies outside the instants this API serves: "
                    + PlausibleTime.range())));
        }
        return cycle;
    }

    /** A cycle wholly inside the instants this API serves. */
    private static boolean plausible(Cycle cycle) {
        return PlausibleTime.contains(cycle.from().toInstant()) && !cycle.to().toInstant().isAfter(PlausibleTime.LATEST);
    }

    private static String agentParameter(ApiRequest request) {
        String agent = request.pathParameter("agentId");
        if (agent == null || agent.isEmpty() || agent.length() > 128) {
            throw new BadRequest(List.of(Problem.ofBatch("agentId", "must be 1-128 characters")));
        }
        return agent;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper POLICY_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A parameter problem, answered 400 with the contract's error shape. */
    private static final class BadRequest extends RuntimeException {
        private final List<Problem> problems;

        BadRequest(List<Problem> problems) {
            super("bad request");
            this.problems = problems;
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
        ApiResponses.json(200, Representations.kpis(view, "agent"));
        wiring.breaches().list(priming, null, null, 10, null);
    }
}
