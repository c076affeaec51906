package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.breach.Breach;
import com.replyguard.discipline.DisciplineRules;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.BreachStore;
import java.util.List;

/**
 * Use case (R19, R20): an agent's timeouts in a cycle and what they lead to under the merchant's
 * rules. A team lead reads the agents of their team only.
 */
public final class ReportAgentDiscipline {
    private final BreachStore breaches;

    public ReportAgentDiscipline(BreachStore breaches) {
        this.breaches = breaches;
    }

    public record Report(DisciplineRules.Standing standing, List<Breach> breaches) {
    }

    /** @throws Manager.NotPermitted when a team lead asks about an agent outside their team */
    public Report report(Manager caller, Merchant merchant, String agentId, Cycle cycle) {
        caller.requireCovers(agentId);
        return report(merchant, agentId, cycle);
    }

    /** Any agent's report, for the use cases that read every agent of a merchant (scorecards, the award). */
    Report report(Merchant merchant, String agentId, Cycle cycle) {
        List<Breach> all = breaches.ofAgent(merchant.id(), agentId, cycle);
        int excused = (int) all.stream().filter(Breach::isExcused).count();
        int complaints = breaches.complaintsAgainst(merchant.id(), agentId, cycle);
        return new Report(merchant.discipline().standing(agentId, cycle.toString(), all.size() - excused, excused, complaints),
                all);
    }
}
