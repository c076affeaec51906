package com.replyguard.ports;

import com.replyguard.assessment.Cycle;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.kpi.CycleCounters;
import com.replyguard.kpi.Fold;
import com.replyguard.kpi.SetAside;
import com.replyguard.merchant.MerchantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: KPI counters per merchant × cycle × dimension (architecture: "counters by merchant, cycle
 * and dimension"), the ledger of what each conversation has added to them, and each shard's fold
 * journal. Single-item conditional writes only.
 */
public interface KpiStore {

    Fold.State foldState(int shard);

    /**
     * Records {@code fold} as the shard's journal if its state is still {@code expectedSeq} with no
     * fold pending; false when another folder got there first (nothing written).
     */
    boolean begin(Fold fold, long expectedSeq);

    /** Adds the fold's deltas to the counters (each counter at most once per fold) and writes its ledger; repeatable. */
    void apply(Fold fold);

    /** Ends the fold: removes the journal and moves the shard's watermark to {@code fold.through()} if set. */
    void end(Fold fold);

    /** The ledger entries of these conversations (what is counted for each), keyed by {@link ConversationKpi#key()}. */
    Map<String, ConversationKpi> counted(Collection<ConversationKpi> conversations);

    /** One merchant's counters for a cycle: a constant number of reads, whatever the number of conversations. */
    CycleCounters read(MerchantId merchant, Cycle cycle);

    /** The merchants with counters in a cycle (for the daily and closing jobs). */
    List<MerchantId> merchants(Cycle cycle);

    /** Stores a closed cycle's final figures unless some are stored already; returns those that are stored. */
    CycleCounters.Frozen freeze(MerchantId merchant, Cycle cycle, CycleCounters.Frozen frozen);

    /** Notes that CycleClosed was published for the frozen figures. */
    void announced(MerchantId merchant, Cycle cycle);

    /** Records a conversation version the fold set aside (replacing an earlier record of the same conversation). */
    void setAside(SetAside setAside);

    /** Every conversation set aside and not cleared (rare: read whole). */
    List<SetAside> setAside();

    /** Clears the record of a conversation counted since ({@link SetAside#key()}). */
    void clearSetAside(String key);
}
