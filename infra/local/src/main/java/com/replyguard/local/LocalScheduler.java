package com.replyguard.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.dynalite.SamTemplate;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for EventBridge Scheduler: runs a function's {@code ScheduleV2} events as AWS
 * would, with the schedule's {@code Input}. A {@code rate(...)} schedule runs at start and then every
 * period; a {@code cron(...)} schedule runs in every minute it names, read in its
 * {@code ScheduleExpressionTimezone} (the daily check at 00:15 and the cycle close at 00:30 on the
 * 1st and 16th, China time). A daily cron schedule also runs once at start: the runner may have been
 * down when it was due, and the jobs are idempotent (the daily check makes every close missed
 * meanwhile). Each invocation runs on its own thread (a 70 s wheel turn overlaps the next one, as in AWS).
 */
final class LocalScheduler implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "schedule-ticker"));
    private final ExecutorService invocations = Executors.newCachedThreadPool(r -> daemon(r, "scheduled-invoke"));
    private final List<Job> jobs = new ArrayList<>();
    private final Clock clock;
    private volatile boolean closed;
    private Instant lastMinute;
    private final JsonLog log =
            new JsonLog("scheduler", Clock.systemUTC(), System.err);

    /** One schedule of one function. */
    private record Job(String functionName, String name, ScheduleExpression expression, Runnable invoke) {
    }

    LocalScheduler() {
        this(Clock.systemUTC());
    }

    LocalScheduler(Clock clock) {
        this.clock = clock;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Adds a function's schedule; an expression the runner cannot run is refused here, naming it. */
    @SuppressWarnings("unchecked")
    void add(String functionName, SamTemplate.Schedule schedule, RequestHandler<Object, Object> handler) {
        ScheduleExpression expression;
        Map<String, Object> payload;
        try {
            expression = ScheduleExpression.parse(schedule.expression(), schedule.timezone());
            payload = JSON.readValue(schedule.input(), Map.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("schedule " + schedule.name() + " of " + functionName + ": " + e.getMessage(), e);
        }
        jobs.add(new Job(functionName, schedule.name(), expression, () -> invocations.submit(() -> {
            try {
                handler.handleRequest(payload, new LocalLambdaContextWithTime(UUID.randomUUID().toString(), functionName, 90_000));
            } catch (RuntimeException e) {
                if (closed) {
                    return; // the runner is stopping: an interrupted turn is expected
                }
                log.error("scheduled invocation failed", "target", functionName, "schedule", schedule.name(),
                        "exception", e.getClass().getName());
            }
        })));
    }

    void start() {
        lastMinute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        for (Job job : jobs) {
            if (job.expression().isRate()) {
                long period = job.expression().rate().toMillis();
                ticker.scheduleAtFixedRate(job.invoke(), 0, period, TimeUnit.MILLISECONDS);
            } else if (job.expression().isDaily()) {
                job.invoke().run(); // catch up: it may have been due while the runner was down
            }
        }
        ticker.scheduleAtFixedRate(() -> tick(clock.instant()), 1, 1, TimeUnit.SECONDS);
    }

    /** Runs the cron jobs of every minute begun since the last tick (at most one minute's worth). */
    synchronized void tick(Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (lastMinute != null && !minute.isAfter(lastMinute)) {
            return;
        }
        lastMinute = minute;
        for (Job job : jobs) {
            if (!job.expression().isRate() && job.expression().firesInMinuteOf(minute)) {
                log.info("schedule due", "target", job.functionName(), "schedule", job.name());
                job.invoke().run();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        invocations.shutdownNow();
        try {
            invocations.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A Lambda context with the schedule's timeout, so the turn plans its window like in AWS. */
    private record LocalLambdaContextWithTime(String requestId, String functionName, int timeoutMillis)
            implements Context {
        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/local/" + functionName; }
        @Override public String getLogStreamName() { return "local"; }
        @Override public String getFunctionName() { return functionName; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:" + functionName; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return timeoutMillis; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LocalLambdaContext(requestId, functionName).getLogger();
        }
    }
}
