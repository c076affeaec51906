package com.replyguard.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.dynalite.SamTemplate;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for EventBridge rules whose targets are functions: each published event is
 * matched against the template's {@code AWS::Events::Rule} patterns ({@link EventPatterns}), and
 * every function a matching rule targets is invoked asynchronously, as Lambda would: on its own
 * thread (Lambda scales out), retried after an error per the function's {@code EventInvokeConfig}
 * (Lambda waits one minute, then two; {@code firstRetryDelay} scales that for tests), and after the
 * last attempt, or past its maximum event age, kept in {@link #failures} (its on-failure destination)
 * and logged.
 */
final class EventRouter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Target(String function, RequestHandler<Object, Object> handler, SamTemplate.AsyncConfig async) {
    }

    private record Subscription(SamTemplate.Rule rule, List<Target> targets) {
    }

    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Duration firstRetryDelay;
    private final ExecutorService invocations = Executors.newCachedThreadPool(r -> daemon(r, "event-target"));
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "event-retry"));
    private final List<Map<String, Object>> failures = new CopyOnWriteArrayList<>();
    private final JsonLog log = new JsonLog("event-bus", Clock.systemUTC(), System.err);
    private volatile boolean closed;

    EventRouter(List<SamTemplate.Rule> rules, Map<String, Target> functions, Duration firstRetryDelay) {
        this.firstRetryDelay = firstRetryDelay;
        for (SamTemplate.Rule r : rules) {
            if (r.targetFunctions().isEmpty()) {
                continue; // e.g. the alerts' log group: the local event log stands in for it
            }
            EventPatterns.check(r.logicalId(), r.pattern());
            List<Target> targets = new ArrayList<>();
            for (String f : r.targetFunctions()) {
                Target t = functions.get(f);
                if (t == null) {
                    throw new IllegalStateException("rule " + r.logicalId() + " targets " + f + ", which is not a function");
                }
                targets.add(t);
            }
            subscriptions.add(new Subscription(r, targets));
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One event on the bus, in EventBridge's envelope. */
    void route(Map<String, Object> event) {
        JsonNode tree = JSON.valueToTree(event);
        for (Subscription s : subscriptions) {
            if (EventPatterns.matches(s.rule().pattern(), tree)) {
                for (Target t : s.targets()) {
                    Instant received = Instant.now();
                    invocations.submit(() -> attempt(t, event, 0, received));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void attempt(Target t, Map<String, Object> event, int retry, Instant received) {
        if (closed) {
            return;
        }
        try {
            Map<String, Object> payload = JSON.readValue(JSON.writeValueAsBytes(event), Map.class);
            t.handler().handleRequest(payload, new LocalLambdaContext(UUID.randomUUID().toString(), t.function()));
        } catch (RuntimeException | IOException e) {
            if (closed) {
                return;
            }
            Duration delay = firstRetryDelay.multipliedBy(1L << retry);
            boolean again = retry < t.async().maximumRetryAttempts()
                    && Instant.now().plus(delay).isBefore(received.plus(t.async().maximumEventAge()));
            log.error("async invocation failed", "target", t.function(), "attempt", retry + 1, "retried", again,
                    "exception", e.getClass().getName());
            if (again) {
                retries.schedule(() -> invocations.submit(() -> attempt(t, event, retry + 1, received)), delay.toMillis(),
                        TimeUnit.MILLISECONDS);
            } else {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("function", t.function());
                record.put("attempts", retry + 1);
                record.put("errorType", e.getClass().getName());
                record.put("event", event);
                failures.add(record);
            }
        }
    }

    /** Invocations that failed after their retries: what the on-failure destination would hold. */
    List<Map<String, Object>> failures() {
        return new ArrayList<>(failures);
    }

    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        invocations.shutdownNow();
        try {
            invocations.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
