package com.replyguard.notify;

import java.util.List;

/** One page of alerts ordered by due instant; {@code nextToken} is null on the last page. */
public record AlertPage(List<AlertRecord> alerts, String nextToken) {
    public AlertPage {
        alerts = List.copyOf(alerts);
    }
}
