package com.replyguard.usecase;

import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.AlertPage;
import com.replyguard.notify.AlertRecord;
import com.replyguard.ports.AlertLog;
import java.time.Instant;
import java.util.List;

/** Use case: a manager lists alerts with each channel's delivery state, paged like breaches; or one conversation's. */
public final class ListAlerts {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private final AlertLog alerts;

    public ListAlerts(AlertLog alerts) {
        this.alerts = alerts;
    }

    public AlertPage list(MerchantId merchant, Instant from, Instant to, Integer limit, String pageToken) {
        return alerts.list(merchant, from, to, limit == null ? DEFAULT_LIMIT : limit, pageToken);
    }

    public List<AlertRecord> ofConversation(MerchantId merchant, String conversationId) {
        return alerts.ofConversation(merchant, conversationId);
    }
}
