package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.MessageTexts;
import com.replyguard.testing.InMemoryAgentRegistry;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.Managers;
import com.replyguard.testing.MutableClock;
import com.replyguard.usecase.ClassifyCase;
import com.replyguard.usecase.ExcuseBreach;
import com.replyguard.usecase.FindAgent;
import com.replyguard.usecase.FoldKpiCounters;
import com.replyguard.usecase.ForgetCustomer;
import com.replyguard.usecase.IngestEventBatch;
import com.replyguard.usecase.ListAfterSalesCases;
import com.replyguard.usecase.ListBreaches;
import com.replyguard.usecase.ListHeldConversations;
import com.replyguard.usecase.ListQueue;
import com.replyguard.usecase.ReportAfterSales;
import com.replyguard.usecase.ReportAgentDiscipline;
import com.replyguard.usecase.ReportAgentScorecard;
import com.replyguard.usecase.ReportKpiCounters;
import com.replyguard.usecase.ReportLeaderboard;
import com.replyguard.usecase.ReportOperations;
import com.replyguard.usecase.ReportOperationsByType;
import com.replyguard.usecase.ReportQuality;
import com.replyguard.usecase.ShowConversation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manager API λ: authentication, tenant sealing, parameter errors and the contract's shapes. */
class ManagerApiHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ManagerApiHandler handler;
    private ExcuseBreach excuses;
    private TestAlerting alerting;
    private Runnable fold;
    private IngestEventBatch webhook;
    private MutableClock now;
    private InMemoryAgentRegistry agents;

    @BeforeEach
    void setUp() {
        MutableClock clock = new MutableClock(at("2026-10-04T09:00:00"));
        InMemoryConversationStore conversations = new InMemoryConversationStore();
        InMemoryBreachStore breaches = new InMemoryBreachStore();
        now = clock;
        agents = new InMemoryAgentRegistry();
        // an agent of the lead's team the merchant knows, who has not answered anyone this cycle
        agents.record(DEMO, List.of("presales-li"));
        webhook = new IngestEventBatch(conversations, breaches, MessageTexts.NONE, agents, clock);
        webhook.ingest(DEMO_MERCHANT, List.of(
                raw("eventId", "e1", "type", "customer.message", "conversationId", "c1", "channel", "CS_CHAT",
                        "occurredAt", "2026-10-03T10:00:00+08:00", "customerId", "buyer-1"),
                raw("eventId", "e2", "type", "agent.message", "conversationId", "c1",
                        "occurredAt", "2026-10-03T10:01:30+08:00", "agentId", "presales-zhang"),
                raw("eventId", "e3", "type", "conversation.rated", "conversationId", "c1",
                        "occurredAt", "2026-10-03T10:05:00+08:00", "rating", 5)));
        // the KPI λ's fold, as it runs every second in AWS
        InMemoryKpiStore kpiStore = new InMemoryKpiStore();
        clock.advance(Duration.ofSeconds(2));
        new FoldKpiCounters(conversations, kpiStore, clock).pass();
        Map<String, Manager> tokens = Map.of("demo-manager-token", Managers.supervisor(DEMO),
                "other-manager-token", Managers.supervisor(new MerchantId("other")),
                "lead-token", new Manager(DEMO, Manager.Role.TEAM_LEAD, Set.of("presales-zhang")),
                "ops-token", new Manager(DEMO, Manager.Role.OPERATIONS, Set.of()));
        handler = new ManagerApiHandler(new ManagerApiWiring(t -> Optional.ofNullable(tokens.get(t)),
                id -> id.equals(DEMO) ? Optional.of(DEMO_MERCHANT) : Optional.empty(),
                new ReportKpiCounters(kpiStore, clock), new ListBreaches(breaches),
                new ShowConversation(conversations, clock), (id, policy) -> {
                    throw new IllegalStateException("not in this test");
                }, excuses = new ExcuseBreach(breaches, conversations, clock),
                new ReportAgentDiscipline(breaches),
                new ReportOperations(conversations, clock),
                new ReportAgentScorecard(conversations,
                        new ReportAgentDiscipline(breaches)),
                new ReportLeaderboard(conversations, new ReportAgentDiscipline(breaches)),
                new ReportAfterSales(kpiStore),
                new ClassifyCase(conversations,
                        new IngestEventBatch(conversations, breaches, clock), clock),
                new ReportOperationsByType(kpiStore, clock),
                new ForgetCustomer(conversations),
                (alerting = new TestAlerting(conversations, clock)).alerting, clock,
                new ListQueue(conversations, clock), new FindAgent(agents, kpiStore),
                new ListAfterSalesCases(conversations), new ReportQuality(kpiStore, clock),
                new ListHeldConversations(conversations, clock)));
        this.fold = () -> {
            clock.advance(Duration.ofSeconds(2));
            new FoldKpiCounters(conversations, kpiStore, clock).pass();
        };
    }

    private static APIGatewayV2HTTPEvent get(String route, String merchant, String token, Map<String, String> query,
            Map<String, String> extraPath) {
        return get(route, merchant, token, query, extraPath, Map.of());
    }

    private static APIGatewayV2HTTPEvent get(String route, String merchant, String token, Map<String, String> query,
            Map<String, String> extraPath, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        Map<String, String> path = new HashMap<>(extraPath);
        path.put("merchantId", merchant);
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET " + route).withHeaders(headers)
                .withQueryStringParameters(query).withPathParameters(path).build();
    }

    private APIGatewayV2HTTPResponse kpis(String merchant, String token, String cycle) {
        return handler.handleRequest(get("/merchants/{merchantId}/kpis", merchant, token,
                cycle == null ? null : Map.of("cycle", cycle), Map.of()), null);
    }

    @Test
    void kpis_shouldAnswerTheContractShape() throws IOException {
        APIGatewayV2HTTPResponse r = kpis("demo", "demo-manager-token", "2026-10-H1");
        assertEquals(200, r.getStatusCode(), r.getBody());
        JsonNode b = JSON.readTree(r.getBody());
        assertEquals("demo", b.path("merchantId").asText());
        assertEquals("2026-10-H1", b.path("cycle").asText());
        assertEquals("2026-10-01T00:00:00+08:00", b.path("from").asText());
        assertEquals("2026-10-16T00:00:00+08:00", b.path("to").asText());
        assertEquals(1, b.path("firstReply2Min").path("met").asInt());
        assertEquals(1, b.path("firstReply2Min").path("total").asInt());
        assertEquals(1.0, b.path("firstReply2Min").path("rate").asDouble());
        assertEquals(0.85, b.path("firstReply2Min").path("target").asDouble());
        assertTrue(b.path("firstReply2Min").path("passing").asBoolean());
        assertEquals(0.8, b.path("satisfaction").path("target").asDouble());
        JsonNode empty = JSON.readTree(kpis("demo", "demo-manager-token", "2026-09-H2").getBody());
        assertTrue(empty.path("reply3Min").path("rate").isNull());
        assertTrue(empty.path("reply3Min").path("passing").isNull());
        assertEquals(0, empty.path("reply3Min").path("total").asInt());
    }

    @Test
    void kpis_groupBy_shouldSplitTheFiguresByAgentChannelOrCategory_andRefuseOtherGroupings() throws IOException {
        JsonNode b = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/kpis", "demo", "demo-manager-token",
                Map.of("cycle", "2026-10-H1", "groupBy", "agent"), Map.of()), null).getBody());
        assertEquals("agent", b.path("groupBy").asText());
        assertEquals(1, b.path("groups").size());
        assertEquals("presales-zhang", b.path("groups").get(0).path("key").asText());
        assertEquals(1, b.path("groups").get(0).path("firstReply2Min").path("met").asInt());
        assertEquals(1, b.path("groups").get(0).path("satisfaction").path("total").asInt());
        assertEquals(false, b.path("final").asBoolean());
        assertTrue(b.path("countedThrough").isTextual(), b.toString());
        JsonNode byChannel = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/kpis", "demo",
                "demo-manager-token", Map.of("cycle", "2026-10-H1", "groupBy", "channel"), Map.of()), null).getBody());
        assertEquals("CS_CHAT", byChannel.path("groups").get(0).path("key").asText());
        APIGatewayV2HTTPResponse csv = handler.handleRequest(get("/merchants/{merchantId}/kpis", "demo", "demo-manager-token",
                Map.of("cycle", "2026-10-H1", "groupBy", "category"), Map.of(), Map.of("accept", "text/csv")), null);
        assertTrue(csv.getBody().contains("\r\ndemo,2026-10-H1,category:-,firstReply2Min,1,1,"), csv.getBody());
        APIGatewayV2HTTPResponse bad = handler.handleRequest(get("/merchants/{merchantId}/kpis", "demo", "demo-manager-token",
                Map.of("groupBy", "customer"), Map.of()), null);
        assertEquals(400, bad.getStatusCode());
        assertTrue(bad.getBody().contains("groupBy") && bad.getBody().contains("agent, channel, category"), bad.getBody());
    }

    private APIGatewayV2HTTPResponse putCategory(String merchant, String token, String conversation, String body) {
        APIGatewayV2HTTPEvent e = get("/merchants/{merchantId}/conversations/{conversationId}/category", merchant, token, null,
                Map.of("conversationId", conversation));
        e.setRouteKey("PUT /merchants/{merchantId}/conversations/{conversationId}/category");
        e.setBody(body);
        return handler.handleRequest(e, null);
    }

    @Test
    void afterSales_shouldFollowAManagersClassification_asJsonAndCsv() throws IOException {
        JsonNode before = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/aftersales", "demo",
                "demo-manager-token", Map.of("cycle", "2026-10-H1"), Map.of()), null).getBody());
        assertEquals(1, before.path("conversations").asInt());
        assertEquals(0, before.path("cases").asInt());
        APIGatewayV2HTTPResponse ok = putCategory("demo", "demo-manager-token", "c1", "{\"category\":\"LOGISTICS_LATE\"}");
        assertEquals(200, ok.getStatusCode(), ok.getBody());
        fold.run();
        JsonNode after = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/aftersales", "demo",
                "demo-manager-token", Map.of("cycle", "2026-10-H1"), Map.of()), null).getBody());
        assertEquals(1, after.path("cases").asInt());
        assertEquals(0, after.path("suggestedCases").asInt());
        assertEquals("LOGISTICS", after.path("categories").get(0).path("category").asText());
        assertEquals("LOGISTICS_LATE", after.path("categories").get(0).path("subtypes").get(0).path("subtype").asText());
        assertEquals(1000.0, after.path("incidencePerThousand").asDouble(), 1e-9);
        assertTrue(after.path("returns").path("averageWaitHours").isNull(), "no return case");
        assertEquals("2026-09-H2", after.path("previousCycle").asText());
        APIGatewayV2HTTPResponse csv = handler.handleRequest(get("/merchants/{merchantId}/aftersales", "demo",
                "demo-manager-token", Map.of("cycle", "2026-10-H1"), Map.of(), Map.of("accept", "text/csv")), null);
        assertTrue(csv.getBody().startsWith("\uFEFFmerchantId,cycle,category,subtype,cases"), csv.getBody());
        assertTrue(csv.getBody().contains("\r\ndemo,2026-10-H1,LOGISTICS,LOGISTICS_LATE,1,0,1000.0,"), csv.getBody());

        APIGatewayV2HTTPResponse bad = putCategory("demo", "demo-manager-token", "c1", "{\"category\":\"LATE\"}");
        assertEquals(400, bad.getStatusCode());
        assertTrue(bad.getBody().contains("LOGISTICS_LATE") && bad.getBody().contains("'LATE'"), bad.getBody());
        assertEquals(404, putCategory("demo", "demo-manager-token", "nope", "{\"category\":\"LOGISTICS_LATE\"}").getStatusCode());
        assertEquals(403, putCategory("demo", "other-manager-token", "c1", "{\"category\":\"LOGISTICS_LATE\"}").getStatusCode());
    }

    @Test
    void operations_groupBy_shouldAnswerTimeoutRatesPerQuestionType_andRefuseOtherGroupings() throws IOException {
        JsonNode b = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/operations", "demo",
                "demo-manager-token", Map.of("cycle", "2026-10-H1", "groupBy", "channelCategory"), Map.of()), null).getBody());
        assertEquals("CS_CHAT/-", b.path("groups").get(0).path("key").asText(), b.toString());
        // c1: first reply after 90 s against the 60 s chat target: one clock, one timeout
        assertEquals(90.0, b.path("all").path("averageFirstResponseSeconds").asDouble());
        assertEquals(1, b.path("all").path("byClock").path("FIRST_REPLY").path("timeouts").asInt());
        assertEquals(1.0, b.path("all").path("timeoutRate").asDouble());
        APIGatewayV2HTTPResponse csv = handler.handleRequest(get("/merchants/{merchantId}/operations", "demo",
                "demo-manager-token", Map.of("cycle", "2026-10-H1", "groupBy", "channel"), Map.of(), Map.of("accept", "text/csv")), null);
        assertTrue(csv.getBody().contains("\r\ndemo,2026-10-H1,channel,CS_CHAT,FIRST_REPLY,,,,,,1,1,1.0"), csv.getBody());
        APIGatewayV2HTTPResponse bad = handler.handleRequest(get("/merchants/{merchantId}/operations", "demo",
                "demo-manager-token", Map.of("groupBy", "customer"), Map.of()), null);
        assertEquals(400, bad.getStatusCode());
        assertTrue(bad.getBody().contains("channel, category, channelCategory, agent"), bad.getBody());
    }

    @Test
    void kpis_shouldCarryTheCycleForecast_besideTheContractFields() throws IOException {
        JsonNode b = JSON.readTree(kpis("demo", "demo-manager-token", "2026-10-H1").getBody());
        JsonNode f = b.path("forecast").path("firstReply2Min");
        // 1 met of 1 at 85%: floor(1 / 0.85 - 1) = 0 more misses from now; on 4 Oct the H1 cycle is still running
        assertEquals(0, f.path("headroomNow").asInt());
        assertTrue(!f.path("cycleOver").asBoolean());
        assertEquals(0, f.path("metInARowToRecover").asInt());
        assertTrue(f.has("expectedRemainingUnits") && f.has("missesAllowedForRestOfCycle") && f.has("projectedRate"));
        assertEquals(5, b.path("firstReply2Min").size(), "the contract's metric objects are unchanged");
        assertEquals("passing", b.path("verdict").asText(), "1 of 1 on every counted metric, the cycle running");
    }

    @Test
    void reports_shouldExportAsCsv_forExcel_withChineseIntact() throws IOException {
        APIGatewayV2HTTPResponse k = handler.handleRequest(get("/merchants/{merchantId}/kpis", "demo", "demo-manager-token",
                Map.of("cycle", "2026-10-H1"), Map.of(), Map.of("accept", "text/csv")), null);
        assertEquals(200, k.getStatusCode());
        assertTrue(k.getHeaders().get("Content-Type").startsWith("text/csv"));
        assertTrue(k.getBody().startsWith("\uFEFFmerchantId,cycle,metric,met,total,rate,target,passing"), k.getBody());
        assertTrue(k.getBody().contains("\r\ndemo,2026-10-H1,firstReply2Min,1,1,1.0,0.85,true,0,0,"), k.getBody());
        assertEquals(4, k.getBody().split("\r\n").length);

        String breachId = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/breaches", "demo",
                "demo-manager-token", null, Map.of()), null).getBody()).path("breaches").get(0).path("breachId").asText();
        excuses.excuse(Managers.supervisor(DEMO), DEMO_MERCHANT, breachId, "系统故障, 客服工具\"卡死\"", "lead-sun");
        APIGatewayV2HTTPResponse b = handler.handleRequest(get("/merchants/{merchantId}/breaches", "demo", "demo-manager-token",
                Map.of("limit", "1"), Map.of(), Map.of("accept", "text/csv")), null);
        assertTrue(b.getBody().contains(",\"系统故障, 客服工具\"\"卡死\"\"\"\r\n"), b.getBody());
        assertTrue(b.getHeaders().get("Content-Disposition").contains("breaches-demo.csv"));
    }

    @Test
    void operations_shouldReportResponseTimesPerChannel() throws IOException {
        JsonNode o = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/operations", "demo", "demo-manager-token",
                Map.of("cycle", "2026-10-H1"), Map.of()), null).getBody());
        assertEquals(1, o.path("all").path("conversations").asInt());
        assertEquals(90.0, o.path("byChannel").path("CS_CHAT").path("averageFirstResponseSeconds").asDouble());
        assertEquals(90.0, o.path("all").path("averageRoundReplySeconds").asDouble());
        assertEquals(1.0, o.path("all").path("replyRate").asDouble());
        APIGatewayV2HTTPResponse csv = handler.handleRequest(get("/merchants/{merchantId}/operations", "demo",
                "demo-manager-token", Map.of("cycle", "2026-10-H1"), Map.of(), Map.of("accept", "text/csv")), null);
        assertTrue(csv.getBody().contains("\r\ndemo,2026-10-H1,CS_CHAT,1,90.0,90.0,1,1.0,"), csv.getBody());
    }

    @Test
    void scorecard_shouldCombineAnAgentsTimesRatingsAndDiscipline() throws IOException {
        JsonNode c = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/agents/{agentId}/scorecard", "demo",
                "demo-manager-token", Map.of("cycle", "2026-10-H1"), Map.of("agentId", "presales-zhang")), null).getBody());
        assertEquals(1, c.path("firstResponses").asInt());
        assertEquals(90.0, c.path("averageFirstResponseSeconds").asDouble());
        assertEquals(1, c.path("rated").asInt());
        assertEquals(1.0, c.path("satisfaction").asDouble());
        assertEquals(1, c.path("discipline").path("timeouts").asInt(), "the 90 s first reply broke the 60 s promise");
        assertEquals("WARNING", c.path("discipline").path("level").asText());
    }

    @Test
    void leaderboard_shouldAnswerTheMonth_andRefuseAMalformedOne() throws IOException {
        JsonNode b = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/leaderboard", "demo", "demo-manager-token",
                Map.of("month", "2026-10"), Map.of()), null).getBody());
        assertEquals("2026-10", b.path("month").asText());
        assertTrue(b.path("award").isNull(), "one first response is too few to rank");
        assertEquals("presales-zhang", b.path("tooFewResponses").get(0).asText());
        assertEquals(400, handler.handleRequest(get("/merchants/{merchantId}/leaderboard", "demo", "demo-manager-token",
                Map.of("month", "October"), Map.of()), null).getStatusCode());
    }

    @Test
    void everyRoute_shouldRefuseMissingUnknownAndForeignTokens() {
        List<String[]> routes = List.of(new String[] {"/merchants/{merchantId}/kpis", null},
                new String[] {"/merchants/{merchantId}/breaches", null},
                new String[] {"/merchants/{merchantId}/conversations/{conversationId}", "c1"});
        for (String[] route : routes) {
            Map<String, String> extra = route[1] == null ? Map.of() : Map.of("conversationId", route[1]);
            assertEquals(401, handler.handleRequest(get(route[0], "demo", null, null, extra), null).getStatusCode(), route[0]);
            assertEquals(401, handler.handleRequest(get(route[0], "demo", "guess", null, extra), null).getStatusCode(), route[0]);
            assertEquals(403, handler.handleRequest(get(route[0], "demo", "other-manager-token", null, extra), null)
                    .getStatusCode(), route[0]);
            assertEquals(200, handler.handleRequest(get(route[0], "demo", "demo-manager-token", null, extra), null)
                    .getStatusCode(), route[0]);
        }
    }

    /** A request on any route, with the path parameters every route needs. */
    private APIGatewayV2HTTPResponse call(String routeKey, String token, String agent, Map<String, String> claims) {
        Map<String, String> headers = new HashMap<>();
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        APIGatewayV2HTTPEvent e = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withHeaders(headers)
                .withPathParameters(Map.of("merchantId", "demo", "conversationId", "c1", "agentId", agent,
                        "breachId", "b_unknown"))
                .withBody(routeKey.contains("policy") ? "{}" : routeKey.contains("category") ? "{\"category\":\"LOGISTICS_LATE\"}"
                        : "{\"reason\":\"customer left\"}").build();
        if (claims != null) {
            var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build();
            e.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build()).build());
        }
        return handler.handleRequest(e, null);
    }

    @Test
    void everyRouteOfTheFunction_refusesForeignMerchants_andOutOfRoleRequests() {
        assertEquals(24, ManagerApiHandler.ROUTES.size(), "every route is checked below: " + ManagerApiHandler.ROUTES);
        Set<String> supervisorsOnly = Set.of("PUT /merchants/{merchantId}/policy",
                "PUT /merchants/{merchantId}/notifications", "POST /merchants/{merchantId}/notifications/test");
        for (String route : ManagerApiHandler.ROUTES) {
            boolean reads = route.startsWith("GET ");
            assertEquals(401, call(route, null, "presales-zhang", null).getStatusCode(), route);
            assertEquals(403, call(route, "other-manager-token", "presales-zhang", null).getStatusCode(), route + ": another merchant");
            int supervisor = call(route, "demo-manager-token", "presales-zhang", null).getStatusCode();
            assertTrue(supervisor != 401 && supervisor != 403, route + ": a supervisor may, got " + supervisor);
            int ops = call(route, "ops-token", "presales-zhang", null).getStatusCode();
            assertEquals(reads, ops != 403, route + ": operations reads only, got " + ops);
            int lead = call(route, "lead-token", "presales-zhang", null).getStatusCode();
            assertEquals(supervisorsOnly.contains(route) || route.startsWith("DELETE "), lead == 403,
                    route + ": team lead, own agent, got " + lead);
            if (route.contains("{agentId}")) {
                assertEquals(403, call(route, "lead-token", "presales-chen", null).getStatusCode(), route + ": not the lead's agent");
            }
            // the same through the JWT authorizer's verified claims (AWS)
            Map<String, String> opsClaims = Map.of("custom:merchant", "demo", "custom:role", "OPERATIONS");
            assertEquals(reads, call(route, "a.jwt.token", "presales-zhang", opsClaims).getStatusCode() != 403, route + " (JWT)");
            assertEquals(403, call(route, "a.jwt.token", "presales-zhang", Map.of("custom:merchant", "other",
                    "custom:role", "SUPERVISOR")).getStatusCode(), route + ": JWT of another merchant");
            assertEquals(401, call(route, "a.jwt.token", "presales-zhang", Map.of("custom:merchant", "demo",
                    "custom:role", "OWNER")).getStatusCode(), route + ": unknown role");
        }
        Map<String, String> leadClaims = Map.of("custom:merchant", "demo", "custom:role", "TEAM_LEAD",
                "custom:team", "presales-zhang, presales-li");
        assertEquals(200, call("GET /merchants/{merchantId}/agents/{agentId}/scorecard", "a.jwt.token", "presales-li",
                leadClaims).getStatusCode());
        assertEquals(403, call("GET /merchants/{merchantId}/agents/{agentId}/scorecard", "a.jwt.token", "presales-chen",
                leadClaims).getStatusCode());
    }

    @Test
    void aCustomersDataDeletion_unlinksTheirConversations_andKeepsTheCounts() throws IOException {
        JsonNode before = JSON.readTree(kpis("demo", "demo-manager-token", "2026-10-H1").getBody());
        JsonNode timeline = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/conversations/{conversationId}",
                "demo", "demo-manager-token", null, Map.of("conversationId", "c1")), null).getBody());
        String hash = timeline.path("timeline").get(0).path("customer").asText();
        assertTrue(hash.matches("c_[0-9a-f]{32}"), timeline.toString());
        APIGatewayV2HTTPEvent byRawId = APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                .withRouteKey("DELETE /merchants/{merchantId}/customers/{customer}")
                .withHeaders(Map.of("authorization", "Bearer demo-manager-token"))
                .withPathParameters(Map.of("merchantId", "demo", "customer", "buyer-1"))
                .withQueryStringParameters(Map.of("idType", "platform")).build();
        JsonNode answer = JSON.readTree(handler.handleRequest(byRawId, null).getBody());
        assertEquals(hash, answer.path("customer").asText(), "the raw id is hashed with the merchant's key");
        assertEquals(1, answer.path("conversationsUnlinked").asInt());
        JsonNode after = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/conversations/{conversationId}",
                "demo", "demo-manager-token", null, Map.of("conversationId", "c1")), null).getBody());
        assertTrue(after.toString().indexOf(hash) < 0, "no trace of the customer: " + after);
        assertEquals(timeline.path("timeline").size(), after.path("timeline").size(), "the events stay, anonymous");
        JsonNode kpisAfter = JSON.readTree(kpis("demo", "demo-manager-token", "2026-10-H1").getBody());
        assertEquals(before.path("firstReply2Min"), kpisAfter.path("firstReply2Min"), "the counts stay");
        assertEquals(0, JSON.readTree(handler.handleRequest(byRawId, null).getBody()).path("conversationsUnlinked").asInt(),
                "repeating the request changes nothing");
        APIGatewayV2HTTPEvent bad = APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                .withRouteKey("DELETE /merchants/{merchantId}/customers/{customer}")
                .withHeaders(Map.of("authorization", "Bearer demo-manager-token"))
                .withPathParameters(Map.of("merchantId", "demo", "customer", "buyer-1")).build();
        APIGatewayV2HTTPResponse refused = handler.handleRequest(bad, null);
        assertEquals(400, refused.getStatusCode());
        assertTrue(refused.getBody().contains("idType=platform"), refused.getBody());
    }

    @Test
    void theQueue_listsEveryClockStillWaitedOn_asJsonOrCsv_andNamesEveryBadParameter() throws IOException {
        webhook.ingest(DEMO_MERCHANT, List.of(raw("eventId", "q1", "type", "customer.message", "conversationId", "live-9",
                "channel", "LIVE_COMMENT", "occurredAt", "2026-10-04T08:59:50+08:00", "customerId", "viewer-9")));
        JsonNode answer = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/queue", "demo", "ops-token", null,
                Map.of()), null).getBody());
        assertEquals("demo", answer.path("merchantId").asText());
        assertEquals(1, answer.path("queue").size(), answer.toString());
        JsonNode row = answer.path("queue").get(0);
        assertEquals("{\"conversationId\":\"live-9\",\"channel\":\"LIVE_COMMENT\",\"clock\":\"FIRST_REPLY\",\"clockKey\":\"FIRST_REPLY\","
                + "\"urgent\":false,\"start\":\"2026-10-04T08:59:50+08:00\",\"deadline\":\"2026-10-04T09:00:20+08:00\","
                + "\"warnAt\":\"2026-10-04T09:00:14+08:00\",\"responsibleAgentId\":null,\"team\":null,\"status\":\"RUNNING\"}",
                row.toString());
        assertTrue(answer.has("nextToken") && answer.path("nextToken").isNull());
        now.advance(Duration.ofSeconds(30));
        assertEquals("BREACHED", JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/queue", "demo", "ops-token", null,
                Map.of()), null).getBody()).path("queue").get(0).path("status").asText(), "the status is the one at the request");
        APIGatewayV2HTTPResponse csv = handler.handleRequest(get("/merchants/{merchantId}/queue", "demo", "demo-manager-token",
                Map.of("channel", "LIVE_COMMENT"), Map.of(), Map.of("accept", "text/csv")), null);
        assertTrue(csv.getBody().startsWith("\uFEFFconversationId,channel,clock,clockKey,urgent,start,deadline,warnAt,"
                + "responsibleAgentId,team,status"), csv.getBody());
        assertTrue(csv.getBody().contains("live-9,LIVE_COMMENT,FIRST_REPLY"), csv.getBody());
        APIGatewayV2HTTPResponse bad = handler.handleRequest(get("/merchants/{merchantId}/queue", "demo", "demo-manager-token",
                Map.of("channel", "TELEGRAM", "clock", "LUNCH", "limit", "0", "nextToken", "x"), Map.of()), null);
        assertEquals(400, bad.getStatusCode());
        JsonNode details = JSON.readTree(bad.getBody()).path("details");
        assertEquals(3, details.size(), bad.getBody());
        assertEquals("channel", details.get(0).path("field").asText());
        assertTrue(details.get(0).path("message").asText().contains("LIVE_COMMENT"), "names the allowed values");
        assertEquals("clock", details.get(1).path("field").asText());
        assertEquals("limit", details.get(2).path("field").asText());
        APIGatewayV2HTTPResponse token = handler.handleRequest(get("/merchants/{merchantId}/queue", "demo", "demo-manager-token",
                Map.of("nextToken", "bm90LW91cnM"), Map.of()), null);
        assertEquals(400, token.getStatusCode());
        assertEquals("nextToken", JSON.readTree(token.getBody()).path("details").get(0).path("field").asText());
    }

    @Test
    void me_tellsTheConsoleWhoTheCallerIs_roleTeamAndWhetherTheyMayAct() throws IOException {
        JsonNode lead = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/me", "demo", "lead-token", null, Map.of()),
                null).getBody());
        assertEquals("demo", lead.path("merchantId").asText());
        assertEquals("TEAM_LEAD", lead.path("role").asText());
        assertEquals("[\"presales-zhang\"]", lead.path("team").toString());
        assertTrue(lead.path("mayChange").asBoolean());
        JsonNode ops = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/me", "demo", "ops-token", null, Map.of()),
                null).getBody());
        assertEquals("OPERATIONS", ops.path("role").asText());
        assertFalse(ops.path("mayChange").asBoolean(), "operations is read-only: the console shows no action");
        assertEquals(403, handler.handleRequest(get("/merchants/{merchantId}/me", "demo", "other-manager-token", null, Map.of()),
                null).getStatusCode(), "a token of another merchant learns nothing about this one");
    }

    @Test
    void theTokenTrigger_copiesMerchantRoleAndTeamIntoTheAccessToken_andOnlyWhatTheUserHas() {
        Map<String, Object> event = new HashMap<>(Map.of("version", "2", "triggerSource", "TokenGeneration_HostedAuth",
                "request", Map.of("userAttributes", Map.of("sub", "u-1", "email", "lead@shop.example",
                        "custom:merchant", "demo", "custom:role", "TEAM_LEAD", "custom:team", "presales-zhang,presales-li")),
                "response", new HashMap<>(Map.of("claimsAndScopeOverrideDetails", Map.of()))));
        Map<String, Object> answer = new AccessTokenClaims().handleRequest(event, null);
        Object claims = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) answer.get("response")).get("claimsAndScopeOverrideDetails"))
                .get("accessTokenGeneration")).get("claimsToAddOrOverride");
        assertEquals(Map.of("custom:merchant", "demo", "custom:role", "TEAM_LEAD", "custom:team", "presales-zhang,presales-li"), claims,
                "no e-mail or other attribute leaks into the access token");
        assertEquals("TokenGeneration_HostedAuth", answer.get("triggerSource"), "the event comes back with the response filled");
        Map<String, Object> bare = new HashMap<>(Map.of("request", Map.of("userAttributes", Map.of("sub", "u-2")),
                "response", new HashMap<>()));
        Object none = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) new AccessTokenClaims().handleRequest(bare, null).get("response"))
                .get("claimsAndScopeOverrideDetails")).get("accessTokenGeneration")).get("claimsToAddOrOverride");
        assertEquals(Map.of(), none, "a user without a merchant gets no claims (the API then answers 401)");
    }

    @Test
    void aTeamLead_excusesOnlyTheirTeamsBreaches() throws IOException {
        JsonNode breach = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/breaches", "demo",
                "demo-manager-token", null, Map.of()), null).getBody()).path("breaches").get(0);
        assertEquals("presales-zhang", breach.path("responsibleAgentId").asText());
        APIGatewayV2HTTPEvent e = APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                .withRouteKey("POST /merchants/{merchantId}/breaches/{breachId}/excuse")
                .withHeaders(Map.of("authorization", "Bearer lead-token"))
                .withPathParameters(Map.of("merchantId", "demo", "breachId", breach.path("breachId").asText()))
                .withBody("{\"reason\":\"system outage\"}").build();
        Map<String, String> otherLead = Map.of("custom:merchant", "demo", "custom:role", "TEAM_LEAD", "custom:team", "presales-chen");
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(otherLead).build();
        APIGatewayV2HTTPEvent foreignLead = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(e.getRouteKey())
                .withHeaders(Map.of("authorization", "Bearer x.y.z")).withPathParameters(e.getPathParameters()).withBody(e.getBody())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build()).build())
                .build();
        assertEquals(403, handler.handleRequest(foreignLead, null).getStatusCode(), "another team's lead");
        assertEquals(200, handler.handleRequest(e, null).getStatusCode(), "the agent's own team lead");
    }

    @Test
    void malformedParameters_shouldBe400_namingTheParameter() throws IOException {
        for (String cycle : List.of("2026-10", "2026-13-H1", "2026-10-H3", "latest", "1969-12-H2", "0000-01-H1", "2100-01-H1")) {
            APIGatewayV2HTTPResponse r = kpis("demo", "demo-manager-token", cycle);
            assertEquals(400, r.getStatusCode(), cycle);
            assertEquals("cycle", JSON.readTree(r.getBody()).path("details").get(0).path("field").asText());
        }
        Map<String, String> bad = Map.of("from", "yesterday", "limit", "5000");
        APIGatewayV2HTTPResponse r = handler.handleRequest(get("/merchants/{merchantId}/breaches", "demo",
                "demo-manager-token", bad, Map.of()), null);
        assertEquals(400, r.getStatusCode());
        JsonNode details = JSON.readTree(r.getBody()).path("details");
        assertEquals("from", details.get(0).path("field").asText());
        assertEquals("limit", details.get(1).path("field").asText());
        APIGatewayV2HTTPResponse token = handler.handleRequest(get("/merchants/{merchantId}/breaches", "demo",
                "demo-manager-token", Map.of("nextToken", "@@@"), Map.of()), null);
        assertEquals(400, token.getStatusCode());
        // instants outside the plausible range (2000 up to 2100) are refused with the range, as on the webhooks
        for (String instant : List.of("-999999999-01-01T00:00:00Z", "1969-12-31T00:00:00Z", "+999999999-12-31T00:00:00Z")) {
            APIGatewayV2HTTPResponse far = handler.handleRequest(get("/merchants/{merchantId}/breaches", "demo",
                    "demo-manager-token", Map.of("to", instant), Map.of()), null);
            assertEquals(400, far.getStatusCode(), instant);
            JsonNode problem = JSON.readTree(far.getBody()).path("details").get(0);
            assertEquals("to", problem.path("field").asText());
            assertTrue(problem.path("message").asText().contains("2000-01-01T00:00:00Z"), problem.toString());
        }
    }

    @Test
    void breachesAndConversation_shouldShowTheLateFirstReply() throws IOException {
        JsonNode breaches = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/breaches", "demo",
                "demo-manager-token", null, Map.of()), null).getBody());
        assertEquals(1, breaches.path("breaches").size());
        JsonNode b = breaches.path("breaches").get(0);
        assertEquals("FIRST_REPLY", b.path("clock").asText());
        assertEquals("c1", b.path("conversationId").asText());
        assertEquals("2026-10-03T10:01:00+08:00", b.path("deadline").asText());
        assertTrue(breaches.path("nextToken").isNull());
        JsonNode conv = JSON.readTree(handler.handleRequest(get("/merchants/{merchantId}/conversations/{conversationId}",
                "demo", "demo-manager-token", null, Map.of("conversationId", "c1")), null).getBody());
        assertEquals(3, conv.path("timeline").size());
        assertEquals("BREACHED", conv.path("clocks").get(0).path("outcome").asText());
        assertEquals(b.path("breachId").asText(), conv.path("clocks").get(0).path("breachId").asText());
        assertTrue(conv.path("platformUnits").path("2026-10-H1").path("firstReplyMet").asInt() == 1,
                "90 s is late for the 60 s clock but within the platform's 2 minutes");
        assertEquals(404, handler.handleRequest(get("/merchants/{merchantId}/conversations/{conversationId}",
                "demo", "demo-manager-token", null, Map.of("conversationId", "nope")), null).getStatusCode());
    }

    private JsonNode json(APIGatewayV2HTTPResponse r) throws IOException {
        assertEquals(200, r.getStatusCode(), r.getBody());
        return JSON.readTree(r.getBody());
    }

    private APIGatewayV2HTTPResponse read(String route, String token, Map<String, String> query) {
        return handler.handleRequest(get(route, "demo", token, query, Map.of()), null);
    }

    private APIGatewayV2HTTPResponse readCsv(String route, Map<String, String> query) {
        return handler.handleRequest(get(route, "demo", "demo-manager-token", query, Map.of(), Map.of("accept", "text/csv")), null);
    }

    /** A chat that became a case of {@code subtype} (a manager's classification), answered after 30 s and resolved at {@code resolved}. */
    private static List<RawEvent> returnCase(String c, String start, String subtype, String resolved) {
        return List.of(raw("eventId", c + "-m", "type", "customer.message", "conversationId", c, "channel", "CS_CHAT",
                        "occurredAt", start + "+08:00", "customerId", "buyer-" + c),
                raw("eventId", c + "-a", "type", "agent.message", "conversationId", c, "agentId", "aftersales-wang",
                        "occurredAt", at(start).plusSeconds(30).toString()),
                raw("eventId", c + "-k", "type", "conversation.classified", "conversationId", c, "category", subtype,
                        "occurredAt", at(start).plusSeconds(60).toString()),
                raw("eventId", c + "-r", "type", "conversation.resolved", "conversationId", c, "agentId", "aftersales-wang",
                        "occurredAt", resolved + "+08:00"));
    }

    /** Two return cases on 2 October: r1 resolved after 2 h and reopened the next morning; r2 resolved after 1 h, rated 5. */
    private void twoReturns() {
        List<RawEvent> events = new ArrayList<>(returnCase("r1", "2026-10-02T10:00:00", "RETURN_NO_REASON", "2026-10-02T12:00:00"));
        events.add(raw("eventId", "r1-o", "type", "conversation.reopened", "conversationId", "r1",
                "occurredAt", "2026-10-03T09:00:00+08:00"));
        events.addAll(returnCase("r2", "2026-10-02T11:00:00", "RETURN_QUALITY", "2026-10-02T12:00:00"));
        events.add(raw("eventId", "r2-s", "type", "conversation.rated", "conversationId", "r2", "rating", 5,
                "occurredAt", "2026-10-02T12:05:00+08:00"));
        webhook.ingest(DEMO_MERCHANT, events);
        fold.run();
    }

    @Test
    void afterSales_givesReopensAndTheResolutionRate_perCategoryAndOverall_withTheCaseListOfEach() throws IOException {
        twoReturns();
        JsonNode r = json(read("/merchants/{merchantId}/aftersales", "demo-manager-token", Map.of("cycle", "2026-10-H1")));
        assertEquals(2, r.path("cases").asInt());
        assertEquals(1, r.path("resolved").asInt(), "r1 is open again");
        assertEquals(0.5, r.path("resolutionRate").asDouble());
        assertEquals(1, r.path("reopened").asInt());
        assertEquals(1, r.path("reopens").asInt());
        assertEquals(0.5, r.path("reopenRate").asDouble(), "one of the two cases resolved once came back");
        assertEquals("/merchants/demo/aftersales/cases?cycle=2026-10-H1", r.path("caseList").asText());
        JsonNode returns = r.path("categories").get(0);
        assertEquals("RETURN", returns.path("category").asText());
        assertEquals(1, returns.path("reopened").asInt());
        assertEquals(0.5, returns.path("reopenRate").asDouble());
        assertEquals(0.5, returns.path("resolutionRate").asDouble());
        assertEquals("/merchants/demo/aftersales/cases?cycle=2026-10-H1&category=RETURN", returns.path("caseList").asText());
        String csv = readCsv("/merchants/{merchantId}/aftersales", Map.of("cycle", "2026-10-H1")).getBody();
        assertTrue(csv.startsWith("\uFEFFmerchantId,cycle,category,subtype,cases,suggested,incidencePerThousand,resolved,"
                + "averageProcessingHours,resolvedWithin12h,resolvedWithin48h,rated,satisfaction,averageRating,previousCycleCases,"
                + "resolutionRate,reopened,reopens,reopenRate\r\n"), "the new columns after the old ones: " + csv);
        assertTrue(csv.contains("\r\ndemo,2026-10-H1,RETURN,RETURN_NO_REASON,1,0,333.3333,0,,0,0,0,,,0,0.0,1,1,1.0\r\n"), csv);
        assertTrue(csv.contains("\r\ndemo,2026-10-H1,RETURN,RETURN_QUALITY,1,0,333.3333,1,1.0,1,1,1,1.0,5.0,0,1.0,0,0,0.0\r\n"), csv);
    }

    @Test
    void theCaseList_showsTheCasesBehindEachFigure_pagedAsJsonOrCsv_andNamesEveryBadParameter() throws IOException {
        twoReturns();
        String route = "/merchants/{merchantId}/aftersales/cases";
        JsonNode all = json(read(route, "demo-manager-token", Map.of("cycle", "2026-10-H1", "category", "RETURN")));
        assertEquals("RETURN", all.path("category").asText());
        JsonNode rows = all.path("cases");
        assertEquals(2, rows.size(), all.toString());
        JsonNode r1 = rows.get(0);
        assertEquals("{\"conversationId\":\"r1\",\"channel\":\"CS_CHAT\",\"cycle\":\"2026-10-H1\",\"category\":\"RETURN\","
                + "\"subtype\":\"RETURN_NO_REASON\",\"suggested\":false,\"suggestionConfidence\":null,\"start\":\"2026-10-02T10:00:00+08:00\","
                + "\"resolvedAt\":null,\"resolved\":false,\"processingHours\":null,\"resolvedWithin12h\":false,\"resolvedWithin48h\":false,"
                + "\"reopened\":true,\"reopens\":1,\"rating\":null,\"agentId\":\"aftersales-wang\"}", r1.toString());
        JsonNode r2 = rows.get(1);
        assertEquals("r2", r2.path("conversationId").asText());
        assertEquals(1.0, r2.path("processingHours").asDouble());
        assertTrue(r2.path("resolved").asBoolean() && r2.path("resolvedWithin12h").asBoolean());
        assertEquals(5, r2.path("rating").asInt());
        // the report's figures are the sums of the rows
        JsonNode report = json(read("/merchants/{merchantId}/aftersales", "demo-manager-token", Map.of("cycle", "2026-10-H1")));
        int resolved = 0;
        int reopens = 0;
        for (JsonNode row : rows) {
            resolved += row.path("resolved").asBoolean() ? 1 : 0;
            reopens += row.path("reopens").asInt();
        }
        assertEquals(report.path("resolved").asInt(), resolved);
        assertEquals(report.path("reopens").asInt(), reopens);
        assertEquals(0, json(read(route, "demo-manager-token", Map.of("cycle", "2026-10-H1", "category", "LOGISTICS")))
                .path("cases").size());
        assertEquals(List.of("r2"), List.of(json(read(route, "demo-manager-token", Map.of("cycle", "2026-10-H1",
                "category", "RETURN_QUALITY"))).path("cases").get(0).path("conversationId").asText()), "a subtype");
        assertEquals(2, json(read(route, "lead-token", Map.of("cycle", "2026-10-H1"))).path("cases").size(),
                "a team lead sees every case, as the report they add up to");

        JsonNode first = json(read(route, "demo-manager-token", Map.of("cycle", "2026-10-H1", "limit", "1")));
        assertEquals("r1", first.path("cases").get(0).path("conversationId").asText());
        String next = first.path("nextToken").asText();
        JsonNode second = json(read(route, "demo-manager-token", Map.of("cycle", "2026-10-H1", "limit", "1", "nextToken", next)));
        assertEquals("r2", second.path("cases").get(0).path("conversationId").asText());
        assertTrue(second.path("nextToken").isNull());
        APIGatewayV2HTTPResponse csv = readCsv(route, Map.of("cycle", "2026-10-H1", "category", "RETURN", "limit", "1", "lang", "zh"));
        assertTrue(csv.getBody().startsWith("\uFEFF会话,渠道,考核周期,类别,子类,系统推断,推断置信度,开始,解决时间,已解决,处理时长（小时）,"), csv.getBody());
        assertTrue(csv.getBody().contains("\r\nr1,客服会话,2026-10-H1,退换货,七天无理由,false,,2026-10-02 10:00:00,,false,,false,false,true,1,,"
                + "aftersales-wang\r\n"), csv.getBody());
        assertTrue(csv.getHeaders().get("X-Next-Token") != null, "the CSV's next page");
        assertTrue(csv.getHeaders().get("Content-Disposition").contains("aftersales-cases-demo-2026-10-H1-RETURN.csv"));

        APIGatewayV2HTTPResponse bad = read(route, "demo-manager-token", Map.of("cycle", "2026-13-H1", "category", "QUALITY",
                "limit", "0"));
        assertEquals(400, bad.getStatusCode());
        JsonNode details = JSON.readTree(bad.getBody()).path("details");
        assertEquals(3, details.size(), bad.getBody());
        assertEquals("cycle", details.get(0).path("field").asText());
        assertEquals("category", details.get(1).path("field").asText());
        assertTrue(details.get(1).path("message").asText().contains("RETURN_NO_REASON")
                && details.get(1).path("message").asText().contains("'QUALITY'"), details.toString());
        assertEquals("limit", details.get(2).path("field").asText());
        APIGatewayV2HTTPResponse token = read(route, "demo-manager-token", Map.of("cycle", "2026-10-H1", "nextToken", "forged"));
        assertEquals(400, token.getStatusCode());
        assertEquals("nextToken", JSON.readTree(token.getBody()).path("details").get(0).path("field").asText());
        APIGatewayV2HTTPResponse otherList = read(route, "demo-manager-token", Map.of("cycle", "2026-10-H1", "category", "LOGISTICS",
                "nextToken", next));
        assertEquals(400, otherList.getStatusCode(), "a token of another list");
    }

    @Test
    void theQualityReview_givesTheMonthsFigures_besideTheFiveBefore_asJsonAndCsv() throws IOException {
        twoReturns();
        JsonNode q = json(read("/merchants/{merchantId}/quality", "ops-token", Map.of("month", "2026-10")));
        assertEquals("2026-10", q.path("month").asText());
        JsonNode f = q.path("figures");
        assertEquals(3, f.path("conversations").asInt(), "c1, r1, r2");
        assertEquals(2, f.path("cases").asInt());
        assertEquals(0.5, f.path("resolutionRate").asDouble());
        assertEquals(2, f.path("rated").asInt());
        assertEquals(1.0, f.path("satisfaction").asDouble(), "two 5-star ratings");
        assertEquals(3, f.path("firstResponses").asInt());
        assertEquals(50.0, f.path("averageFirstResponseSeconds").asDouble(), "(90 + 30 + 30) / 3");
        assertEquals(0.0, f.path("complaintRate").asDouble(), "no service complaint");
        JsonNode trend = q.path("trend");
        assertEquals(5, trend.size());
        assertEquals("2026-05", trend.get(0).path("month").asText());
        assertEquals("2026-09", trend.get(4).path("month").asText());
        assertTrue(trend.get(4).path("resolutionRate").isNull() && trend.get(4).path("complaintRate").isNull(), "nothing counted");
        assertEquals("2026-10", json(read("/merchants/{merchantId}/quality", "demo-manager-token", null)).path("month").asText(),
                "the month running now");
        String csv = readCsv("/merchants/{merchantId}/quality", Map.of("month", "2026-10")).getBody();
        assertTrue(csv.startsWith("\uFEFFmerchantId,month,conversations,cases,resolved,resolutionRate,rated,satisfied,satisfaction,"), csv);
        assertEquals(7, csv.split("\r\n").length, "a header, five months of trend, the month");
        assertTrue(csv.endsWith("\r\ndemo,2026-10,3,2,1,0.5,2,2,1.0,3,50.0,3,50.0,0,0.0\r\n"), csv);
        APIGatewayV2HTTPResponse bad = read("/merchants/{merchantId}/quality", "demo-manager-token", Map.of("month", "2026-13"));
        assertEquals(400, bad.getStatusCode());
        assertEquals("month", JSON.readTree(bad.getBody()).path("details").get(0).path("field").asText());
    }

    @Test
    void heldConversations_areListedOnceHeldLongerThanAsked_andTheTimelineSaysSo() throws IOException {
        webhook.ingest(DEMO_MERCHANT, List.of(raw("eventId", "h1", "type", "agent.message", "conversationId", "h1",
                "agentId", "presales-zhang", "occurredAt", "2026-10-04T07:30:00+08:00")));
        String route = "/merchants/{merchantId}/held-conversations";
        JsonNode held = json(read(route, "ops-token", null));
        assertEquals("PT1H", held.path("olderThan").asText(), "an hour unless asked otherwise");
        assertEquals("[{\"conversationId\":\"h1\",\"since\":\"2026-10-04T07:30:00+08:00\",\"events\":1}]", held.path("held").toString());
        assertEquals(0, json(read(route, "ops-token", Map.of("olderThan", "PT2H"))).path("held").size(), "held 1.5 h only");
        APIGatewayV2HTTPResponse csv = handler.handleRequest(get(route, "demo", "ops-token", Map.of("lang", "zh"), Map.of(),
                Map.of("accept", "text/csv")), null);
        assertEquals(200, csv.getStatusCode(), csv.getBody());
        assertEquals("\uFEFF商户,会话,等待渠道自,事件数\r\ndemo,h1,2026-10-04 07:30:00,1", csv.getBody().strip());
        assertTrue(csv.getHeaders().get("Content-Disposition").contains("held-conversations-demo-over-PT1H.csv"),
                csv.getHeaders().toString());
        APIGatewayV2HTTPResponse bad = read(route, "ops-token", Map.of("olderThan", "1h", "limit", "0"));
        assertEquals(400, bad.getStatusCode());
        JsonNode details = JSON.readTree(bad.getBody()).path("details");
        assertEquals("olderThan", details.get(0).path("field").asText());
        assertTrue(details.get(0).path("message").asText().contains("PT1H"), details.toString());
        assertEquals("limit", details.get(1).path("field").asText());
        APIGatewayV2HTTPResponse negative = read(route, "ops-token", Map.of("olderThan", "-PT1H"));
        assertEquals(400, negative.getStatusCode());
        assertTrue(negative.getBody().contains("must not be negative"), negative.getBody());

        JsonNode timeline = json(handler.handleRequest(get("/merchants/{merchantId}/conversations/{conversationId}", "demo",
                "demo-manager-token", null, Map.of("conversationId", "h1")), null));
        assertTrue(timeline.path("held").asBoolean() && timeline.path("channel").isNull(), timeline.toString());
        assertEquals(0, timeline.path("clocks").size(), "no clock runs while held");
        JsonNode c1 = json(handler.handleRequest(get("/merchants/{merchantId}/conversations/{conversationId}", "demo",
                "demo-manager-token", null, Map.of("conversationId", "c1")), null));
        assertFalse(c1.path("held").asBoolean());
    }

    private APIGatewayV2HTTPResponse agentReport(String report, String agent, String token) {
        return handler.handleRequest(get("/merchants/{merchantId}/agents/{agentId}/" + report, "demo", token,
                Map.of("cycle", "2026-10-H1"), Map.of("agentId", agent)), null);
    }

    @Test
    void anAgentNeverSeen_is404_aMalformedId400_andAKnownAgentAnswersAsBefore() throws IOException {
        for (String report : List.of("discipline", "scorecard")) {
            for (String malformed : List.of(" ", "zhang\u0001", "a".repeat(129))) {
                APIGatewayV2HTTPResponse r = agentReport(report, malformed, "demo-manager-token");
                assertEquals(400, r.getStatusCode(), report + " '" + malformed + "': " + r.getBody());
                assertEquals("agentId", JSON.readTree(r.getBody()).path("details").get(0).path("field").asText());
            }
            APIGatewayV2HTTPResponse unknown = agentReport(report, "presales-nobody", "demo-manager-token");
            assertEquals(404, unknown.getStatusCode(), unknown.getBody());
            assertTrue(JSON.readTree(unknown.getBody()).path("error").asText().contains("'presales-nobody'"), unknown.getBody());
            assertEquals(403, agentReport(report, "presales-nobody", "lead-token").getStatusCode(),
                    "a team lead learns nothing about agents outside their team");
            assertEquals(404, handler.handleRequest(get("/merchants/{merchantId}/agents/{agentId}/" + report, "demo",
                    "demo-manager-token", null, Map.of("agentId", "presales-nobody"), Map.of("accept", "text/csv")), null)
                    .getStatusCode(), "no CSV of nobody either");
        }
        JsonNode d = json(agentReport("discipline", "presales-zhang", "demo-manager-token"));
        assertEquals(1, d.path("timeouts").asInt());
        assertEquals("WARNING", d.path("level").asText());
        JsonNode li = json(agentReport("discipline", "presales-li", "demo-manager-token"));
        assertEquals("GOOD", li.path("level").asText(), "known, nothing held against them");
    }

    @Test
    void aDouyinConversation_isFoundByThePlatformsOwnId_asWellAsByItsStoredForm() throws IOException {
        webhook.ingest(DEMO_MERCHANT, List.of(raw("eventId", "dy-m1", "type", "customer.message", "conversationId", "dy:7301122334455",
                "channel", "DIRECT_MESSAGE", "occurredAt", "2026-10-04T08:00:00+08:00", "customerId", "buyer-open-id-8812")));
        for (String asked : List.of("7301122334455", "dy:7301122334455")) {
            JsonNode c = json(handler.handleRequest(get("/merchants/{merchantId}/conversations/{conversationId}", "demo",
                    "demo-manager-token", null, Map.of("conversationId", asked)), null));
            assertEquals("dy:7301122334455", c.path("conversationId").asText(), asked);
            assertEquals("DIRECT_MESSAGE", c.path("channel").asText());
        }
        APIGatewayV2HTTPResponse none = handler.handleRequest(get("/merchants/{merchantId}/conversations/{conversationId}", "demo",
                "demo-manager-token", null, Map.of("conversationId", "7301000000000")), null);
        assertEquals(404, none.getStatusCode());
        assertTrue(none.getBody().contains("'7301000000000'"), "names what was asked: " + none.getBody());
    }
}
