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
        Map<String, ResponseTimes.AgentTotals> agents = new TreeMap<>();
        for (Cycle c : List.of(h1, h2)) {
            for (ResponseTimes t : conversations.responseTimes(merchant.id(), c)) {
                t.byAgent().forEach((agent, a) -> agents.computeIfAbsent(agent, k -> new ResponseTimes.AgentTotals()).add(a));
            }
        }
        List<Entry> entries = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        int start = merchant.discipline().startPoints();
        for (Map.Entry<String, ResponseTimes.AgentTotals> e : agents.entrySet()) {
            ResponseTimes.AgentTotals v = e.getValue();
            if (v.firstResponses() < MIN_FIRST_RESPONSES) {
                tooFew.add(e.getKey());
                continue;
            }
            double avg = v.averageFirstResponseSeconds();
            double speed = Math.max(0, Math.min(1, (120 - avg) / 100));
            double sat = v.satisfaction() == null ? 0.8 : v.satisfaction();
            int points = Math.min(discipline.report(merchant, e.getKey(), h1).standing().points(),
                    discipline.report(merchant, e.getKey(), h2).standing().points());
            double disc = (double) points / start;
            double score = 0.4 * speed + 0.4 * sat + 0.2 * disc;
            entries.add(new Entry(0, e.getKey(), score, speed, sat, disc, v.firstResponses(), avg, v.rated()));
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
