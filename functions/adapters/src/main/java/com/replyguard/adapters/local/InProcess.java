package com.replyguard.adapters.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.AlertEventJson;
import com.replyguard.adapters.json.CycleClosedJson;
import com.replyguard.adapters.json.DeadLetterJson;
import com.replyguard.adapters.json.DueJson;
import com.replyguard.alert.AlertEvent;
import com.replyguard.ports.AlertPublisher;
import com.replyguard.ports.CyclePublisher;
import com.replyguard.ports.DeadLetters;
import com.replyguard.ports.EscalationDispatcher;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The local runner's stand-ins for Lambda's async Invoke, the EventBridge bus and the notifier's
 * dead-letter queue: functions register by their template logical id; a dispatch serialises the
 * same payload AWS would carry and runs the target on a worker thread; published events are kept in
 * order (for tests and the local event log) in EventBridge's envelope with the same detail JSON, and
 * handed to the system's router, which invokes the targets of the rules they match. Only used when the environment says
 * {@code LOCAL_INVOKE} / {@code LOCAL_EVENT_BUS} name a
 * local system (a namespace, so several can run in one JVM).
 */
public final class InProcess {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Consumer<Map<String, Object>>> FUNCTIONS = new ConcurrentHashMap<>();
    private static final Map<String, List<Map<String, Object>>> EVENTS = new ConcurrentHashMap<>();
    private static final Map<String, Consumer<Map<String, Object>>> ROUTERS = new ConcurrentHashMap<>();
    private static final Map<String, List<Map<String, Object>>> DEAD_LETTERS = new ConcurrentHashMap<>();
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "local-async-invoke");
        t.setDaemon(true);
        return t;
    });

    private InProcess() {
    }

    /** Registers a function of one local system ({@code namespace}) under its template logical id. */
    public static void register(String namespace, String functionName, Consumer<Map<String, Object>> function) {
        FUNCTIONS.put(namespace + "/" + functionName, function);
    }

    public static EscalationDispatcher dispatcher(String namespace, String functionName) {
        JsonLog log = new JsonLog(functionName, Clock.systemUTC(), System.err);
        return due -> {
            Consumer<Map<String, Object>> target = FUNCTIONS.get(namespace + "/" + functionName);
            if (target == null) {
                throw new IllegalStateException("no local function '" + functionName + "' registered");
            }
            Map<String, Object> payload = roundTrip(DueJson.payload(due));
            WORKERS.submit(() -> {
                try {
                    target.accept(payload);
                } catch (RuntimeException e) {
                    // as Lambda would: the failure is reported, the entries stay due, the wheel retries
                    log.error("async invoke failed", "exception", e.getClass().getName());
                }
            });
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> roundTrip(Map<String, Object> payload) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(payload), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AlertPublisher eventBus(String namespace) {
        JsonLog log = new JsonLog("event-bus", Clock.systemUTC(), System.err);
        return alerts -> {
            for (AlertEvent a : alerts) {
                put(namespace, envelope(a.detailType(), a.merchant().value(), AlertEventJson.detail(a)));
                log.info("event", "detail-type", a.detailType(), "eventId", a.eventId(), "merchant", a.merchant().value(),
                        "clockKey", a.alert().clock().key());
            }
        };
    }

    /** CycleClosed on one local system's in-process bus. */
    public static CyclePublisher cycleBus(String namespace) {
        JsonLog log = new JsonLog("event-bus", Clock.systemUTC(), System.err);
        return (report, revision) -> {
            put(namespace, envelope(CycleClosedJson.DETAIL_TYPE, report.merchant().value(),
                    CycleClosedJson.detail(report, revision)));
            log.info("event", "detail-type", CycleClosedJson.DETAIL_TYPE, "merchant",
                    report.merchant().value(), "cycle", report.cycle().toString(), "revision", revision);
        };
    }

    /** An event as EventBridge hands it to a rule's target: the envelope around source, detail-type and detail. */
    private static Map<String, Object> envelope(String detailType, String merchant, Map<String, Object> detail) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", AlertEventJson.SOURCE);
        event.put("account", "000000000000");
        event.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", "us-east-1");
        event.put("resources", List.of(merchant));
        event.put("detail", detail);
        return event;
    }

    private static void put(String namespace, Map<String, Object> event) {
        EVENTS.computeIfAbsent(namespace, k -> new CopyOnWriteArrayList<>()).add(event);
        Consumer<Map<String, Object>> router = ROUTERS.get(namespace);
        if (router != null) {
            // what a rule's target receives is the event's JSON, not the publisher's objects
            router.accept(roundTrip(event));
        }
    }

    /**
     * How one local system's bus hands events to its rules' targets (LocalSystem matches them
     * against the template's AWS::Events::Rule patterns, as EventBridge would).
     */
    public static void route(String namespace, Consumer<Map<String, Object>> router) {
        ROUTERS.put(namespace, router);
    }

    /** The notifier's dead-letter queue on one local system: given-up deliveries, kept in order. */
    public static DeadLetters deadLetterQueue(String namespace) {
        return (merchant, delivery) -> DEAD_LETTERS.computeIfAbsent(namespace, k -> new CopyOnWriteArrayList<>())
                .add(roundTrip(DeadLetterJson.of(merchant, delivery)));
    }

    /** What one local system's dead-letter queue holds so far. */
    public static List<Map<String, Object>> deadLetters(String namespace) {
        return new ArrayList<>(DEAD_LETTERS.getOrDefault(namespace, List.of()));
    }

    /** Every event published on one local system's bus so far, in order. */
    public static List<Map<String, Object>> events(String namespace) {
        return new ArrayList<>(EVENTS.getOrDefault(namespace, List.of()));
    }

    /** Forgets a stopped local system. */
    public static void forget(String namespace) {
        EVENTS.remove(namespace);
        ROUTERS.remove(namespace);
        DEAD_LETTERS.remove(namespace);
        FUNCTIONS.keySet().removeIf(k -> k.startsWith(namespace + "/"));
    }
}
