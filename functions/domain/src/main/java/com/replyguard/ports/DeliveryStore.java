package com.replyguard.ports;

import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.ChannelState;
import com.replyguard.notify.Delivery;
import java.util.List;
import java.util.Optional;

/**
 * Port: the deliveries of notices to channels, and each channel's shared sending state - the same
 * for every notifier instance (DynamoDB in AWS). Every write is conditional, so repeated and
 * concurrent invocations never create a pair twice, never overwrite a final state, and never both
 * hold a channel.
 */
public interface DeliveryStore {
    /** Creates the delivery unless the pair exists; answers what is stored (the existing one on a repeat). */
    Delivery enqueue(MerchantId merchant, Delivery delivery);

    Optional<Delivery> find(MerchantId merchant, String noticeId, String channelId);

    /** The channel's deliveries not yet final, oldest first, read consistently (at most {@code limit}). */
    List<Delivery> waiting(MerchantId merchant, String channelId, int limit);

    /**
     * Stores a new state of a delivery unless the stored one is final already (a final state is never
     * overwritten); false then.
     */
    boolean update(MerchantId merchant, Delivery delivery);

    /** {@link #update} of each, in any order (a digest's entries: an adapter may write them in parallel). */
    default void updateAll(MerchantId merchant, List<Delivery> deliveries) {
        deliveries.forEach(d -> update(merchant, d));
    }

    /** The channel's sending state; empty when nothing was ever sent there. */
    Optional<ChannelState> channel(MerchantId merchant, String channelId);

    /**
     * Replaces the channel's state if it is still {@code expected} (null: there was none); false when
     * another sender changed it first.
     */
    boolean replace(MerchantId merchant, String channelId, ChannelState expected, ChannelState next);
}
