package com.replyguard.testing;

import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.ports.NotificationSettingsStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Fake notification settings store. */
public final class InMemoryNotificationSettings implements NotificationSettingsStore {
    private final Map<MerchantId, NotificationSettings> settings = new ConcurrentHashMap<>();

    @Override
    public Optional<NotificationSettings> find(MerchantId merchant) {
        return Optional.ofNullable(settings.get(merchant));
    }

    @Override
    public void put(MerchantId merchant, NotificationSettings s, Instant now) {
        settings.put(merchant, s);
    }
}
