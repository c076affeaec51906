package com.replyguard.kpi;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.assessment.PlatformAssessment;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.clock.SlaClock;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.merchant.AssessedHours;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one conversation adds to the KPI counters: a sparse map of counter keys to counts, a pure
 * function of the conversation's events (never of the time it is computed at), so that counters
 * built by adding vectors equal a recomputation from the stored conversations, to the unit.
 *
 * <p>A key is {@code cycle|dimension|metric}, optionally followed by {@code @epochMillis}: such a
 * count adds to {@code metric} only once the instant has passed (a unit still open, which counts as
 * missed after its limit, exactly like {@link com.replyguard.assessment.KpiReport.Tally}).
 * Dimensions: {@code all}, {@code channel:<CHANNEL>}, {@code category:<CATEGORY>} (R24 top-level
 * category of the latest classification, {@code -} when unclassified) and {@code agent:<id>} (the
 * agent who gave the first human reply, {@code -} while there is none). Metrics (R13-R15):
 * {@code fr.met}, {@code fr.late}, {@code r3.met}, {@code r3.late}, {@code sat.met}, {@code sat.rated}.
 */
public record KpiVector(SortedMap<String, Long> counts) {
    public static final String ALL = "all";
    public static final List<String> METRICS = List.of("fr.met", "fr.late", "r3.met", "r3.late", "sat.met", "sat.rated");

