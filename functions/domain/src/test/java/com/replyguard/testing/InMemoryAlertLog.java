package com.replyguard.testing;

import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.Acknowledgement;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.AlertPage;
import com.replyguard.notify.AlertRecord;
import com.replyguard.notify.ChannelState;
import com.replyguard.notify.Delivery;
import com.replyguard.ports.AlertLog;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.DeliveryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fake alerts table: the alert log, the deliveries and the channels' states, with the adapter's conditional semantics. */
public final class InMemoryAlertLog implements AlertLog, DeliveryStore {
    private record Stored(AlertNotice notice, List<String> channels, Acknowledgement ack) {
    }

    private final Map<String, Stored> alerts = new HashMap<>();
    private final Map<String, Delivery> deliveries = new HashMap<>();
    private final Map<String, ChannelState> channels = new HashMap<>();
    /** Every delivery state written, in order (for tests that follow a delivery's life). */
    public final List<Delivery> writes = new ArrayList<>();

    private static String key(MerchantId m, String a) {
        return m.value() + "#" + a;
    }

    @Override
    public synchronized void record(AlertNotice alert, List<String> channelIds, Instant now) {
        alerts.putIfAbsent(key(alert.merchant(), alert.id()), new Stored(alert, List.copyOf(channelIds), null));
    }

    private AlertRecord toRecord(MerchantId m, Stored s) {
        List<Delivery> ds = new ArrayList<>();
        for (String c : s.channels()) {
            Delivery d = deliveries.get(key(m, s.notice().id()) + "#" + c);
            if (d != null) {
                ds.add(d);
            }
        }
        return new AlertRecord(s.notice(), ds, s.ack());
    }

    @Override
    public synchronized Optional<AlertRecord> find(MerchantId merchant, String alertId) {
        Stored s = alerts.get(key(merchant, alertId));
        return s == null ? Optional.empty() : Optional.of(toRecord(merchant, s));
    }

    @Override
    public synchronized AlertPage list(MerchantId merchant, Instant from, Instant to, int limit, String pageToken) {
        List<AlertRecord> all = alerts.values().stream().filter(s -> s.notice().merchant().equals(merchant))
                .filter(s -> (from == null || !s.notice().dueAt().isBefore(from)) && (to == null || !s.notice().dueAt().isAfter(to)))
                .sorted(Comparator.comparing((Stored s) -> s.notice().dueAt()).thenComparing(s -> s.notice().id()))
                .map(s -> toRecord(merchant, s)).toList();
        int start;
        try {
            start = pageToken == null ? 0 : Integer.parseInt(pageToken);
        } catch (NumberFormatException e) {
            // as the DynamoDB log: a token it did not issue is refused, never followed
            throw new BreachStore.InvalidPageToken("nextToken is not one this API issued");
        }
        int end = Math.min(all.size(), start + limit);
        return new AlertPage(all.subList(start, end), end < all.size() ? Integer.toString(end) : null);
    }

    @Override
    public synchronized List<AlertRecord> ofConversation(MerchantId merchant, String conversationId) {
        return alerts.values().stream().filter(s -> s.notice().merchant().equals(merchant)
                && s.notice().conversationId().equals(conversationId))
                .sorted(Comparator.comparing((Stored s) -> s.notice().dueAt())).map(s -> toRecord(merchant, s)).toList();
    }

    @Override
    public synchronized boolean acknowledge(MerchantId merchant, String alertId, Acknowledgement ack) {
        Stored s = alerts.get(key(merchant, alertId));
        if (s == null || s.ack() != null) {
            return false;
        }
        alerts.put(key(merchant, alertId), new Stored(s.notice(), s.channels(), ack));
        return true;
    }

    @Override
    public synchronized Delivery enqueue(MerchantId merchant, Delivery d) {
        Delivery existing = deliveries.putIfAbsent(key(merchant, d.noticeId()) + "#" + d.channelId(), d);
        if (existing == null) {
            writes.add(d);
        }
        return existing == null ? d : existing;
    }

    @Override
    public synchronized Optional<Delivery> find(MerchantId merchant, String noticeId, String channelId) {
        return Optional.ofNullable(deliveries.get(key(merchant, noticeId) + "#" + channelId));
    }

    @Override
    public synchronized List<Delivery> waiting(MerchantId merchant, String channelId, int limit) {
        return deliveries.entrySet().stream().filter(e -> e.getKey().startsWith(merchant.value() + "#"))
                .map(Map.Entry::getValue).filter(d -> d.channelId().equals(channelId) && !d.isFinal())
                .sorted(Comparator.comparing(Delivery::queuedAt).thenComparing(Delivery::noticeId)).limit(limit).toList();
    }

    @Override
    public synchronized boolean update(MerchantId merchant, Delivery d) {
        String k = key(merchant, d.noticeId()) + "#" + d.channelId();
        Delivery stored = deliveries.get(k);
        if (stored == null || stored.isFinal()) {
            return false;
        }
        deliveries.put(k, d);
        writes.add(d);
        return true;
    }

    @Override
    public synchronized Optional<ChannelState> channel(MerchantId merchant, String channelId) {
        return Optional.ofNullable(channels.get(key(merchant, channelId)));
    }

    @Override
    public synchronized boolean replace(MerchantId merchant, String channelId, ChannelState expected, ChannelState next) {
        ChannelState current = channels.get(key(merchant, channelId));
        boolean matches = expected == null ? current == null : current != null && current.version() == expected.version();
        if (matches) {
            channels.put(key(merchant, channelId), next);
        }
        return matches;
    }

    public synchronized List<Delivery> deliveries() {
        return new ArrayList<>(deliveries.values());
    }
}
