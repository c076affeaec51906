// Whether a roster shift of the policy covers an instant: [from, to) in China time, "24:00" is
// midnight, a shift may run past midnight (the same reading as the API's shifts, R30).
import { chinaTime } from './format.js';

function minutes(hhmm) {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function covers(shift, instant) {
  const [h, m] = chinaTime(instant, 'zh', false).split(':').map(Number);
  const t = h * 60 + m;
  const from = minutes(shift.from);
  const to = shift.to === '24:00' ? 24 * 60 : minutes(shift.to);
  return from < to ? t >= from && t < to : t >= from || t < to;
}

/** 'on' when one of the agent's shifts covers the instant, 'off' when rostered but none does, null when not rostered. */
export function dutyOf(agentId, shifts, instant) {
  const theirs = shifts.filter((s) => (s.agents || []).includes(agentId));
  if (!theirs.length) return null;
  return theirs.some((s) => covers(s, instant)) ? 'on' : 'off';
}
