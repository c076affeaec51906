package com.replyguard.managerapi;

import com.replyguard.usecase.AcknowledgeAlert;
import com.replyguard.usecase.ConfigureNotifications;
import com.replyguard.usecase.ListAlerts;
import com.replyguard.usecase.SendTestMessage;

/** The manager API's use cases for alerts to people (docs/notifications.md): settings, test messages, the alert log, acknowledgements. */
public record Alerting(ConfigureNotifications settings, SendTestMessage tests, ListAlerts alerts, AcknowledgeAlert acks) {
}
