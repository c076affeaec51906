package com.replyguard.kpi;

import com.replyguard.clock.ClockType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a KPI counter counts: a closed set of names, each written once here. A name not in the set
 * is refused by the counter-key codec ({@link CounterKey#decode}), so a typo fails loudly instead
 * of reading as zero. The wire names are the stored format of the counters.
 */
public final class Metric implements Comparable<Metric> {
    private static final Map<String, Metric> KNOWN = new LinkedHashMap<>();

    // R13-R15, the platform's units (platform contribution)
    public static final Metric FIRST_REPLY_MET = known("fr.met");
    public static final Metric FIRST_REPLY_LATE = known("fr.late");
    public static final Metric ROUND_MET = known("r3.met");
    public static final Metric ROUND_LATE = known("r3.late");
    public static final Metric SATISFIED = known("sat.met");
    public static final Metric RATED = known("sat.rated");
    // R18, R22, operations (operations contribution)
    public static final Metric CONVERSATIONS_OPERATED = known("op.conv");
    public static final Metric FIRST_RESPONSES = known("op.first.n");
    public static final Metric FIRST_RESPONSE_MILLIS = known("op.first.ms");
    public static final Metric ROUNDS_RECEIVED = known("op.round.recv");
    public static final Metric ROUNDS_ANSWERED = known("op.round.answered");
    public static final Metric ROUNDS_TIMED = known("op.round.n");
    public static final Metric ROUND_MILLIS = known("op.round.ms");
    // R24-R27, after-sales (after-sales contribution)
    public static final Metric CONVERSATIONS = known("conv.n");
    public static final Metric CASES = known("as.n");
    public static final Metric CASES_SUGGESTED = known("as.suggested");
    public static final Metric CASES_RESOLVED = known("as.resolved");
    public static final Metric PROCESSING_MILLIS = known("as.procMs");
    public static final Metric RESOLVED_WITHIN_RETURN_WAIT = known("as.in12h");
    public static final Metric RESOLVED_WITHIN_WARRANTY = known("as.in48h");
    public static final Metric CASES_RATED = known("as.rated");
    public static final Metric CASES_SATISFIED = known("as.sat");
    public static final Metric CASE_STARS = known("as.stars");
    /** R25: cases resolved at least once; of those, cases processed again (at least once), and how many times in all. */
    public static final Metric CASES_RESOLVED_ONCE = known("as.resolvedOnce");
    public static final Metric CASES_REOPENED = known("as.reopened");
    public static final Metric REOPENS = known("as.reopens");

    static {
        // per clock type (R22): clocks started and clocks late
        for (ClockType t : ClockType.values()) {
            known(clockName(t, "n"));
            known(clockName(t, "late"));
        }
    }

    /** The metrics of the platform's three figures (a group has platform units when it has any of them). */
    public static final List<Metric> PLATFORM = List.of(FIRST_REPLY_MET, FIRST_REPLY_LATE, ROUND_MET,
            ROUND_LATE, SATISFIED, RATED);

    private final String wireName;

    private Metric(String wireName) {
        this.wireName = wireName;
    }

    private static Metric known(String name) {
        Metric m = new Metric(name);
        KNOWN.put(name, m);
        return m;
    }

    private static String clockName(ClockType type, String what) {
        return "clk." + type.name() + "." + what;
    }

    /** R22: clocks of this type started. */
    public static Metric clocksStarted(ClockType type) {
        return KNOWN.get(clockName(type, "n"));
    }

    /** R22: clocks of this type answered after their deadline, or unanswered once it passed. */
    public static Metric clocksLate(ClockType type) {
        return KNOWN.get(clockName(type, "late"));
    }

    /** Every known metric, in the order they are declared. */
    public static List<Metric> all() {
        return List.copyOf(KNOWN.values());
    }

    /** The metric of a wire name; empty when the name is not one of the known metrics. */
    public static Optional<Metric> of(String wireName) {
        return Optional.ofNullable(KNOWN.get(wireName));
    }

    /** Whether this metric counts clocks (of any type). */
    public boolean countsClocks() {
        return wireName.startsWith("clk.");
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public int compareTo(Metric o) {
        return wireName.compareTo(o.wireName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metric m && m.wireName.equals(wireName);
    }

    @Override
    public int hashCode() {
        return wireName.hashCode();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
