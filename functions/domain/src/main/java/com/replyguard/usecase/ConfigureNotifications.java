package com.replyguard.usecase;

import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.OutboundUrls;
import com.replyguard.ports.HostResolver;
import com.replyguard.ports.NotificationSettingsStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Use case: a supervisor replaces the merchant's notification settings ({@code PUT /notifications}).
 * A channel sent without its URL or secret (as {@code GET} shows them: masked) keeps the stored
 * ones of the channel with the same id and kind. Refused settings list every problem and change
 * nothing. {@code allowLoopback}: the local runner's explicit flag, never a default.
 */
public final class ConfigureNotifications {
    private final NotificationSettingsStore store;
    private final HostResolver resolver;
    private final boolean allowLoopback;
    private final Clock clock;

    public ConfigureNotifications(NotificationSettingsStore store, HostResolver resolver, boolean allowLoopback, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.resolver = Objects.requireNonNull(resolver);
        this.allowLoopback = allowLoopback;
        this.clock = Objects.requireNonNull(clock);
    }

    /** Settings refused, with every problem ("field message"). */
    public static final class Refused extends RuntimeException {
        private final List<String> problems;

        public Refused(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public NotificationSettings current(MerchantId merchant) {
        return store.find(merchant).orElse(NotificationSettings.NONE);
    }

    /** {@code dropSecrets}: ids of channels whose secret is to be removed (sent as an explicit null). */
    public NotificationSettings replace(MerchantId merchant, NotificationSettings incoming, Set<String> dropSecrets) {
        NotificationSettings stored = current(merchant);
        List<NotifyChannel> channels = new ArrayList<>();
        for (NotifyChannel c : incoming.channels()) {
            NotifyChannel same = stored.channel(c.id()).filter(old -> old.kind() == c.kind()).orElse(null);
            NotifyChannel kept = same == null ? c : c.keepingCredentialsOf(same);
            channels.add(dropSecrets.contains(c.id())
                    ? new NotifyChannel(kept.id(), kept.kind(), kept.url(), null, kept.keyword(), kept.perMinute()) : kept);
        }
        NotificationSettings merged = new NotificationSettings(incoming.language(), incoming.consoleUrl(), channels,
                incoming.routes(), incoming.people());
        List<String> problems = new ArrayList<>(merged.problems(allowLoopback));
        for (int i = 0; i < channels.size(); i++) {
            NotifyChannel c = channels.get(i);
            if (!c.kind().isRobot() && OutboundUrls.problems(c.kind(), c.url(), allowLoopback).isEmpty()) {
                String at = "channels[" + i + "].url ";
                OutboundUrls.problems(c.kind(), c.url(), allowLoopback, resolver).forEach(m -> problems.add(at + m));
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        store.put(merchant, merged, clock.instant());
        return merged;
    }
}
