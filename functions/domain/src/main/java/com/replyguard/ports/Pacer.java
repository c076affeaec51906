package com.replyguard.ports;

import java.time.Instant;

/** Port: waits until an instant (a real sleep in a function, a moved clock in tests). */
public interface Pacer {
    void sleepUntil(Instant instant) throws InterruptedException;
}
