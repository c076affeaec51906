package com.replyguard.testing;

import com.replyguard.assessment.Cycle;
import com.replyguard.breach.Breach;
import com.replyguard.breach.BreachPage;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.BreachStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Fake of the breach port: first detectedAt kept, stale versions ignored, retraction hides. */
public final class InMemoryBreachStore implements BreachStore {
    private record Item(long version, Breach breach, boolean active) {
    }

    private final Map<String, Item> items = new ConcurrentHashMap<>();

    @Override
    public synchronized void record(Breach breach, long version) {
        String k = breach.merchant() + "#" + breach.breachId();
        Item current = items.get(k);
        if (current != null && current.version() >= version) {
            return;
        }
        Instant detected = current == null ? breach.detectedAt() : current.breach().detectedAt();
        Breach.Excuse excuse = current == null ? null : current.breach().excuse();
        items.put(k, new Item(version, new Breach(breach.breachId(), breach.merchant(), breach.conversationId(),
                breach.clock(), detected, breach.responsibleAgentId(), excuse), true));
    }

    @Override
    public synchronized void retract(MerchantId merchant, String breachId, long version) {
        String k = merchant + "#" + breachId;
        Item current = items.get(k);
        if (current != null && current.version() < version) {
            items.put(k, new Item(version, current.breach(), false));
        }
    }

    @Override
    public BreachPage list(MerchantId merchant, Instant from, Instant to, int limit, String pageToken) {
        List<Breach> all = new ArrayList<>(items.values().stream().filter(Item::active).map(Item::breach)
                .filter(b -> b.merchant().equals(merchant))
                .filter(b -> from == null || !b.deadline().isBefore(from))
                .filter(b -> to == null || !b.deadline().isAfter(to))
                .sorted(Comparator.comparing(Breach::deadline).thenComparing(Breach::breachId)).toList());
        int start;
        try {
            start = pageToken == null ? 0 : Integer.parseInt(pageToken);
        } catch (NumberFormatException e) {
            throw new InvalidPageToken("nextToken is not one this API issued");
        }
        int end = Math.min(all.size(), start + limit);
        return new BreachPage(all.subList(start, end), end < all.size() ? Integer.toString(end) : null);
    }

    @Override
    public Optional<Breach> find(MerchantId merchant, String breachId) {
        Item i = items.get(merchant + "#" + breachId);
        return i == null || !i.active() ? Optional.empty() : Optional.of(i.breach());
    }

    @Override
    public synchronized void excuse(MerchantId merchant, String breachId, Breach.Excuse excuse) {
        Item i = items.get(merchant + "#" + breachId);
        if (i == null || !i.active() || i.breach().isExcused()) {
            return;
        }
        Breach b = i.breach();
        items.put(merchant + "#" + breachId, new Item(i.version(), new Breach(b.breachId(), b.merchant(), b.conversationId(),
                b.clock(), b.detectedAt(), b.responsibleAgentId(), excuse), true));
    }

    @Override
    public List<Breach> ofAgent(MerchantId merchant, String agentId, Cycle cycle) {
        return active(merchant).stream().filter(b -> agentId.equals(b.responsibleAgentId()))
                .filter(b -> Cycle.containing(b.clock().start()).equals(cycle)).toList();
    }

    private record Complaint(long version, String agentId, Instant at) {
    }

    private final Map<String, Complaint> complaints = new ConcurrentHashMap<>();

    @Override
    public synchronized void recordComplaint(MerchantId merchant, ConversationId conversation,
            String agentId, Instant at, long version) {
        String k = merchant + "#" + conversation.value();
        Complaint current = complaints.get(k);
        if (current == null || current.version() < version) {
            complaints.put(k, new Complaint(version, agentId, at));
        }
    }

    @Override
    public int complaintsAgainst(MerchantId merchant, String agentId, Cycle cycle) {
        return (int) complaints.entrySet().stream().filter(e -> e.getKey().startsWith(merchant + "#"))
                .map(Map.Entry::getValue).filter(c -> agentId.equals(c.agentId()))
                .filter(c -> Cycle.containing(c.at()).equals(cycle)).count();
    }

    public List<Breach> active(MerchantId merchant) {
        return list(merchant, null, null, Integer.MAX_VALUE, null).breaches();
    }
}
