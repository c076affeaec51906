package com.replyguard.alert;

import com.replyguard.clock.SlaClock;
import com.replyguard.clock.SlaPolicies;
import com.replyguard.clock.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every alert a conversation's clocks owe, with its instant: the warning at the policy's share of
 * the target (default 80%), level 1 the first instant after the deadline (an answer at the deadline
 * is in time), levels 2-4 the configured delays after that.
 * An alert is owed only if the clock was still unanswered at its instant, so an answer stops the
 * ladder. The plan depends on the events and the policy, not on the time it is read at.
 */
public final class AlertPlan {
    /** Alerts more than this late when first found (back-filled history, an outage) are recorded, not sent. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(15);
    /** How long after its deadline a clock counts as breached (the clocks' resolution). */
    public static final Duration BREACH_AFTER = Duration.ofMillis(1);

    private final List<Alert> alerts;

    private AlertPlan(List<Alert> alerts) {
        this.alerts = List.copyOf(alerts);
    }

    /** Under one policy for every clock (a merchant that never changed its policy). */
    public static AlertPlan of(Collection<SlaClock> clocks, SlaPolicy policy) {
        return of(clocks, SlaPolicies.of(policy));
    }

    /** Each clock's warning share and ladder are those of the policy version that judged it (in force at its start). */
    public static AlertPlan of(Collection<SlaClock> clocks, SlaPolicies policies) {
        List<Alert> alerts = new ArrayList<>();
        for (SlaClock c : clocks) {
            SlaPolicy policy = policies.number(c.policyVersion()).policy();
            // the warning share is of the clock's own time: wall time, or business time for a clock paused out of hours
            Instant riskAt;
            if (policy.pausedOutOfHours().contains(c.type())) {
                long targetMillis = policy.target(c.type(), c.channel(), c.urgent()).toMillis();
                riskAt = policy.after(c.type(), c.start(), Duration.ofMillis(Math.round(targetMillis * policy.warningShare())));
                if (riskAt.isAfter(c.deadline())) {
                    riskAt = c.deadline();
                }
            } else {
                riskAt = c.start().plusMillis(Math.round(c.target().toMillis() * policy.warningShare()));
            }
            if (policy.warningShare() > 0 && unansweredAt(c, riskAt)) {
                alerts.add(new Alert(Alert.Kind.AT_RISK, 0, c, riskAt));
            }
            List<Duration> delays = policy.escalationDelays();
            // an answer at the deadline itself is in time: the breach is the first instant after it
            Instant breachAt = c.deadline().plus(BREACH_AFTER);
            for (int i = 0; i < delays.size(); i++) {
                Instant at = breachAt.plus(delays.get(i));
                // level 1 is the breach itself: owed when the answer came after the deadline or never
                boolean owed = i == 0 ? c.answeredAt() == null || c.answeredAt().isAfter(c.deadline()) : unansweredAt(c, at);
                if (owed) {
                    alerts.add(new Alert(i == 0 ? Alert.Kind.BREACHED : Alert.Kind.ESCALATED, i + 1, c, at));
                }
            }
        }
        alerts.sort(Comparator.comparing(Alert::dueAt).thenComparing(Alert::key));
        return new AlertPlan(alerts);
    }

    private static boolean unansweredAt(SlaClock c, Instant at) {
        return c.answeredAt() == null || c.answeredAt().isAfter(at);
    }

    public List<Alert> all() {
        return alerts;
    }

    /** Alerts due by {@code now} that are not in {@code done} (published or recorded as stale). */
    public List<Alert> dueBy(Instant now, Set<String> done) {
        return alerts.stream().filter(a -> !a.dueAt().isAfter(now)).filter(a -> !done.contains(a.key())).toList();
    }

    /** The earliest instant of an alert not yet done; empty when nothing more can come. */
    public Optional<Instant> next(Set<String> done) {
        return alerts.stream().filter(a -> !done.contains(a.key())).map(Alert::dueAt).min(Comparator.naturalOrder());
    }

    /**
     * The keys of the alerts of one clock that come after ladder level {@code level} (0: the warning,
     * so everything from the breach on): what an excuse (from level 0) or an acknowledgement of the
     * alert at that level stops.
     */
    public Set<String> ladderAfter(String clockKey, int level) {
        return alerts.stream().filter(a -> a.clock().key().equals(clockKey) && a.level() > level).map(Alert::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public static boolean isStale(Alert a, Instant now) {
        return a.dueAt().isBefore(now.minus(STALE_AFTER));
    }
}
