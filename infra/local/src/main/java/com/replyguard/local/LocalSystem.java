package com.replyguard.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.replyguard.dynalite.Dynalite;
import com.replyguard.dynalite.SamTemplate;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import com.replyguard.adapters.config.AlertingWiring;
import com.replyguard.adapters.local.InProcess;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * ReplyGuard on one machine: a DynamoDB (its own dynalite, or a given endpoint) with the tables of
 * template.yaml, and every function of the template instantiated from its {@code Handler} with the
 * template's environment, behind one HTTP port routed by the template's HttpApi and Api events
 * (the webhooks' REST API with its web ACL's rate rules; {@link LocalApiGateway}); functions
 * with {@code ScheduleV2} events are invoked on those schedules as EventBridge Scheduler would
 * ({@link LocalScheduler}: rates, and crons in their time zone), others
 * receive asynchronous invokes in process, and events go to an in-process event bus whose rules -
 * the template's {@code AWS::Events::Rule} patterns - invoke their target functions asynchronously
 * ({@link EventRouter}: the notifier). The same handler code as in AWS; only the environment differs
 * ({@code DYNAMODB_ENDPOINT}, {@code MERCHANTS_FILE}, {@code LOCAL_INVOKE}, {@code LOCAL_EVENT_BUS}, and
 * {@code ALLOW_LOOPBACK_ROBOTS}, which lets robots listen on 127.0.0.1 here and nowhere else).
 */
public final class LocalSystem implements AutoCloseable {
    /** What to start: port (0 = any free one), an external DynamoDB endpoint or null, the merchants file. */
    public record Options(int port, URI dynamoEndpoint, Path merchantsFile, Path template, boolean schedules,
            Map<String, String> parameters, Duration asyncRetryDelay) {
        /** Lambda waits a minute before it retries a failed asynchronous invocation (and two before the next). */
        public static final Duration LAMBDA_RETRY_DELAY = Duration.ofMinutes(1);

        public Options {
            parameters = Map.copyOf(parameters);
        }

        public Options(int port, URI dynamoEndpoint, Path merchantsFile, Path template) {
            this(port, dynamoEndpoint, merchantsFile, template, true, Map.of(), LAMBDA_RETRY_DELAY);
        }

        /** Without the minute schedules (no deadline wheel): for measuring ingest alone. */
        public Options withoutSchedules() {
            return new Options(port, dynamoEndpoint, merchantsFile, template, false, parameters, asyncRetryDelay);
        }

        /** A template parameter's value instead of its default, as {@code sam deploy --parameter-overrides}. */
        public Options withParameter(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(parameters);
            all.put(name, value);
            return new Options(port, dynamoEndpoint, merchantsFile, template, schedules, all, asyncRetryDelay);
        }

        /** A shorter wait before an asynchronous invocation is retried (tests of the retry path). */
        public Options withAsyncRetryDelay(Duration delay) {
            return new Options(port, dynamoEndpoint, merchantsFile, template, schedules, parameters, delay);
        }
    }

    private static final AtomicInteger SYSTEMS = new AtomicInteger();

    private final Dynalite dynalite;
    private final LocalApiGateway gateway;
    private final URI dynamoEndpoint;
    private final String namespace;
    private final LocalScheduler scheduler;

    private final EventRouter router;

    private LocalSystem(Dynalite dynalite, LocalApiGateway gateway, URI dynamoEndpoint, String namespace,
            LocalScheduler scheduler, EventRouter router) {
        this.dynalite = dynalite;
        this.gateway = gateway;
        this.dynamoEndpoint = dynamoEndpoint;
        this.namespace = namespace;
        this.scheduler = scheduler;
        this.router = router;
    }

