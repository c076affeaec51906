// Which action buttons a manager sees. The API decides (and refuses anything else with 403); the
// page only leaves out the buttons the API would refuse, so operations sees none at all.

/** Whether the session may act at all: supervisors and team leads, never operations. */
export function mayAct(session) {
  return Boolean(session.mayChange);
}

/** Whether the agent a record is held against is in the team lead's team (a supervisor: anyone's). */
function ownAgent(session, agentId) {
  return session.role !== 'TEAM_LEAD' || (session.team || []).includes(agentId);
}

/** Excuse a breach: not yet excused; a team lead only one held against their team's agents. */
export function mayExcuse(session, breach) {
  return mayAct(session) && !breach.excuse && ownAgent(session, breach.responsibleAgentId);
}

/** Acknowledge an alert: not yet acknowledged; a team lead one about their team's agents or about nobody yet. */
export function mayAcknowledge(session, alert) {
  return mayAct(session) && !alert.acknowledged && (!alert.responsibleAgentId || ownAgent(session, alert.responsibleAgentId));
}
