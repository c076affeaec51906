package com.replyguard.kpi;

import com.replyguard.assessment.Cycle;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.List;

/**
 * One step of counting in a shard, written as a journal before it is applied, so that a crash at
 * any point is finished by the next fold instead of losing or doubling counts: the deltas to add to
 * counters (applied once each, guarded by {@code seq}), the conversations' vectors now counted (the
 * ledger) and {@code through}, the instant up to which every change of the shard is then counted
 * (null: unchanged, for a catch-up fold).
 */
public record Fold(int shard, long seq, Instant through, List<CounterDelta> counters, List<ConversationKpi> ledgers) {
    /** Shards of the change feed; each is folded by one folder at a time. */
    public static final int SHARDS = 4;

    /** The shard of a conversation ({@link ConversationKpi#key()}): stable, spread evenly. */
    public static int shardOf(String conversationKey) {
        return Math.floorMod(conversationKey.hashCode(), SHARDS);
    }

    public Fold {
        counters = List.copyOf(counters);
        ledgers = List.copyOf(ledgers);
    }

    /** What one fold adds to the counters of one merchant's cycle. */
    public record CounterDelta(MerchantId merchant, Cycle cycle, KpiVector delta) {
    }

    /** A shard's counting position: the last fold's sequence number, its watermark, and a fold begun but not ended. */
    public record State(long seq, Instant countedThrough, Fold pending) {
    }
}
