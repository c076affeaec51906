package com.replyguard.testing;

import com.replyguard.assessment.CaseSummary;
import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.CustomerReport;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.kpi.Fold;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.CaseIndex;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.Due;
import com.replyguard.ports.DueIndex;
import com.replyguard.ports.HeldIndex;
import com.replyguard.ports.QueueIndex;
import com.replyguard.ports.StoredConversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Fake of the conversation port (same version semantics as the DynamoDB adapter) and of its due-index. */
public final class InMemoryConversationStore implements ConversationStore, DueIndex, QueueIndex,
        CaseIndex, HeldIndex {
    private final Map<String, StoredConversation> items = new ConcurrentHashMap<>();
    private final Map<String, SortedMap<String, CustomerReport>> reports = new ConcurrentHashMap<>();
    public int saves;

    private static String key(MerchantId m, ConversationId c) {
        return m.value() + "#" + c.value();
    }

    @Override
    public Map<ConversationId, StoredConversation> loadAll(MerchantId merchant, Collection<ConversationId> ids) {
        Map<ConversationId, StoredConversation> found = new HashMap<>();
        ids.forEach(id -> load(merchant, id).ifPresent(s -> found.put(id, s)));
        return found;
    }

    @Override
    public Loaded loadWithReports(MerchantId merchant, Collection<ConversationId> ids, Collection<String> customerRefs) {
        Map<String, List<CustomerReport>> found = new HashMap<>();
        for (String ref : customerRefs) {
            var r = reports.get(merchant.value() + "#" + ref);
            if (r != null && !r.isEmpty()) {
                found.put(ref, List.copyOf(r.values()));
            }
        }
        return new Loaded(loadAll(merchant, ids), found);
    }

    @Override
    public void recordReports(MerchantId merchant, String customerRef, Collection<CustomerReport> added) {
        var r = reports.computeIfAbsent(merchant.value() + "#" + customerRef, k -> new ConcurrentSkipListMap<>());
        added.forEach(x -> r.put(x.eventId(), x));
    }

    @Override
    public void forgetReports(MerchantId merchant, String customerRef) {
        reports.remove(merchant.value() + "#" + customerRef);
    }

    @Override
    public Optional<StoredConversation> load(MerchantId merchant, ConversationId id) {
        return Optional.ofNullable(items.get(key(merchant, id)));
    }

    @Override
    public synchronized void save(StoredConversation next, long expectedVersion) {
        String k = key(next.conversation().merchant(), next.conversation().id());
        StoredConversation current = items.get(k);
        long currentVersion = current == null ? 0 : current.version();
        if (currentVersion != expectedVersion) {
            throw new ConcurrentUpdate("expected version " + expectedVersion + " but found " + currentVersion);
        }
        saves++;
        items.put(k, next);
    }

    @Override
    public List<Entry> waiting(MerchantId merchant, Instant since) {
        List<Entry> out = new ArrayList<>();
        for (StoredConversation s : items.values()) {
            if (s.conversation().merchant().equals(merchant) && s.waiting().stream().anyMatch(w -> !w.deadline().isBefore(since))) {
                out.add(new Entry(s.conversation().id(), s.conversation().channel().orElse(null), s.waiting()));
            }
        }
        return out;
    }

    public int size() {
        return items.size();
    }

    /** Every stored conversation (for oracles that recompute from the events). */
    public List<Conversation> all() {
        return items.values().stream().map(StoredConversation::conversation).toList();
    }

    @Override
    public List<Held> heldSince(MerchantId merchant, Instant before, int limit) {
        List<Held> out = new ArrayList<>();
        for (StoredConversation s : items.values()) {
            var c = s.conversation();
            if (c.merchant().equals(merchant) && c.channel().isEmpty() && !c.events().isEmpty()) {
                Instant since = c.events().get(0).occurredAt();
                if (!since.isAfter(before)) {
                    out.add(new Held(c.id(), since, c.events().size()));
                }
            }
        }
        out.sort(Comparator.comparing(Held::since).thenComparing(h -> h.conversationId().value()));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** As the DynamoDB index: by category, subtype, start, conversation; tokens bound to merchant, cycle and filter. */
    @Override
    public CasePage cases(MerchantId merchant, Cycle cycle, AfterSalesCategory.Top category,
            AfterSalesCategory subtype, int limit, String pageToken) {
        String scope = merchant.value() + "|" + cycle + "|" + category + "|" + subtype + "|";
        int from = 0;
        if (pageToken != null) {
            if (!pageToken.startsWith(scope)) {
                throw new BreachStore.InvalidPageToken("nextToken is not one this API issued for this list");
            }
            from = Integer.parseInt(pageToken.substring(scope.length()));
        }
        List<CaseSummary> all = new ArrayList<>();
        for (StoredConversation s : items.values()) {
            if (!s.conversation().merchant().equals(merchant)) {
                continue;
            }
            CaseSummary.of(s.conversation())
                    .filter(c -> c.cycle().equals(cycle))
                    .filter(c -> category == null || c.category().top() == category)
                    .filter(c -> subtype == null || c.category() == subtype)
                    .ifPresent(all::add);
        }
        all.sort(Comparator.comparing((CaseSummary c) -> c.category().top().name())
                .thenComparing(c -> c.category().name()).thenComparing(CaseSummary::start)
                .thenComparing(c -> c.conversationId().value()));
        List<CaseSummary> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        return new CasePage(page, from + limit < all.size() ? scope + (from + limit) : null);
    }

    @Override
    public List<ResponseTimes> responseTimes(MerchantId merchant, Cycle cycle) {
        List<ResponseTimes> out = new ArrayList<>();
        for (StoredConversation s : items.values()) {
            if (s.conversation().merchant().equals(merchant) && s.responseTimes() != null
                    && s.responseTimes().cycle().equals(cycle)) {
                out.add(s.responseTimes());
            }
        }
        return out;
    }

    @Override
    public List<ConversationKpi> kpiChanges(int shard, Instant after, Instant upTo) {
        List<ConversationKpi> out = new ArrayList<>();
        for (StoredConversation s : items.values()) {
            Instant at = s.kpiChangedAt();
            var k = kpiOf(s);
            if (at != null && at.isAfter(after) && !at.isAfter(upTo) && Fold.shardOf(k.key()) == shard) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public List<ConversationKpi> kpiVectors(MerchantId merchant, Cycle cycle) {
        List<ConversationKpi> out = new ArrayList<>();
        for (StoredConversation s : items.values()) {
            if (s.conversation().merchant().equals(merchant) && s.responseTimes() != null
                    && s.responseTimes().cycle().equals(cycle)) {
                out.add(kpiOf(s));
            }
        }
        return out;
    }

    @Override
    public List<ConversationId> ofCustomer(MerchantId merchant, String customerRef, Instant activeSince) {
        List<ConversationId> out = new ArrayList<>();
        for (StoredConversation s : items.values()) {
            var c = s.conversation();
            if (c.merchant().equals(merchant) && c.customerRef().filter(customerRef::equals).isPresent()
                    && c.lastActivity().filter(t -> !t.isBefore(activeSince)).isPresent()) {
                out.add(c.id());
            }
        }
        return out;
    }

    private static ConversationKpi kpiOf(StoredConversation s) {
        return new ConversationKpi(s.conversation().merchant(), s.conversation().id(), s.version(), s.kpi());
    }

    @Override
    public List<Due> dueBetween(Instant from, Instant to) {
        List<Due> due = new ArrayList<>();
        for (StoredConversation s : items.values()) {
            Instant at = s.nextDue();
            if (at != null && !at.isBefore(from) && !at.isAfter(to)) {
                due.add(new Due(s.conversation().merchant(), s.conversation().id(), at));
            }
        }
        return due;
    }
}
