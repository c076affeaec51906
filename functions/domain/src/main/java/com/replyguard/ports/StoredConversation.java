package com.replyguard.ports;

import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.Conversation;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A conversation as stored, with its optimistic-lock {@code version} and the bookkeeping that
 * lets projections (breaches, cycle contributions) be repaired after a crash: the breach clock
 * keys recorded as active at this version, every breach clock key ever recorded, and every cycle
 * a contribution was ever written to. The "ever" sets only grow.
 */
public record StoredConversation(Conversation conversation, long version, SortedSet<String> activeBreachKeys,
        SortedSet<String> knownBreachKeys, SortedSet<Cycle> knownCycles) {

    public StoredConversation {
        activeBreachKeys = new TreeSet<>(activeBreachKeys);
        knownBreachKeys = new TreeSet<>(knownBreachKeys);
        knownCycles = new TreeSet<>(knownCycles);
    }

    public static StoredConversation fresh(Conversation conversation) {
        return new StoredConversation(conversation, 0, new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
    }

    public StoredConversation withVersion(long newVersion) {
        return new StoredConversation(conversation, newVersion, activeBreachKeys, knownBreachKeys, knownCycles);
    }

    public boolean isNew() {
        return version == 0;
    }

    public static SortedSet<String> union(Set<String> a, Set<String> b) {
        SortedSet<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }
}
