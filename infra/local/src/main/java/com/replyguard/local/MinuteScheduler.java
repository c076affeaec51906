package com.replyguard.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for an EventBridge Scheduler {@code rate(1 minute)} schedule: invokes the
 * function with the schedule's {@code Input} at start and then every minute, each invocation on its
 * own thread (a 70 s wheel turn overlaps the next one, as in AWS).
 */
final class MinuteScheduler implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "minute-ticker"));
    private final ExecutorService invocations = Executors.newCachedThreadPool(r -> daemon(r, "scheduled-invoke"));
    private final java.util.List<Runnable> jobs = new java.util.ArrayList<>();
    private volatile boolean closed;
    private final com.replyguard.adapters.http.JsonLog log =
            new com.replyguard.adapters.http.JsonLog("scheduler", java.time.Clock.systemUTC(), System.err);

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @SuppressWarnings("unchecked")
    void everyMinute(String functionName, String input, RequestHandler<Object, Object> handler) {
        Map<String, Object> payload;
        try {
            payload = JSON.readValue(input, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("schedule Input of " + functionName + " is not JSON: " + input, e);
        }
        jobs.add(() -> invocations.submit(() -> {
            try {
                handler.handleRequest(payload, new LocalLambdaContextWithTime(UUID.randomUUID().toString(), functionName, 90_000));
            } catch (RuntimeException e) {
                if (closed) {
                    return; // the runner is stopping: an interrupted turn is expected
                }
                log.error("scheduled invocation failed", "target", functionName, "exception", e.getClass().getName());
            }
        }));
    }

    void start() {
        for (Runnable job : jobs) {
            ticker.scheduleAtFixedRate(job, 0, 60, TimeUnit.SECONDS);
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
            implements com.amazonaws.services.lambda.runtime.Context {
        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/local/" + functionName; }
        @Override public String getLogStreamName() { return "local"; }
        @Override public String getFunctionName() { return functionName; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:" + functionName; }
        @Override public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() { return null; }
        @Override public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return timeoutMillis; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() {
            return new LocalLambdaContext(requestId, functionName).getLogger();
        }
    }
}
