package com.replyguard.conversation;

import java.time.Instant;

/**
 * R14 (contract: reply3Min): a round starts at a customer message (at or after the human clock
 * start) when no earlier one is waiting for a human reply; later messages before the reply join
 * it; a human agent message at or after its start ends it. {@code answeredAt} is null while open.
 */
public record Round(Instant start, String startEventId, int customerMessages, Instant answeredAt, String answerEventId,
        String answeringAgentId) {

    public boolean isOpen() {
        return answeredAt == null;
    }
}
