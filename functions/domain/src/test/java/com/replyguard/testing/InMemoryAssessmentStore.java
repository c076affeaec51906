package com.replyguard.testing;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.AssessmentStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fake of the assessment port: version-guarded upserts, like the DynamoDB adapter. */
public final class InMemoryAssessmentStore implements AssessmentStore {
    private record Item(long version, CycleContribution contribution) {
    }

    private final Map<String, Map<String, Item>> byCycle = new ConcurrentHashMap<>();
    public int writes;

    @Override
    public synchronized void record(MerchantId merchant, ConversationId conversation, long version, CycleContribution c) {
        Map<String, Item> cycle = byCycle.computeIfAbsent(merchant + "#" + c.cycle(), k -> new ConcurrentHashMap<>());
        Item current = cycle.get(conversation.value());
        writes++;
        if (current == null || current.version() < version) {
            cycle.put(conversation.value(), new Item(version, c));
        }
    }

    @Override
    public List<CycleContribution> contributions(MerchantId merchant, Cycle cycle) {
        return byCycle.getOrDefault(merchant + "#" + cycle, Map.of()).values().stream().map(Item::contribution).toList();
    }
}
