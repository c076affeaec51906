package com.replyguard.merchant;

import java.util.Objects;
import java.util.Set;

/**
 * A signed-in manager of one merchant (invariant 7) with a role (docs/security.md, token theft and
 * over-reach): {@code SUPERVISOR} sees and changes everything of the merchant; {@code OPERATIONS} reads
 * everything and changes nothing; {@code TEAM_LEAD} reads the merchant's aggregates and acts only for the
 * agents of their team.
 */
public record Manager(MerchantId merchant, Role role, Set<String> team) {
    public enum Role { SUPERVISOR, TEAM_LEAD, OPERATIONS }

    public Manager {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(role, "role");
        team = Set.copyOf(team);
    }

    /** Whether this manager may see or act for one agent (a team lead: only their team's). */
    public boolean covers(String agentId) {
        return role != Role.TEAM_LEAD || (agentId != null && team.contains(agentId));
    }

    /** Whether this manager may change anything (operations is read-only). */
    public boolean mayChange() {
        return role != Role.OPERATIONS;
    }
}
