// Cycle names of the platform's half-month assessment (YYYY-MM-H1: days 1-15, H2: 16 to month end,
// China time), for choosing one and the trend over the last six. The figures come from the API.
import { chinaDay } from './format.js';

export function cycleOf(instant) {
  const day = chinaDay(instant);
  return `${day.slice(0, 7)}-${Number(day.slice(8, 10)) <= 15 ? 'H1' : 'H2'}`;
}

export function previousCycle(cycle) {
  const [y, m, h] = cycle.split('-');
  if (h === 'H2') return `${y}-${m}-H1`;
  const month = Number(m) - 1;
  return month === 0 ? `${Number(y) - 1}-12-H2` : `${y}-${String(month).padStart(2, '0')}-H2`;
}

/** The cycle and the n-1 before it, oldest first. */
export function lastCycles(cycle, n) {
  const out = [cycle];
  while (out.length < n) out.unshift(previousCycle(out[0]));
  return out;
}

/** Midnight China time of the instant's day, as an ISO instant with +08:00 (the API's filters). */
export function chinaDayStart(instant) {
  return `${chinaDay(instant)}T00:00:00+08:00`;
}
