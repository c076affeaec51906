package com.replyguard.ports;

import com.replyguard.alert.AlertEvent;
import java.util.List;

/**
 * Port: publishes alerts on the event bus (EventBridge in AWS). Throws when any entry was not
 * accepted: the caller keeps the alerts in its outbox and the wheel retries. Delivery is at least
 * once; each event's id is stable, so subscribers can drop repeats.
 */
public interface AlertPublisher {
    void publish(List<AlertEvent> events);
}
