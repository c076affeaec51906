package com.replyguard.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A merchant's SLA policies over time. Version 0 is the configured policy, in force before the
 * first change; every change through the policy API adds the next version, in force from the
 * instant it was made until the next one. A clock is judged by the version in force at its start -
 * so changing a target never rewrites the judgement of a clock that had already started, back-filled
 * history is judged by the targets of its own time, and every clock names the version that judged it.
 *
 * <p>Invariant: versions are numbered 0, 1, 2 … in order; version 0 has no start, each later one
 * starts no earlier than the one before.
 */
public final class SlaPolicies {
    /** One version: its number, the instant it took effect (null for version 0: always before the first change). */
    public record Version(int number, Instant effectiveFrom, SlaPolicy policy) {
        public Version {
            Objects.requireNonNull(policy, "policy");
            if (number == 0 ? effectiveFrom != null : effectiveFrom == null) {
                throw new IllegalArgumentException("version 0, and only it, has no effective instant");
            }
        }
    }

    private final List<Version> versions;

    public SlaPolicies(List<Version> versions) {
        this.versions = List.copyOf(versions);
        if (this.versions.isEmpty()) {
            throw new IllegalArgumentException("a merchant has at least its configured policy (version 0)");
        }
        for (int i = 0; i < this.versions.size(); i++) {
            Version v = this.versions.get(i);
            if (v.number() != i) {
                throw new IllegalArgumentException("policy versions must be numbered 0, 1, 2 … in order (got " + v.number()
                        + " at position " + i + ")");
            }
            if (i > 1 && v.effectiveFrom().isBefore(this.versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("policy version " + i + " takes effect before version " + (i - 1));
            }
        }
    }

    /** Only the configured policy (no change was ever made). */
    public static SlaPolicies of(SlaPolicy only) {
        return new SlaPolicies(List.of(new Version(0, null, only)));
    }

    /** The version in force at {@code instant}: the latest whose effective instant is at or before it. */
    public Version at(Instant instant) {
        Version found = versions.get(0);
        for (int i = 1; i < versions.size() && !versions.get(i).effectiveFrom().isAfter(instant); i++) {
            found = versions.get(i);
        }
        return found;
    }

    /** A version by number (a clock's {@link SlaClock#policyVersion()}); the current one for an unknown number. */
    public Version number(int number) {
        return number >= 0 && number < versions.size() ? versions.get(number) : current();
    }

    /** The latest version: what clocks starting from now are judged by. */
    public Version current() {
        return versions.get(versions.size() - 1);
    }

    public List<Version> all() {
        return versions;
    }

    /** These versions and one more, in force from {@code effectiveFrom}. */
    public SlaPolicies plus(Instant effectiveFrom, SlaPolicy next) {
        List<Version> all = new ArrayList<>(versions);
        all.add(new Version(versions.size(), effectiveFrom, next));
        return new SlaPolicies(all);
    }
}