    public KpiVector {
        TreeMap<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (v != 0) {
                copy.put(k, v);
            }
        });
        counts = Collections.unmodifiableSortedMap(copy);
    }

    public static KpiVector empty() {
        return new KpiVector(new TreeMap<>());
    }

    public static KpiVector of(Conversation conversation, AssessedHours hours) {
        return of(conversation, hours, List.of());
    }

    /** With the conversation's SLA clocks, for the timeout rates per clock (R22). */
    public static KpiVector of(Conversation conversation, AssessedHours hours, List<SlaClock> clocks) {
        return of(conversation, at -> hours, clocks);
    }

    /** With the assessed hours in force at each unit's start; clocks counted for the first replier. */
    public static KpiVector of(Conversation conversation, java.util.function.Function<Instant, AssessedHours> hoursAt,
            List<SlaClock> clocks) {
        String first = firstReplier(conversation);
        return of(conversation, hoursAt, clocks, k -> "-".equals(first) ? null : first);
    }

    /**
     * With the assessed hours in force at each unit's start (the merchant's policy version then), and
     * each clock counted for the agent who owed its answer ({@code ownerOf}, null: nobody;
     * {@code discipline.Attribution}), as discipline holds its breach.
     */
    public static KpiVector of(Conversation conversation, java.util.function.Function<Instant, AssessedHours> hoursAt,
            List<SlaClock> clocks, java.util.function.Function<SlaClock, String> ownerOf) {
        Map<Cycle, CycleContribution> platform = PlatformAssessment.of(conversation, hoursAt);
        TreeMap<String, Long> counts = new TreeMap<>();
        afterSales(conversation, counts);
        operations(conversation, clocks, ownerOf, counts);
        if (platform.isEmpty()) {
            return new KpiVector(counts);
        }
        List<String> dims = dimensions(conversation);
        for (CycleContribution c : platform.values()) {
            for (String dim : dims) {
                String p = c.cycle() + "|" + dim + "|";
                add(counts, p + "fr.met", c.firstReplyMet());
                add(counts, p + "fr.late", c.firstReplyLate());
                if (c.firstReplyOpenDeadline() != null) {
                    add(counts, p + "fr.late@" + c.firstReplyOpenDeadline().toEpochMilli(), 1);
                }
                add(counts, p + "r3.met", c.roundsMet());
                add(counts, p + "r3.late", c.roundsLate());
                if (c.roundOpenDeadline() != null) {
                    add(counts, p + "r3.late@" + c.roundOpenDeadline().toEpochMilli(), 1);
                }
                add(counts, p + "sat.met", c.satisfied());
                add(counts, p + "sat.rated", c.rated());
            }
        }
        return new KpiVector(counts);
    }

    /** Hours within which a return or exchange should be settled on average (R27). */
    public static final java.time.Duration RETURN_WAIT_TARGET = java.time.Duration.ofHours(12);
    /** Hours within which 90% of warranty (product quality) cases must be completed (R27). */
    public static final java.time.Duration WARRANTY_LIMIT = java.time.Duration.ofHours(48);

    /**
     * R24-R27 in the cycle of the human clock start, every channel: {@code all|conv.n} (the
     * conversations: the denominator of incidence and complaint rates) and, for a case, under
     * {@code case:<SUBTYPE>}: {@code as.n}, {@code as.suggested} (not classified by a manager),
     * {@code as.resolved}, {@code as.procMs} (human clock start to the last resolution),
     * {@code as.in12h}, {@code as.in48h} (resolved within), {@code as.rated}, {@code as.sat} (4-5
     * stars), {@code as.stars} (sum of stars).
     */
    private static void afterSales(Conversation c, Map<String, Long> counts) {
        Optional<Instant> hcs = c.humanClockStart();
        if (hcs.isEmpty() || c.channel().isEmpty()) {
            return;
        }
        Cycle cycle = Cycle.containing(hcs.get());
        add(counts, cycle + "|" + ALL + "|conv.n", 1);
        Optional<Conversation.AfterSalesCase> kase = c.afterSalesCase();
        if (kase.isEmpty()) {
            return;
        }
        String p = cycle + "|case:" + kase.get().category().name() + "|";
        add(counts, p + "as.n", 1);
        add(counts, p + "as.suggested", kase.get().suggested() ? 1 : 0);
        Optional<Instant> resolved = c.lastResolved().filter(t -> !t.isBefore(hcs.get()));
        if (resolved.isPresent()) {
            java.time.Duration took = java.time.Duration.between(hcs.get(), resolved.get());
            add(counts, p + "as.resolved", 1);
            add(counts, p + "as.procMs", took.toMillis());
            add(counts, p + "as.in12h", took.compareTo(RETURN_WAIT_TARGET) <= 0 ? 1 : 0);
            add(counts, p + "as.in48h", took.compareTo(WARRANTY_LIMIT) <= 0 ? 1 : 0);
        }
        c.latestRating().ifPresent(stars -> {
            add(counts, p + "as.rated", 1);
            add(counts, p + "as.sat", stars >= 4 ? 1 : 0);
            add(counts, p + "as.stars", stars);
        });
    }

    /**
     * R18, R22, every channel and hour, under {@code all}, {@code channel:<CH>}, {@code category:<CAT>},
     * {@code channelCategory:<CH>/<CAT>} (question type = R24 category, {@code -} when none) and
     * {@code agent:<id>} (the agent of the first human reply, as for the platform metrics):
     * in the cycle of the human clock start {@code op.conv}, {@code op.first.n}/{@code op.first.ms}
     * (first human reply), {@code op.round.recv} (rounds), {@code op.round.answered},
     * {@code op.round.n}/{@code op.round.ms}
     * (answered rounds, reply time capped at 10 min; an open round adds 1 and 10 min once 10 min have
     * passed); in the cycle of each clock's start {@code clk.<TYPE>.n} (clocks started) and
     * {@code clk.<TYPE>.late} (answered after the deadline, or unanswered once it has passed), under
     * {@code agent:<id>} for the agent who owed the clock's answer ({@code -}: nobody), so the per-agent
     * timeouts equal the breaches discipline holds against the agent.
     */
    private static void operations(Conversation c, List<SlaClock> clocks, java.util.function.Function<SlaClock, String> ownerOf,
            Map<String, Long> counts) {
        if (c.channel().isEmpty()) {
            return;
        }
        String ch = c.channel().get().name();
        String cat = c.afterSalesCase().map(k -> topCategory(k.category())).orElse("-");
        String agent = firstReplier(c);
        List<String> dims = List.of(ALL, "channel:" + ch, "category:" + cat, "channelCategory:" + ch + "/" + cat,
                "agent:" + agent);
        ResponseTimes.of(c).ifPresent(rt -> {
            for (String dim : dims) {
                String p = rt.cycle() + "|" + dim + "|";
                add(counts, p + "op.conv", 1);
                if (rt.firstResponseMillis() != null) {
                    add(counts, p + "op.first.n", 1);
                    add(counts, p + "op.first.ms", rt.firstResponseMillis());
                }
                add(counts, p + "op.round.recv", rt.rounds());
                add(counts, p + "op.round.answered", rt.roundsAnswered());
                add(counts, p + "op.round.n", rt.roundsAnswered());
                add(counts, p + "op.round.ms", rt.cappedReplyMillis());
                if (rt.openRoundStart() != null) {
                    long capAt = rt.openRoundStart().plus(ResponseTimes.ROUND_CAP).toEpochMilli();
                    add(counts, p + "op.round.n@" + capAt, 1);
                    add(counts, p + "op.round.ms@" + capAt, ResponseTimes.ROUND_CAP.toMillis());
                }
            }
        });
        for (SlaClock clock : clocks) {
            Cycle cycle = Cycle.containing(clock.start());
            // a clock counts for the agent who owed its answer (who its breach is held against), not the first replier
            String owner = ownerOf.apply(clock);
            List<String> clockDims = List.of(ALL, "channel:" + ch, "category:" + cat, "channelCategory:" + ch + "/" + cat,
                    "agent:" + (owner == null ? "-" : owner));
            for (String dim : clockDims) {
                String p = cycle + "|" + dim + "|clk." + clock.type().name() + ".";
                add(counts, p + "n", 1);
                if (clock.answeredAt() == null) {
                    add(counts, p + "late@" + clock.deadline().toEpochMilli(), 1);
                } else if (clock.answeredAt().isAfter(clock.deadline())) {
                    add(counts, p + "late", 1);
                }
            }
        }
    }

    /** The dimension values a conversation counts under (see the class comment). */
    static List<String> dimensions(Conversation c) {
        List<String> dims = new ArrayList<>();
        dims.add(ALL);
        c.channel().ifPresent(ch -> dims.add("channel:" + ch.name()));
        dims.add("category:" + c.afterSalesCase().map(k -> topCategory(k.category())).orElse("-"));
        dims.add("agent:" + firstReplier(c));
        return dims;
    }

    /** The agent a conversation counts for: who gave its first human reply; {@code -} while there is none. */
    private static String firstReplier(Conversation c) {
        return c.humanClockStart().flatMap(c::firstHumanReplyAtOrAfter).map(ConversationEvent::agentId).orElse("-");
    }

    /** R24: the top-level category of a subtype: PRODUCT_QUALITY, LOGISTICS, PROMOTION, RETURN or SERVICE. */
    public static String topCategory(AfterSalesCategory subtype) {
        String n = subtype.name();
        return n.startsWith("PRODUCT_QUALITY") ? "PRODUCT_QUALITY" : n.substring(0, n.indexOf('_'));
    }

    private static void add(Map<String, Long> counts, String key, long value) {
        if (value != 0) {
            counts.merge(key, value, Long::sum);
        }
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** This vector minus {@code other}, key by key (what turning {@code other} into this adds to counters). */
    public KpiVector minus(KpiVector other) {
        TreeMap<String, Long> d = new TreeMap<>(counts);
        other.counts.forEach((k, v) -> d.merge(k, -v, Long::sum));
        return new KpiVector(d);
    }

    /** The sum of many vectors, added into one map (not a copy per vector). */
    public static KpiVector sum(Iterable<KpiVector> vectors) {
        TreeMap<String, Long> d = new TreeMap<>();
        for (KpiVector v : vectors) {
            v.counts.forEach((k, x) -> d.merge(k, x, Long::sum));
        }
        return new KpiVector(d);
    }

    public KpiVector plus(KpiVector other) {
        TreeMap<String, Long> d = new TreeMap<>(counts);
        other.counts.forEach((k, v) -> d.merge(k, v, Long::sum));
        return new KpiVector(d);
    }

    /** The part of this vector that belongs to one cycle, by cycle. */
    public SortedMap<Cycle, KpiVector> byCycle() {
        TreeMap<Cycle, TreeMap<String, Long>> parts = new TreeMap<>();
        counts.forEach((k, v) -> parts.computeIfAbsent(cycleOf(k), c -> new TreeMap<>()).put(k, v));
        TreeMap<Cycle, KpiVector> out = new TreeMap<>();
        parts.forEach((c, m) -> out.put(c, new KpiVector(m)));
        return out;
    }

    /**
     * Where a key's {@code @instant} starts, or -1 for a plain key. Only the metric (after the last
     * {@code |}) can carry one: a dimension value such as an agent id may contain {@code @} itself.
     */
    public static int pendingAt(String key) {
        int at = key.indexOf('@', key.lastIndexOf('|') + 1);
        return at > 0 ? at : -1;
    }

    public static Cycle cycleOf(String key) {
        return Cycle.parse(key.substring(0, key.indexOf('|'))).orElseThrow(() -> new IllegalArgumentException(
                "not a KPI counter key: " + key));
    }

    /**
     * The same counts with every pending key whose instant is before {@code settledBefore} folded
     * into its plain key. Both forms read the same at any instant after {@code settledBefore}, so
     * counters may store either; the plain form keeps them small.
     */
    public KpiVector settled(Instant settledBefore) {
        TreeMap<String, Long> d = new TreeMap<>();
        counts.forEach((k, v) -> {
            int at = pendingAt(k);
            if (at > 0 && Long.parseLong(k.substring(at + 1)) < settledBefore.toEpochMilli()) {
                d.merge(k.substring(0, at), v, Long::sum);
            } else {
                d.merge(k, v, Long::sum);
            }
        });
        return new KpiVector(d);
    }
}
