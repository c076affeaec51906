package com.replyguard.ports;

import java.time.Instant;
import java.util.List;

/** Port: the due-index of open clocks, written together with each conversation (its {@code nextDue}). */
public interface DueIndex {
    /** Every entry with {@code from <= dueAt <= to}, across all shards. */
    List<Due> dueBetween(Instant from, Instant to);
}
