// The live queue's logic: each row's state at an instant, the countdown, sorting, filters, and
// applying a fresh answer of GET /queue to the rows on screen. The warning instant (warnAt) and the
// deadline come from the API: the page computes no business number itself.

export const STATES = ['RUNNING', 'AT_RISK', 'BREACHED'];

/** A row's identity: one clock of one conversation. */
export function rowKey(row) {
  return `${row.conversationId}\u0000${row.clockKey}`;
}

/**
 * The state of a clock at `now` (epoch millis, server time): BREACHED once the deadline has passed
 * (an answer at the deadline itself is in time), AT_RISK from its warning instant, else RUNNING.
 */
export function stateAt(row, now) {
  const deadline = row.deadlineMs ?? Date.parse(row.deadline);
  if (now > deadline) return 'BREACHED';
  const warnAt = row.warnMs !== undefined ? row.warnMs : row.warnAt ? Date.parse(row.warnAt) : null;
  if (warnAt !== null && now >= warnAt) return 'AT_RISK';
  return 'RUNNING';
}

/** The colour class of a state (with an icon and a word beside it, never the colour alone). */
export function stateClass(state) {
  return { RUNNING: 'state-running', AT_RISK: 'state-at-risk', BREACHED: 'state-breached' }[state] ?? 'state-running';
}

export function stateIcon(state) {
  return { RUNNING: '●', AT_RISK: '▲', BREACHED: '✖' }[state] ?? '●';
}

/** Milliseconds left until the deadline (negative once overdue) and how long the customer has waited. */
export function timing(row, now) {
  return { remaining: (row.deadlineMs ?? Date.parse(row.deadline)) - now, waited: now - (row.startMs ?? Date.parse(row.start)) };
}

/** Soonest deadline first; ties by conversation, then clock (the API's order). */
export function compareRows(a, b) {
  return Date.parse(a.deadline) - Date.parse(b.deadline) || a.conversationId.localeCompare(b.conversationId)
    || a.clockKey.localeCompare(b.clockKey);
}

/**
 * The rows to show after a fresh answer: the server's list is the truth (a row not in it was answered
 * or closed, and leaves); rows keep their object when nothing of theirs changed, so the table only
 * re-renders what moved.
 */
export function applyAnswer(current, incoming) {
  const byKey = new Map(current.map((r) => [rowKey(r), r]));
  const next = [];
  let changed = current.length !== incoming.length;
  for (const row of incoming) {
    const old = byKey.get(rowKey(row));
    if (old && sameRow(old, row)) {
      next.push(old);
    } else {
      // the instants parsed once, not at every second's tick
      next.push(Object.freeze({
        ...row, deadlineMs: Date.parse(row.deadline), startMs: Date.parse(row.start), warnMs: row.warnAt ? Date.parse(row.warnAt) : null,
      }));
      changed = true;
    }
  }
  next.sort(compareRows);
  if (!changed) {
    for (let i = 0; i < next.length; i += 1) if (next[i] !== current[i]) return next;
    return current;
  }
  return next;
}

function sameRow(a, b) {
  return a.deadline === b.deadline && a.warnAt === b.warnAt && a.start === b.start && a.responsibleAgentId === b.responsibleAgentId
    && a.status === b.status && a.urgent === b.urgent && a.team === b.team && a.channel === b.channel;
}

/** The filters of the view (empty: any). */
export function matches(row, filters) {
  return (!filters.channel || row.channel === filters.channel) && (!filters.clock || row.clock === filters.clock)
    && (!filters.agent || row.responsibleAgentId === filters.agent) && (!filters.team || row.team === filters.team);
}

/**
 * The browser's clock may be off: the offset to add to Date.now() to get the server's time, from an
 * answer's asOf and the local instants the request was sent and answered (half the round trip).
 */
export function serverOffset(asOf, sentAt, receivedAt) {
  const server = Date.parse(asOf);
  if (Number.isNaN(server)) return 0;
  return server - (sentAt + receivedAt) / 2;
}

/** The row whose customer has waited longest (the first to jump to). */
export function longestWaiting(rows, now) {
  let best = null;
  for (const r of rows) if (!best || timing(r, now).waited > timing(best, now).waited) best = r;
  return best;
}
