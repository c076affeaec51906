package com.replyguard.notify;

import com.replyguard.merchant.MerchantId;
import java.time.Instant;

/**
 * Something the notifier tells people: an alert about a clock, or a closed assessment cycle. Its
 * {@code id} is the event id it arrived with, the same for every delivery of the same event, so
 * each (notice, channel) is recorded once.
 */
public sealed interface Notice permits AlertNotice, CycleNotice {
    String id();

    MerchantId merchant();

    NoticeType type();

    /** The instant it is about (an alert's due instant, a cycle's close): what quiet hours look at. */
    Instant at();
}
