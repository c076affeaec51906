package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.ConversationStore;

/**
 * Use case (R18, R19, R20): an agent's scorecard for a cycle - their first responses and answered
 * rounds with average times (rounds capped at 10 min), the ratings of conversations they served
 * last, and their discipline standing (timeouts, excuses, complaints, level, points).
 */
public final class ReportAgentScorecard {
    private final ConversationStore conversations;
    private final ReportAgentDiscipline discipline;

    public ReportAgentScorecard(ConversationStore conversations, ReportAgentDiscipline discipline) {
        this.conversations = conversations;
        this.discipline = discipline;
    }

    public record Scorecard(String agentId, Cycle cycle, int firstResponses, Double averageFirstResponseSeconds,
            int roundsAnswered, Double averageRoundReplySeconds, int rated, Double satisfaction,
            ReportAgentDiscipline.Report discipline) {
    }

    public Scorecard scorecard(Merchant merchant, String agentId, Cycle cycle) {
        int firsts = 0;
        long firstMillis = 0;
        int rounds = 0;
        long roundMillis = 0;
        int rated = 0;
        int satisfied = 0;
        for (ResponseTimes t : conversations.responseTimes(merchant.id(), cycle)) {
            ResponseTimes.AgentShare a = t.byAgent().get(agentId);
            if (a == null) {
                continue;
            }
            if (a.firstResponseMillis() != null) {
                firsts++;
                firstMillis += a.firstResponseMillis();
            }
            rounds += a.roundsAnswered();
            roundMillis += a.cappedReplyMillis();
            rated += a.rated();
            satisfied += a.satisfied();
        }
        return new Scorecard(agentId, cycle, firsts, firsts == 0 ? null : firstMillis / 1000.0 / firsts, rounds,
                rounds == 0 ? null : roundMillis / 1000.0 / rounds, rated, rated == 0 ? null : (double) satisfied / rated,
                discipline.report(merchant, agentId, cycle));
    }
}
