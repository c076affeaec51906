package com.replyguard.adapters.config;

import com.replyguard.ports.Pacer;
import java.time.Clock;
import java.time.Duration;

/** The real {@link Pacer}: sleeps the thread until the clock reads the instant. */
public final class Pacers {
    private Pacers() {
    }

    public static Pacer sleeping(Clock clock) {
        return until -> {
            long ms = Duration.between(clock.instant(), until).toMillis();
            if (ms > 0) {
                Thread.sleep(ms);
            }
        };
    }
}
