package com.replyguard.ports;

import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.NotificationSettings;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: each merchant's notification settings. Robot URLs and signing secrets are kept as secrets
 * (Secrets Manager in AWS); empty means "none configured", never an outage (which throws).
 */
public interface NotificationSettingsStore {
    Optional<NotificationSettings> find(MerchantId merchant);

    /** Replaces the merchant's settings (already validated); later reads see them at once in this instance. */
    void put(MerchantId merchant, NotificationSettings settings, Instant now);
}
