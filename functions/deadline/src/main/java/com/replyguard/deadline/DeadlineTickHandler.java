package com.replyguard.deadline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.lambda.Priming;
import com.replyguard.usecase.DeadlineWheel;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EventBridge Scheduler {@code rate(1 minute)} → deadline λ: one turn of the wheel over
 * {@code windowSeconds} (default 70: turns overlap by 10 s), stopping early enough to finish
 * within the invocation's remaining time. Answers the turn's statistics.
 */
public final class DeadlineTickHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    public static final int DEFAULT_WINDOW_SECONDS = 70;
    private final DeadlineWiring wiring;
    private final JsonLog log;

    public DeadlineTickHandler() {
        this(System.getenv());
        Priming.register("deadline", this::prime);
    }

    public DeadlineTickHandler(Map<String, String> environment) {
        this(DeadlineWiring.from(environment, Clock.systemUTC()));
    }

    public DeadlineTickHandler(DeadlineWiring wiring) {
        this.wiring = wiring;
        this.log = new JsonLog("deadline", wiring.clock(), System.err);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        long window = DEFAULT_WINDOW_SECONDS;
        if (input != null && input.get("windowSeconds") instanceof Number n && n.longValue() >= 0) {
            window = n.longValue();
        }
        if (context != null) {
            // leave 5 s to save the watermark and return
            window = Math.min(window, Math.max(1, context.getRemainingTimeInMillis() / 1000 - 5));
        }
        try {
            DeadlineWheel.Turn turn = wiring.wheel().turn(Duration.ofSeconds(window));
            List<Duration> lags = turn.lags();
            long maxLag = lags.stream().mapToLong(Duration::toMillis).max().orElse(0);
            log.info("wheel turn", "reads", turn.reads(), "handed", turn.handed(), "maxLagMs", maxLag,
                    "watermark", turn.watermark().toString());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("reads", turn.reads());
            out.put("handed", turn.handed());
            out.put("maxLagMs", maxLag);
            out.put("watermark", turn.watermark().toString());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("wheel turn interrupted", e);
        }
    }

    /** For the SnapStart snapshot (and the cold-start benchmark): one turn of the wheel with no window - a real, idempotent read. */
    public void prime() {
        handleRequest(Map.of("windowSeconds", 0), null);
    }
}
