package com.replyguard.merchant;

import com.replyguard.clock.SlaPolicies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every version of a merchant's policy (docs/clocks.md, "Policy versions"): version 0 is the
 * configured one; each change through the policy API adds the next, in force from the instant it was
 * made. Whatever a rule judges, it judges by the version in force when the judged thing started: a
 * clock by the version at its start ({@link SlaPolicies}, urgency of a message by the version at its
 * instant, a platform unit's assessed hours by the version at the unit's start, a breach's
 * responsible agent by the shifts of the version at the clock's start. Discipline thresholds are read
 * from the current version when a standing is reported.
 *
 * <p>Invariant: the same numbering and ordering rules as {@link SlaPolicies}, which this history's
 * SLA part is.
 */
public final class PolicyHistory {
    private final List<PolicyVersion> versions;
    private final SlaPolicies sla;

    public PolicyHistory(List<PolicyVersion> versions) {
        this.versions = List.copyOf(versions);
        List<SlaPolicies.Version> slas = new ArrayList<>();
        this.versions.forEach(v -> slas.add(new SlaPolicies.Version(v.number(), v.effectiveFrom(), v.sla())));
        this.sla = new SlaPolicies(slas); // checks numbering and order
    }

    public static PolicyHistory of(PolicyVersion configured) {
        return new PolicyHistory(List.of(configured));
    }

    /** The version in force at {@code instant}. */
    public PolicyVersion at(Instant instant) {
        return versions.get(sla.at(instant).number());
    }

    /** The latest version. */
    public PolicyVersion current() {
        return versions.get(versions.size() - 1);
    }

    /** A version by number (a clock's policy version); the current one for an unknown number. */
    public PolicyVersion number(int number) {
        return number >= 0 && number < versions.size() ? versions.get(number) : current();
    }

    public List<PolicyVersion> all() {
        return versions;
    }

    /** The SLA part: what clocks and alerts are judged by. */
    public SlaPolicies sla() {
        return sla;
    }

    /** This history with its configured version replaced (the merchants file or table changed), the changes kept. */
    public PolicyHistory withConfigured(PolicyVersion configured) {
        List<PolicyVersion> all = new ArrayList<>(versions);
        all.set(0, configured);
        return new PolicyHistory(all);
    }

    /** These versions and the next one, in force from {@code effectiveFrom}. */
    public PolicyHistory plus(Instant effectiveFrom, PolicyVersion next) {
        List<PolicyVersion> all = new ArrayList<>(versions);
        all.add(new PolicyVersion(versions.size(), effectiveFrom, next.sla(), next.urgency(), next.assessedHours(),
                next.discipline(), next.shifts()));
        return new PolicyHistory(all);
    }
}
