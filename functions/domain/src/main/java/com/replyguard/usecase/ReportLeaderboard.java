package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.PlatformMetric;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.discipline.DisciplineRules;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.ConversationStore;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Use case (R21): the month's best-response award (最佳响应奖). Every agent with at least
 * {@link #MIN_FIRST_RESPONSES} first responses in the month is ranked by a composite score in
 * [0, 1]:
 * <pre>
 *   0.4 x speed        speed = (120 s - average first response) / (120 s - 20 s), clamped to [0, 1]
 *                      (R18: a skilled agent answers in 20-30 s; 2 minutes is the platform's limit)
 * + 0.4 x satisfaction share of 4-5 star ratings of the conversations they served last (0.8, the
 *                      platform's target, when they have no rating)
 * + 0.2 x discipline   points left / starting points, the worse of the month's two cycles
 * </pre>
 * Ties go to higher satisfaction, then more first responses, then the agent id (alphabetical):
 * the same data always gives the same winner.
 *
 * <p>The award needs the minimum standard besides the rank: no deduction and no dismissal review in
 * either cycle of the month (discipline level at most WARNING), an average first response within the
 * merchant's first-reply target for the chat window (the policy in force at the month's end), and
 * satisfaction at or above the platform's target (R15, 80%) where the agent was rated. The award goes
 * to the best-ranked agent who meets it; when nobody does, there is no winner this month (null) -
 * volume alone never wins it.
 */
public final class ReportLeaderboard {
    public static final int MIN_FIRST_RESPONSES = 10;
    private final ConversationStore conversations;
    private final ReportAgentDiscipline discipline;

    public ReportLeaderboard(ConversationStore conversations, ReportAgentDiscipline discipline) {
        this.conversations = conversations;
        this.discipline = discipline;
    }

    /** Why an agent falls short of the award's minimum standard. */
    public enum ShortOf {
        /** a deduction or a dismissal review in a cycle of the month (R19, R20) */
        DISCIPLINE,
        /** the average first response is slower than the first-reply target */
        FIRST_RESPONSE,
        /** rated below the platform's satisfaction target (R15) */
        SATISFACTION
    }

    /** The minimum standard: the first-reply target in seconds and the satisfaction target. */
    public record Standard(double firstResponseTargetSeconds, double satisfactionTarget, DisciplineRules.Level worstDiscipline) {
    }

    public record Entry(int rank, String agentId, double score, double speed, double satisfaction, double disciplineShare,
            int firstResponses, Double averageFirstResponseSeconds, int rated, List<ShortOf> shortOf) {
        public Entry {
            shortOf = List.copyOf(shortOf);
        }

        public boolean qualifies() {
            return shortOf.isEmpty();
        }
    }

    public record Leaderboard(YearMonth month, List<Entry> entries, List<String> tooFewResponses, Standard standard) {
        /** The best-ranked agent who meets the minimum standard; null: no winner this month. */
        public Entry award() {
            return entries.stream().filter(Entry::qualifies).findFirst().orElse(null);
        }
    }

    public Leaderboard leaderboard(Merchant merchant, YearMonth month) {
        Cycle h1 = new Cycle(month, Cycle.Half.H1);
        Cycle h2 = new Cycle(month, Cycle.Half.H2);
        Map<String, ResponseTimes.AgentTotals> agents = new TreeMap<>();
        for (Cycle c : List.of(h1, h2)) {
            for (ResponseTimes t : conversations.responseTimes(merchant.id(), c)) {
                t.byAgent().forEach((agent, a) -> agents.computeIfAbsent(agent, k -> new ResponseTimes.AgentTotals()).add(a));
            }
        }
        List<Entry> entries = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        int start = merchant.discipline().startPoints();
        Instant monthEnd = new Cycle(month, Cycle.Half.H2).to().toInstant();
        Standard standard = new Standard(merchant.policies().at(monthEnd).sla().target(ClockType.FIRST_REPLY, Channel.CS_CHAT, false)
                .toMillis() / 1000.0, PlatformMetric.SATISFACTION.target(), DisciplineRules.Level.WARNING);
        for (Map.Entry<String, ResponseTimes.AgentTotals> e : agents.entrySet()) {
            ResponseTimes.AgentTotals v = e.getValue();
            if (v.firstResponses() < MIN_FIRST_RESPONSES) {
                tooFew.add(e.getKey());
                continue;
            }
            double avg = v.averageFirstResponseSeconds();
            double speed = Math.max(0, Math.min(1, (120 - avg) / 100));
            double sat = v.satisfaction() == null ? 0.8 : v.satisfaction();
            DisciplineRules.Standing first = discipline.report(merchant, e.getKey(), h1).standing();
            DisciplineRules.Standing second = discipline.report(merchant, e.getKey(), h2).standing();
            int points = Math.min(first.points(), second.points());
            double disc = (double) points / start;
            double score = 0.4 * speed + 0.4 * sat + 0.2 * disc;
            List<ShortOf> shortOf = new ArrayList<>();
            if (first.level().compareTo(standard.worstDiscipline()) > 0 || second.level().compareTo(standard.worstDiscipline()) > 0) {
                shortOf.add(ShortOf.DISCIPLINE);
            }
            if (avg > standard.firstResponseTargetSeconds()) {
                shortOf.add(ShortOf.FIRST_RESPONSE);
            }
            if (v.satisfaction() != null && v.satisfaction() < standard.satisfactionTarget()) {
                shortOf.add(ShortOf.SATISFACTION);
            }
            entries.add(new Entry(0, e.getKey(), score, speed, sat, disc, v.firstResponses(), avg, v.rated(), shortOf));
        }
        entries.sort(Comparator.comparingDouble(Entry::score).reversed().thenComparing(Comparator.comparingDouble(Entry::satisfaction).reversed())
                .thenComparing(Comparator.comparingInt(Entry::firstResponses).reversed()).thenComparing(Entry::agentId));
        List<Entry> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry x = entries.get(i);
            ranked.add(new Entry(i + 1, x.agentId(), x.score(), x.speed(), x.satisfaction(), x.disciplineShare(), x.firstResponses(),
                    x.averageFirstResponseSeconds(), x.rated(), x.shortOf()));
        }
        return new Leaderboard(month, ranked, tooFew, standard);
    }
}
