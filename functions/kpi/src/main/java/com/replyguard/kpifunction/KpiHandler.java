package com.replyguard.kpifunction;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.lambda.Priming;
import com.replyguard.usecase.CloseKpiCycles;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EventBridge Scheduler → KPI λ. {@code {"job":"fold","windowSeconds":70}} (every minute): a fold
 * pass about every second for the window; {@code {"job":"daily"}} and {@code {"job":"close"}}
 * (cron, Asia/Shanghai): the daily check (which also makes any close missed in the last year) and
 * the cycle close; {@code {"job":"reclose"}} (every 5 minutes): closes again the cycles whose
 * history arrived after their close. Drift is logged as an error with the
 * counter keys and amounts (no customer data exists in counters), and so is every conversation the
 * fold set aside (when found, and every day until it is counted).
 */
public final class KpiHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    public static final int DEFAULT_WINDOW_SECONDS = 70;
    /** The log line of a conversation the fold set aside (template: metric KpiConversationsSetAside, its alarm). */
    public static final String SET_ASIDE_LOG = "kpi conversation set aside";
    private final KpiWiring wiring;
    private final JsonLog log;

    public KpiHandler() {
        this(System.getenv());
        Priming.register("kpi", this::prime);
    }

    public KpiHandler(Map<String, String> environment) {
        this(KpiWiring.from(environment, Clock.systemUTC()));
    }

    public KpiHandler(KpiWiring wiring) {
        this.wiring = wiring;
        this.log = new JsonLog("kpi", wiring.clock(), System.err);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Object job = input == null ? null : input.get("job");
        Map<String, Object> out = new LinkedHashMap<>();
        if (job == null || "fold".equals(job)) {
            long window = DEFAULT_WINDOW_SECONDS;
            if (input != null && input.get("windowSeconds") instanceof Number n && n.longValue() >= 0) {
                window = n.longValue();
            }
            if (context != null) {
                window = Math.min(window, Math.max(0, context.getRemainingTimeInMillis() / 1000 - 5));
            }
            out.put("counted", fold(Duration.ofSeconds(window)));
        } else if ("daily".equals(job) || "close".equals(job) || "reclose".equals(job)) {
            List<CloseKpiCycles.Check> checks = switch ((String) job) {
                case "daily" -> wiring.cycles().daily();
                case "close" -> wiring.cycles().closeEnded();
                default -> wiring.cycles().recloseChanged();
            };
            int drifting = 0;
            for (CloseKpiCycles.Check c : checks) {
                if (!c.drift().isEmpty()) {
                    drifting++;
                    log.error("kpi drift", "merchant", c.merchant().value(), "cycle", c.cycle().toString(), "drift",
                            c.drift().counts().toString());
                }
                log.info(c.closed() ? "cycle closed" : "cycle checked", "merchant", c.merchant().value(), "cycle",
                        c.cycle().toString(), "conversations", c.conversations(), "caughtUp", c.caughtUp(),
                        "revision", c.revision());
            }
            out.put("checked", checks.size());
            out.put("drifting", drifting);
            if ("daily".equals(job)) {
                // conversations the fold could not count, still not counted: reported every day until repaired
                var setAside = wiring.cycles().setAside();
                for (var s : setAside) {
                    log.error("kpi conversation still set aside", "merchant", s.merchant().value(), "conversationId",
                            s.conversation().value(), "version", s.version(), "since", s.at().toString(), "reason", s.reason());
                }
                out.put("setAside", setAside.size());
            }
        } else {
            throw new IllegalArgumentException("unknown job '" + job + "' (expected fold, daily, close or reclose)");
        }
        return out;
    }

    private int fold(Duration window) {
        try {
            int counted = wiring.fold().runFor(window, wiring.pacer());
            log.info("fold", "counted", counted);
            return counted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fold interrupted", e);
        }
    }

    /** For the SnapStart snapshot (and the cold-start benchmark): one fold pass - a real, idempotent read of the change feed. */
    public void prime() {
        handleRequest(Map.of("job", "fold", "windowSeconds", 0), null);
    }
}
