package com.replyguard.ports;

import com.replyguard.conversation.Channel;
import com.replyguard.conversation.ConversationId;
import com.replyguard.merchant.MerchantId;
import com.replyguard.queue.WaitingClock;
import java.time.Instant;
import java.util.List;

/**
 * Port: the live queue's index - the merchant's conversations with a clock the customer still waits
 * on, written with each conversation (its {@code waiting} clocks). Only conversations whose latest
 * waiting deadline is at or after {@code since} are read, so what a read costs depends on what is
 * open now, never on the merchant's history.
 */
public interface QueueIndex {
    record Entry(ConversationId conversationId, Channel channel, List<WaitingClock> waiting) {
        public Entry {
            waiting = List.copyOf(waiting);
        }
    }

    List<Entry> waiting(MerchantId merchant, Instant since);
}
