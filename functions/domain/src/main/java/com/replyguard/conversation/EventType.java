package com.replyguard.conversation;

import java.util.Arrays;
import java.util.Optional;

/** The event types of the contract, with their wire names. */
public enum EventType {
    CUSTOMER_MESSAGE("customer.message"),
    /** the customer is handed from the bot to the human queue (转人工): the human clock starts here (R13) */
    TRANSFERRED("conversation.transferred"),
    AGENT_MESSAGE("agent.message"),
    /** host hands a complex live-room question to customer service (R3-R4) */
    HANDOFF("conversation.handoff"),
    /** the case goes to a superior (R12) */
    ESCALATED("conversation.escalated"),
    RESOLVED("conversation.resolved"),
    /**
     * R25: the customer is unhappy with the result and the case is processed again: after a
     * resolution it restarts the RESOLUTION clock and its progress updates (while the case is still
     * being processed it changes nothing)
     */
    REOPENED("conversation.reopened"),
    RATED("conversation.rated"),
    CLASSIFIED("conversation.classified"),
    CLOSED("conversation.closed"),
    /**
     * the merchant reported the customer to the platform (e.g. for abuse): the customer's messages of
     * the 7 days before the report are left out of the reply rates (R13, R14; docs/metrics.md)
     */
    CUSTOMER_REPORTED("customer.reported");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** Actions taken by someone on the merchant's side; they name the agent (contract: agentId). */
    public boolean isAgentAction() {
        return this == AGENT_MESSAGE || this == HANDOFF || this == ESCALATED || this == RESOLVED;
    }
}
