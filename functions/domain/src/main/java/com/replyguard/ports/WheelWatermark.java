package com.replyguard.ports;

import java.time.Instant;
import java.util.Optional;

/** Port: where the last sweep of the deadline wheel stopped, so the next one (or one after a lost tick) resumes there. */
public interface WheelWatermark {
    Optional<Instant> load();

    void save(Instant watermark);
}
