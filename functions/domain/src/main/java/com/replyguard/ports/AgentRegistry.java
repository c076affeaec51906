package com.replyguard.ports;

import com.replyguard.merchant.MerchantId;
import java.util.Collection;

/**
 * Port: the agents a merchant's events have named (an agent's message, handoff, escalation or
 * resolution, or the agent a conversation was addressed to), so a report about an agent never seen
 * answers "not found" instead of a spotless record. Recording is idempotent.
 */
public interface AgentRegistry {
    /** Records nothing (a fake for tests that do not look agents up). */
    AgentRegistry NONE = new AgentRegistry() {
        @Override
        public void record(MerchantId merchant, Collection<String> agentIds) {
        }

        @Override
        public boolean isKnown(MerchantId merchant, String agentId) {
            return false;
        }
    };

    void record(MerchantId merchant, Collection<String> agentIds);

    boolean isKnown(MerchantId merchant, String agentId);
}
