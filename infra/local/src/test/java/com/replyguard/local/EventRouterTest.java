package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.dynalite.SamTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The local runner's stand-in for EventBridge and Lambda's asynchronous invocation: the template's
 * own rule patterns decide which events reach the notifier; a failing invocation is retried as its
 * EventInvokeConfig says and then kept as a failure (the on-failure destination); patterns the
 * local matcher cannot evaluate exactly are refused.
 */
class EventRouterTest {
    private static final SamTemplate TEMPLATE = SamTemplate.read(ProjectLayout.template(), "");

    private static Map<String, Object> event(String detailType) {
        return Map.of("source", "replyguard", "detail-type", detailType, "detail", Map.of("merchantId", "demo"));
    }

    @Test
    void theTemplatesRule_routesTheThreeAlertsAndClosedCycles_toTheNotifier_andNothingElse() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        RequestHandler<Object, Object> notifier = (in, ctx) -> {
            seen.add(String.valueOf(((Map<?, ?>) in).get("detail-type")));
            return null;
        };
        SamTemplate.Function f = TEMPLATE.functions().stream().filter(x -> x.logicalId().equals("NotifierFunction")).findFirst()
                .orElseThrow();
        try (EventRouter router = new EventRouter(TEMPLATE.rules(), Map.of("NotifierFunction",
                new EventRouter.Target("NotifierFunction", notifier, f.async())), Duration.ofMillis(10))) {
            for (String t : List.of("SlaAtRisk", "SlaBreached", "SlaEscalated", "CycleClosed", "ClockStarted")) {
                router.route(event(t));
            }
            router.route(Map.of("source", "someone-else", "detail-type", "SlaBreached", "detail", Map.of()));
            long until = System.currentTimeMillis() + 5000;
            while (seen.size() < 4 && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
            Thread.sleep(200);
        }
        assertEquals(List.of("CycleClosed", "SlaAtRisk", "SlaBreached", "SlaEscalated"), seen.stream().sorted().toList());
    }

    @Test
    void aFailingInvocation_isRetriedAsConfigured_thenKeptAsAFailure() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        RequestHandler<Object, Object> failing = (in, ctx) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("store down");
        };
        AtomicInteger flaky = new AtomicInteger();
        RequestHandler<Object, Object> recovers = (in, ctx) -> {
            if (flaky.incrementAndGet() < 2) {
                throw new IllegalStateException("once");
            }
            return null;
        };
        SamTemplate.Rule rule = new SamTemplate.Rule("R", new ObjectMapper().readTree("{\"source\": [\"replyguard\"]}"),
                List.of("A", "B"));
        try (EventRouter router = new EventRouter(List.of(rule), Map.of(
                "A", new EventRouter.Target("A", failing, new SamTemplate.AsyncConfig(2, Duration.ofMinutes(15))),
                "B", new EventRouter.Target("B", recovers, new SamTemplate.AsyncConfig(2, Duration.ofMinutes(15)))),
                Duration.ofMillis(20))) {
            router.route(event("SlaBreached"));
            long until = System.currentTimeMillis() + 5000;
            while (router.failures().isEmpty() && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
            assertEquals(3, attempts.get(), "the first attempt and 2 retries");
            assertEquals(2, flaky.get(), "a retry that succeeds ends it");
            assertEquals(1, router.failures().size());
            assertEquals("A", router.failures().get(0).get("function"));
            assertEquals(IllegalStateException.class.getName(), router.failures().get(0).get("errorType"));
            assertTrue(router.failures().get(0).containsKey("event"), "the destination keeps the event, to redrive it");
        }
    }

    @Test
    void aPatternTheLocalMatcherCannotEvaluate_isRefusedLoudly() throws Exception {
        SamTemplate.Rule prefix = new SamTemplate.Rule("P", new ObjectMapper().readTree(
                "{\"detail-type\": [{\"prefix\": \"Sla\"}]}"), List.of("A"));
        assertThrows(IllegalStateException.class, () -> new EventRouter(List.of(prefix), Map.of("A", new EventRouter.Target("A",
                (in, ctx) -> null, SamTemplate.AsyncConfig.LAMBDA_DEFAULT)), Duration.ofMillis(10)));
    }
}
