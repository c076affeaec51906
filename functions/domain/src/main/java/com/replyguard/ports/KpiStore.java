package com.replyguard.ports;

import com.replyguard.assessment.Cycle;
import com.replyguard.kpi.ChangedAfterClose;
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

    /**
     * Stores a closed cycle's final figures as their {@code revision}: revision 1 when none are
     * stored, a later one only over the revision before it. Returns the figures stored in the end
     * (another closer's, when it got there first).
     */
    CycleCounters.Frozen freeze(MerchantId merchant, Cycle cycle, CycleCounters.Frozen frozen);

    /** Notes that CycleClosed was published for this revision of the frozen figures (no-op for an older one). */
    void announced(MerchantId merchant, Cycle cycle, int revision);

    /** Notes (or moves later) that counters of a cycle past its close time were changed at {@code change.at()}. */
    void changedAfterClose(ChangedAfterClose change);

    /** Every cycle noted as changed after its close and not re-closed since (rare: read whole). */
    List<ChangedAfterClose> changedAfterClose();

    /** Forgets a note once its cycle is re-closed - unless it was noted again after {@code change.at()}. */
    void reclosed(ChangedAfterClose change);

    /** Records a conversation version the fold set aside (replacing an earlier record of the same conversation). */
    void setAside(SetAside setAside);

    /** Every conversation set aside and not cleared (rare: read whole). */
    List<SetAside> setAside();

    /** Clears the record of a conversation counted since ({@link SetAside#key()}). */
    void clearSetAside(String key);
}
