package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.ConversationStore;
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
 */
public final class ReportLeaderboard {
    public static final int MIN_FIRST_RESPONSES = 10;
    private final ConversationStore conversations;
    private final ReportAgentDiscipline discipline;

    public ReportLeaderboard(ConversationStore conversations, ReportAgentDiscipline discipline) {
        this.conversations = conversations;
        this.discipline = discipline;
    }

    public record Entry(int rank, String agentId, double score, double speed, double satisfaction, double disciplineShare,
            int firstResponses, Double averageFirstResponseSeconds, int rated) {
    }

    public record Leaderboard(YearMonth month, List<Entry> entries, List<String> tooFewResponses) {
        public Entry award() {
            return entries.isEmpty() ? null : entries.get(0);
        }
    }

    public Leaderboard leaderboard(Merchant merchant, YearMonth month) {
        Cycle h1 = new Cycle(month, Cycle.Half.H1);
        Cycle h2 = new Cycle(month, Cycle.Half.H2);
        Map<String, long[]> agents = new TreeMap<>(); // firsts, firstMillis, rated, satisfied
        for (Cycle c : List.of(h1, h2)) {
            for (ResponseTimes t : conversations.responseTimes(merchant.id(), c)) {
                t.byAgent().forEach((agent, a) -> {
                    long[] v = agents.computeIfAbsent(agent, k -> new long[4]);
                    if (a.firstResponseMillis() != null) {
                        v[0]++;
                        v[1] += a.firstResponseMillis();
                    }
                    v[2] += a.rated();
                    v[3] += a.satisfied();
                });
            }
        }
        List<Entry> entries = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        int start = merchant.discipline().startPoints();
        for (Map.Entry<String, long[]> e : agents.entrySet()) {
            long[] v = e.getValue();
            if (v[0] < MIN_FIRST_RESPONSES) {
                tooFew.add(e.getKey());
                continue;
            }
            double avg = v[1] / 1000.0 / v[0];
            double speed = Math.max(0, Math.min(1, (120 - avg) / 100));
            double sat = v[2] == 0 ? 0.8 : (double) v[3] / v[2];
            int points = Math.min(discipline.report(merchant, e.getKey(), h1).standing().points(),
                    discipline.report(merchant, e.getKey(), h2).standing().points());
            double disc = (double) points / start;
            double score = 0.4 * speed + 0.4 * sat + 0.2 * disc;
            entries.add(new Entry(0, e.getKey(), score, speed, sat, disc, (int) v[0], avg, (int) v[2]));
        }
        entries.sort(Comparator.comparingDouble(Entry::score).reversed().thenComparing(Comparator.comparingDouble(Entry::satisfaction).reversed())
                .thenComparing(Comparator.comparingInt(Entry::firstResponses).reversed()).thenComparing(Entry::agentId));
        List<Entry> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry x = entries.get(i);
            ranked.add(new Entry(i + 1, x.agentId(), x.score(), x.speed(), x.satisfaction(), x.disciplineShare(), x.firstResponses(),
                    x.averageFirstResponseSeconds(), x.rated()));
        }
        return new Leaderboard(month, ranked, tooFew);
    }
}
