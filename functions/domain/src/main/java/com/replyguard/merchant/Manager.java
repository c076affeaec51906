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

    /**
     * What a manager asks to do, as far as the role alone decides it. Reading is for every role;
     * acting (excusing a breach, classifying a case, acknowledging an alert) for every role but
     * operations - a team lead's acts are further held to their team by the use case, which knows
     * whose the breach or alert is; the rest is for supervisors only.
     */
    public enum Action {
        READ(null),
        ACT(null),
        CHANGE_POLICY("changes the policy"),
        CHANGE_NOTIFICATIONS("changes the notification settings"),
        SEND_TEST_MESSAGES("sends test messages"),
        DELETE_CUSTOMER_DATA("deletes a customer's data");

        /** What only a supervisor does, in words ("only a supervisor ..."); null: not supervisors only. */
        private final String supervisorsOnly;

        Action(String supervisorsOnly) {
            this.supervisorsOnly = supervisorsOnly;
        }
    }

    /** Refused: the role (or a team lead's team) does not allow it; the message says why. */
    public static final class NotPermitted extends RuntimeException {
        public NotPermitted(String message) {
            super(message);
        }
    }

    /** @throws NotPermitted when this manager's role does not allow the action */
    public void require(Action action) {
        if (action == Action.READ) {
            return;
        }
        if (!mayChange()) {
            throw new NotPermitted("the operations role is read-only");
        }
        if (action.supervisorsOnly != null && role != Role.SUPERVISOR) {
            throw new NotPermitted("only a supervisor " + action.supervisorsOnly);
        }
    }

    /** @throws NotPermitted when a team lead asks about an agent outside their team */
    public void requireCovers(String agentId) {
        if (!covers(agentId)) {
            throw new NotPermitted("agent '" + agentId + "' is not in this team lead's team");
        }
    }
}
