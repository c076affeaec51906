package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.ConversationStore;

/**
 * Use case (R18, R19, R20): an agent's scorecard for a cycle - their first responses and answered
 * rounds with average times (rounds capped at 10 min), the ratings of conversations they served
 * last, and their discipline standing (timeouts, excuses, complaints, level, points). A team lead
 * reads the agents of their team only.
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

    /** @throws Manager.NotPermitted when a team lead asks about an agent outside their team */
    public Scorecard scorecard(Manager caller, Merchant merchant, String agentId, Cycle cycle) {
        caller.requireCovers(agentId);
        ResponseTimes.AgentTotals t = new ResponseTimes.AgentTotals();
        for (ResponseTimes r : conversations.responseTimes(merchant.id(), cycle)) {
            ResponseTimes.AgentShare a = r.byAgent().get(agentId);
            if (a != null) {
                t.add(a);
            }
        }
        return new Scorecard(agentId, cycle, t.firstResponses(), t.averageFirstResponseSeconds(), t.roundsAnswered(),
                t.averageRoundReplySeconds(), t.rated(), t.satisfaction(), discipline.report(merchant, agentId, cycle));
    }
}
