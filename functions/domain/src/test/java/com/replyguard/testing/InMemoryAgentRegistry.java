package com.replyguard.testing;

import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.AgentRegistry;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Fake of the agent registry; {@code writes} counts record calls, to see the instance cache work. */
public final class InMemoryAgentRegistry implements AgentRegistry {
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    public int writes;

    @Override
    public synchronized void record(MerchantId merchant, Collection<String> agentIds) {
        writes++;
        agentIds.forEach(a -> known.add(merchant.value() + "#" + a));
    }

    @Override
    public boolean isKnown(MerchantId merchant, String agentId) {
        return known.contains(merchant.value() + "#" + agentId);
    }
}
