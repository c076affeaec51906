package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.breach.Breach;
import com.replyguard.discipline.DisciplineRules;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.BreachStore;
import java.util.List;

/** Use case (R19, R20): an agent's timeouts in a cycle and what they lead to under the merchant's rules. */
public final class ReportAgentDiscipline {
    private final BreachStore breaches;

    public ReportAgentDiscipline(BreachStore breaches) {
        this.breaches = breaches;
    }

    public record Report(DisciplineRules.Standing standing, List<Breach> breaches) {
    }

    public Report report(Merchant merchant, String agentId, Cycle cycle) {
        List<Breach> all = breaches.ofAgent(merchant.id(), agentId, cycle);
        int excused = (int) all.stream().filter(Breach::isExcused).count();
        int complaints = breaches.complaintsAgainst(merchant.id(), agentId, cycle);
        return new Report(merchant.discipline().standing(agentId, cycle.toString(), all.size() - excused, excused, complaints),
                all);
    }
}
