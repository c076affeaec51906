package com.replyguard.adapters.lambda;

import com.replyguard.ports.Pacer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The functions' pacer: sleeps the thread until the instant by the function's clock (at once when it has passed). */
public final class SleepingPacer implements Pacer {
    private final Clock clock;

    public SleepingPacer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void sleepUntil(Instant instant) throws InterruptedException {
        long ms = Duration.between(clock.instant(), instant).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