    public static LocalSystem start(Options options) throws IOException {
        Dynalite dynalite = options.dynamoEndpoint() == null ? Dynalite.start() : null;
        URI endpoint = dynalite != null ? dynalite.endpoint() : options.dynamoEndpoint();
        LocalApiGateway gateway = null;
        LocalScheduler scheduler = null;
        EventRouter router = null;
        String namespace = "local-" + SYSTEMS.incrementAndGet();
        try {
            SamTemplate template = SamTemplate.read(options.template(), "").withParameters(options.parameters());
            try (DynamoDbClient dynamo = Dynalite.client(endpoint)) {
                template.createMissingTables(dynamo);
            }
            gateway = new LocalApiGateway(options.port());
            Map<String, List<PathRateLimiter>> firewalls = new LinkedHashMap<>();
            scheduler = new LocalScheduler();
            Map<String, EventRouter.Target> targets = new LinkedHashMap<>();
            for (SamTemplate.Function f : template.functions()) {
                Map<String, String> env = new LinkedHashMap<>(f.environment());
                env.put("DYNAMODB_ENDPOINT", endpoint.toString());
                env.put("MERCHANTS_FILE", options.merchantsFile().toAbsolutePath().toString());
                env.put("AWS_REGION", "us-east-1");
                env.put("LOCAL_INVOKE", namespace);
                env.put("LOCAL_EVENT_BUS", namespace);
                // the local runner's robot inbox and the tests' capture robots listen on 127.0.0.1: only here
                env.put(AlertingWiring.ALLOW_LOOPBACK, "true");
                RequestHandler<Object, Object> handler = instantiate(f.handlerClass(), env);
                targets.put(f.logicalId(), new EventRouter.Target(f.logicalId(), handler, f.async()));
                for (SamTemplate.Route r : f.routes()) {
                    // one web ACL per REST API stage: its counters are shared by all of that API's routes
                    List<PathRateLimiter> limiters = r.type() == SamTemplate.ApiType.REST_API
                            ? firewalls.computeIfAbsent(r.api(), api -> template.pathRateLimits(api).stream()
                                    .map(PathRateLimiter::new).toList())
                            : List.of();
                    gateway.bind(f.logicalId(), r, handler, limiters);
                }
                if (f.routes().isEmpty()) {
                    // invoked asynchronously by another function (Lambda Invoke), with a JSON payload
                    InProcess.register(namespace, f.logicalId(), payload -> handler.handleRequest(payload,
                            new LocalLambdaContext(UUID.randomUUID().toString(), f.logicalId())));
                }
                for (SamTemplate.Schedule schedule : f.schedules()) {
                    scheduler.add(f.logicalId(), schedule, handler);
                }
            }
            // the bus's rules, as EventBridge would apply them: alerts and closed cycles to the notifier
            router = new EventRouter(template.rules(), targets, options.asyncRetryDelay());
            InProcess.route(namespace, router::route);
            gateway.start();
            if (options.schedules()) {
                scheduler.start();
            }
            return new LocalSystem(dynalite, gateway, endpoint, namespace, scheduler, router);
        } catch (RuntimeException | IOException e) {
            if (router != null) {
                router.close();
            }
            if (scheduler != null) {
                scheduler.close();
            }
            if (gateway != null) {
                gateway.close();
            }
            if (dynalite != null) {
                dynalite.close();
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> instantiate(String className, Map<String, String> env) {
        try {
            Class<?> type = Class.forName(className);
            return (RequestHandler<Object, Object>) type.getConstructor(Map.class).newInstance(env);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("handler " + className + " failed to start: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("template names handler " + className
                    + ", which is missing or has no (Map<String,String>) constructor", e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    /** Our own dynalite (null with an external endpoint), e.g. to count the requests it served. */
    public Dynalite dynalite() {
        return dynalite;
    }

    /** The alerts published on this system's (in-process) event bus so far, as EventBridge would carry them. */
    public List<Map<String, Object>> events() {
        return InProcess.events(namespace);
    }

    /** Hands an event (as {@link #events} lists it) to the bus's rules again, as EventBridge's at-least-once delivery may. */
    public void redeliver(Map<String, Object> event) {
        router.route(event);
    }

    /** The notifier's dead-letter queue: deliveries given up after their retry budget. */
    public List<Map<String, Object>> deadLetters() {
        return InProcess.deadLetters(namespace);
    }

    /** Asynchronous invocations that failed after their retries (the functions' on-failure destinations). */
    public List<Map<String, Object>> failedInvocations() {
        return router.failures();
    }

    @Override
    public void close() {
        router.close();
        scheduler.close();
        gateway.close();
        InProcess.forget(namespace);
        if (dynalite != null) {
            dynalite.close();
        }
    }
}
