package com.replyguard.ports;

import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.Acknowledgement;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.AlertPage;
import com.replyguard.notify.AlertRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: every alert the notifier received, with its delivery to each channel and its
 * acknowledgement - what managers see ({@code GET /alerts}, the conversation timeline).
 */
public interface AlertLog {
    /** Records the alert and the channels it was routed to, once: a repeat keeps the first record. */
    void record(AlertNotice alert, List<String> channelIds, Instant now);

    Optional<AlertRecord> find(MerchantId merchant, String alertId);

    /**
     * Alerts with {@code from <= dueAt <= to} (null: unbounded), ordered by due instant.
     *
     * @throws BreachStore.InvalidPageToken when {@code pageToken} did not come from this store for this query
     */
    AlertPage list(MerchantId merchant, Instant from, Instant to, int limit, String pageToken);

    /** A conversation's alerts, ordered by due instant. */
    List<AlertRecord> ofConversation(MerchantId merchant, String conversationId);

    /** Records the acknowledgement unless one is recorded already; false then (the first one stands). */
    boolean acknowledge(MerchantId merchant, String alertId, Acknowledgement ack);
}
