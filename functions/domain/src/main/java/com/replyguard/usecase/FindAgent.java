package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.discipline.Shifts;
import com.replyguard.intake.EventValidator;
import com.replyguard.kpi.CounterKey;
import com.replyguard.kpi.Dimension;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.PolicyVersion;
import com.replyguard.ports.AgentRegistry;
import com.replyguard.ports.KpiStore;
import java.util.Optional;

/**
 * Use case: whether an agent a manager asks about exists for the merchant, before any report about
 * them - so an id never seen answers 404 and a malformed one 400, instead of a spotless record.
 * Known: named by the merchant's events (the registry), on one of its shift rosters (any policy
 * version), or counted in the cycle asked about or the one before (agents active before the
 * registry existed).
 */
public final class FindAgent {
    private final AgentRegistry registry;
    private final KpiStore kpis;

    public FindAgent(AgentRegistry registry, KpiStore kpis) {
        this.registry = registry;
        this.kpis = kpis;
    }

    public enum Outcome { KNOWN, UNKNOWN, MALFORMED }

    /**
     * Why an agent id cannot be one, or empty when it can: blank, longer than an event's ids may be
     * ({@link EventValidator#MAX_ID_LENGTH}: no event can have named it), or with control characters.
     */
    public static Optional<String> problem(String agentId) {
        if (agentId == null || agentId.isBlank()) {
            return Optional.of("agentId must not be blank");
        }
        if (agentId.length() > EventValidator.MAX_ID_LENGTH) {
            return Optional.of("agentId must be at most " + EventValidator.MAX_ID_LENGTH + " characters (got " + agentId.length() + ")");
        }
        if (agentId.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("agentId must not contain control characters");
        }
        return Optional.empty();
    }

    /**
     * The same for a manager's request: a malformed id is {@code MALFORMED} whoever asks; otherwise a
     * team lead asking about an agent outside their team is refused before anything is looked up, so
     * the answer never tells them whether another team's agent exists.
     *
     * @throws Manager.NotPermitted when the caller may not see the agent
     */
    public Outcome find(Manager caller, Merchant merchant, String agentId, Cycle cycle) {
        if (problem(agentId).isPresent()) {
            return Outcome.MALFORMED;
        }
        caller.requireCovers(agentId);
        return find(merchant, agentId, cycle);
    }

    public Outcome find(Merchant merchant, String agentId, Cycle cycle) {
        if (problem(agentId).isPresent()) {
            return Outcome.MALFORMED;
        }
        if (onARoster(merchant, agentId) || registry.isKnown(merchant.id(), agentId)) {
            return Outcome.KNOWN;
        }
        Dimension agent = Dimension.agent(agentId);
        for (Cycle c : new Cycle[] {cycle, cycle.previous()}) {
            if (kpis.read(merchant.id(), c).counts().counts().keySet().stream()
                    .anyMatch(k -> CounterKey.decode(k).dimension().equals(agent))) {
                return Outcome.KNOWN;
            }
        }
        return Outcome.UNKNOWN;
    }

    private static boolean onARoster(Merchant merchant, String agentId) {
        for (PolicyVersion v : merchant.policies().all()) {
            Shifts shifts = v.shifts();
            if (shifts.shifts().stream().anyMatch(s -> s.agents().contains(agentId) || s.supervisors().contains(agentId))) {
                return true;
            }
        }
        return false;
    }
}
