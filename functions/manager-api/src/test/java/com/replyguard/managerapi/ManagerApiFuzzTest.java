package com.replyguard.managerapi;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.merchant.Manager;
import com.replyguard.testing.InMemoryAgentRegistry;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.Managers;
import com.replyguard.testing.MutableClock;
import com.replyguard.usecase.ClassifyCase;
import com.replyguard.usecase.ExcuseBreach;
import com.replyguard.usecase.FindAgent;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Abuse limits (docs/security.md, event flooding): arbitrary query strings, path values and bodies on every
 * manager route, with a valid token: always an answer below 500 (a bad parameter is a 400 that names it).
 * Fixed seed, bounded tries.
 */
class ManagerApiFuzzTest {
    private final MutableClock clock = new MutableClock(at("2026-10-04T09:00:00"));
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final InMemoryBreachStore breaches = new InMemoryBreachStore();
    private final InMemoryKpiStore kpis = new InMemoryKpiStore();
    private final ManagerApiHandler handler = new ManagerApiHandler(new ManagerApiWiring(
            t -> t.equals("tok") ? Optional.of(Managers.supervisor(DEMO))
                    : Optional.<Manager>empty(),
            id -> id.equals(DEMO) ? Optional.of(DEMO_MERCHANT) : Optional.empty(),
            new ReportKpiCounters(kpis, clock), new ListBreaches(breaches),
            new ShowConversation(conversations, clock), (id, policy) -> DEMO_MERCHANT,
            new ExcuseBreach(breaches, conversations, clock),
            new ReportAgentDiscipline(breaches), new ReportOperations(conversations, clock),
            new ReportAgentScorecard(conversations, new ReportAgentDiscipline(breaches)),
            new ReportLeaderboard(conversations, new ReportAgentDiscipline(breaches)),
            new ReportAfterSales(kpis),
            new ClassifyCase(conversations, new IngestEventBatch(conversations, breaches, clock),
                    clock),
            new ReportOperationsByType(kpis, clock),
            new ForgetCustomer(conversations), new TestAlerting(conversations, clock).alerting, clock,
            new ListQueue(conversations, clock), new FindAgent(new InMemoryAgentRegistry(), kpis),
            new ListAfterSalesCases(conversations), new ReportQuality(kpis, clock), new ListHeldConversations(conversations, clock)));

    @Provide
    Arbitrary<String> oddText() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("2026-10-H1", "2026-13-H1", "2026-10", "-1", "0", "1001", "agent", "channel", "category",
                        "channelCategory", "2026-10", "2026-10-03T10:00:00+08:00", "%00", "../..", "{}", "null",
                        "x".repeat(3000), "LOGISTICS_LATE", "c1", "b_0123456789abcdef"));
    }

    @Provide
    Arbitrary<String> body() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200), Arbitraries.of("{}", "[]", "null", "{\"reason\":\"\"}",
                "{\"reason\":\"" + "长".repeat(2000) + "\"}", "{\"category\":\"LOGISTICS_LATE\"}", "{\"category\":5}",
                "{\"targets\":{\"FIRST_REPLY\":{\"liveRoom\":\"PT-1S\"}}}", "{\"warningShare\":7}", "{"));
    }

    @Property(tries = 300, seed = "20261125")
    void everyRoute_answersBelow500(@ForAll("oddText") String a, @ForAll("oddText") String b, @ForAll("body") String body,
            @ForAll("routeIndex") int route) {
        String key = ManagerApiHandler.ROUTES.get(route);
        Map<String, String> query = new HashMap<>();
        for (String name : List.of("cycle", "groupBy", "limit", "from", "to", "nextToken", "month", "category", "olderThan")) {
            if ((a + name).hashCode() % 3 == 0) {
                query.put(name, a);
            }
        }
        query.put(List.of("cycle", "groupBy", "limit", "month").get(Math.floorMod(b.hashCode(), 4)), b);
        Map<String, String> path = new HashMap<>(Map.of("merchantId", "demo", "conversationId", a, "agentId", b,
                "breachId", a));
        APIGatewayV2HTTPEvent e = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(key)
                .withHeaders(Map.of("authorization", "Bearer tok", "accept", b.length() % 2 == 0 ? "text/csv" : "*/*"))
                .withQueryStringParameters(query).withPathParameters(path).withBody(body).build();
        APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
        if (r.getStatusCode() >= 500) {
            throw new AssertionError(key + " " + query + " " + path + " → " + r.getStatusCode() + " " + r.getBody());
        }
    }

    @Provide
    Arbitrary<Integer> routeIndex() {
        return Arbitraries.integers().between(0, ManagerApiHandler.ROUTES.size() - 1);
    }
}
