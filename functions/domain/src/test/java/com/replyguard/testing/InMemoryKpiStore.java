package com.replyguard.testing;

import com.replyguard.assessment.Cycle;
import com.replyguard.kpi.ChangedAfterClose;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.kpi.CycleCounters;
import com.replyguard.kpi.Fold;
import com.replyguard.kpi.KpiVector;
import com.replyguard.kpi.SetAside;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.KpiStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fake of the KPI store with the DynamoDB adapter's semantics (journal per shard, counter items per
 * merchant × cycle × shard guarded by the last fold sequence), and switches that make the next
 * call fail, to test crashes between writes.
 */
public class InMemoryKpiStore implements KpiStore {
    private final Map<Integer, Fold.State> states = new HashMap<>();
    /** merchant#cycle → shard → counts */
    private final Map<String, Map<Integer, TreeMap<String, Long>>> counters = new HashMap<>();
    private final Map<String, Long> counterSeq = new HashMap<>();
    private final Map<String, ConversationKpi> ledger = new HashMap<>();
    private final Map<String, CycleCounters.Frozen> frozen = new HashMap<>();
    private final Map<String, SetAside> setAside = new TreeMap<>();
    private final Map<String, ChangedAfterClose> changedAfterClose = new TreeMap<>();
    /** Crash injection: the next apply fails after writing the counters, before the ledger. */
    public boolean crashAfterCounters;
    /** Crash injection: the next end fails before removing the journal. */
    public boolean crashBeforeEnd;

    @Override
    public synchronized Fold.State foldState(int shard) {
        return states.getOrDefault(shard, new Fold.State(0, null, null));
    }

    @Override
    public synchronized boolean begin(Fold fold, long expectedSeq) {
        Fold.State s = foldState(fold.shard());
        if (s.seq() != expectedSeq || s.pending() != null) {
            return false;
        }
        states.put(fold.shard(), new Fold.State(fold.seq(), s.countedThrough(), fold));
        return true;
    }

    @Override
    public synchronized void apply(Fold fold) {
        for (Fold.CounterDelta d : fold.counters()) {
            String item = d.merchant().value() + "#" + d.cycle() + "#" + fold.shard();
            if (counterSeq.getOrDefault(item, 0L) >= fold.seq()) {
                continue; // this fold was applied to this counter already
            }
            TreeMap<String, Long> c = counters.computeIfAbsent(d.merchant().value() + "#" + d.cycle(), k -> new HashMap<>())
                    .computeIfAbsent(fold.shard(), k -> new TreeMap<>());
            d.delta().counts().forEach((k, v) -> c.merge(k, v, Long::sum));
            counterSeq.put(item, fold.seq());
        }
        if (crashAfterCounters) {
            crashAfterCounters = false;
            throw new IllegalStateException("injected crash after the counters");
        }
        fold.ledgers().forEach(l -> ledger.put(l.key(), l));
    }

    @Override
    public synchronized void end(Fold fold) {
        if (crashBeforeEnd) {
            crashBeforeEnd = false;
            throw new IllegalStateException("injected crash before ending the fold");
        }
        Fold.State s = foldState(fold.shard());
        if (s.seq() != fold.seq()) {
            return;
        }
        states.put(fold.shard(), new Fold.State(fold.seq(), fold.through() != null ? fold.through() : s.countedThrough(), null));
    }

    @Override
    public synchronized Map<String, ConversationKpi> counted(Collection<ConversationKpi> conversations) {
        Map<String, ConversationKpi> out = new HashMap<>();
        conversations.forEach(c -> Optional.ofNullable(ledger.get(c.key())).ifPresent(l -> out.put(c.key(), l)));
        return out;
    }

    @Override
    public synchronized CycleCounters read(MerchantId merchant, Cycle cycle) {
        TreeMap<String, Long> sum = new TreeMap<>();
        counters.getOrDefault(merchant.value() + "#" + cycle, Map.of()).values()
                .forEach(m -> m.forEach((k, v) -> sum.merge(k, v, Long::sum)));
        Instant through = null;
        for (int s = 0; s < Fold.SHARDS; s++) {
            Instant t = foldState(s).countedThrough();
            if (t == null) {
                through = null;
                break;
            }
            through = through == null || t.isBefore(through) ? t : through;
        }
        return new CycleCounters(new KpiVector(sum), through, Optional.ofNullable(frozen.get(merchant.value() + "#" + cycle)));
    }

    @Override
    public synchronized List<MerchantId> merchants(Cycle cycle) {
        List<MerchantId> out = new ArrayList<>();
        counters.keySet().stream().filter(k -> k.endsWith("#" + cycle)).sorted()
                .forEach(k -> out.add(new MerchantId(k.substring(0, k.lastIndexOf('#')))));
        return out;
    }

    @Override
    public synchronized CycleCounters.Frozen freeze(MerchantId merchant, Cycle cycle, CycleCounters.Frozen f) {
        return frozen.compute(merchant.value() + "#" + cycle, (k, stored) ->
                (stored == null ? 0 : stored.revision()) == f.revision() - 1 ? f : stored);
    }

    @Override
    public synchronized void announced(MerchantId merchant, Cycle cycle, int revision) {
        frozen.computeIfPresent(merchant.value() + "#" + cycle, (k, f) -> f.revision() != revision ? f
                : new CycleCounters.Frozen(f.closedAt(), f.counts(), true, f.revision()));
    }

    @Override
    public synchronized void changedAfterClose(ChangedAfterClose change) {
        changedAfterClose.merge(change.key(), change, (a, b) -> a.at().isAfter(b.at()) ? a : b);
    }

    @Override
    public synchronized List<ChangedAfterClose> changedAfterClose() {
        return new ArrayList<>(changedAfterClose.values());
    }

    @Override
    public synchronized void reclosed(ChangedAfterClose change) {
        changedAfterClose.computeIfPresent(change.key(), (k, noted) -> noted.at().isAfter(change.at()) ? noted : null);
    }

    @Override
    public synchronized void setAside(SetAside s) {
        setAside.put(s.key(), s);
    }

    @Override
    public synchronized List<SetAside> setAside() {
        return new ArrayList<>(setAside.values());
    }

    @Override
    public synchronized void clearSetAside(String key) {
        setAside.remove(key);
    }
}
