package com.replyguard.testing;

import com.replyguard.alert.AlertEvent;
import com.replyguard.ports.AlertPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fake event bus: keeps what was published; can be told to fail the next N calls (a crash or an outage). */
public final class RecordingPublisher implements AlertPublisher {
    public final List<AlertEvent> published = new CopyOnWriteArrayList<>();
    public int failNext;

    @Override
    public synchronized void publish(List<AlertEvent> events) {
        if (failNext > 0) {
            failNext--;
            throw new IllegalStateException("event bus unavailable");
        }
        published.addAll(events);
    }

    public List<String> kinds() {
        return published.stream().map(e -> e.detailType() + ":" + e.alert().clock().key()
                + (e.alert().level() > 0 ? ":L" + e.alert().level() : "")).toList();
    }
}
