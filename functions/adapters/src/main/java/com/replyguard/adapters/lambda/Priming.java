package com.replyguard.adapters.lambda;

import com.replyguard.adapters.http.JsonLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming (docs/benchmarks.md, cold starts): before Lambda snapshots a published version, run each function's
 * representative work once - its handler on a request that is refused early, its JSON mappings, one
 * read through its DynamoDB client - so the classes are loaded, JIT-warmed and the connections'
 * code paths initialised in the snapshot, and the first request after a restore pays for none of
 * it. Nothing unique (ids, randoms, clocks' readings kept for later) is generated here.
 *
 * <p>Registered by each handler's no-argument (Lambda) constructor; the CRaC context holds resources
 * weakly, so they are kept here. A priming step that fails is logged and skipped: priming only
 * ever saves time.
 */
public final class Priming implements Resource {
    private static final List<Priming> REGISTERED = new ArrayList<>();
    private final String function;
    private final Runnable work;

    private Priming(String function, Runnable work) {
        this.function = function;
        this.work = work;
    }

    /** Registers {@code work} to run before the snapshot of this execution environment. */
    public static synchronized void register(String function, Runnable work) {
        Priming p = new Priming(function, work);
        REGISTERED.add(p);
        Core.getGlobalContext().register(p);
    }

    /** Runs {@code work} now and reports how long it took (ms): the cold work a snapshot takes off the first request. */
    public static long runNow(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        JsonLog log = new JsonLog(function, Clock.systemUTC(), System.err);
        try {
            log.info("priming", "ms", runNow(work));
        } catch (RuntimeException e) {
            log.warn("priming step failed", "exception", e.getClass().getName());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: clients reconnect on their own, and no state depends on the snapshot's time
    }
}
