import { describe, expect, it } from 'vitest';
import { stateAt, stateClass, timing, applyAnswer, compareRows, matches, serverOffset, longestWaiting } from '../src/logic/queue.js';

// a live-room comment: 30 s promise, warned at 80% (24 s) - both instants from the API
const row = {
  conversationId: 'live-1', channel: 'LIVE_COMMENT', clock: 'FIRST_REPLY', clockKey: 'FIRST_REPLY', urgent: false,
  start: '2026-10-03T10:00:00.000+08:00', warnAt: '2026-10-03T10:00:24.000+08:00', deadline: '2026-10-03T10:00:30.000+08:00',
  responsibleAgentId: null, team: null, status: 'RUNNING',
};
const at = (s) => Date.parse(`2026-10-03T10:00:${String(s).padStart(2, '0')}.000+08:00`);

describe('a clock turns amber at its warning instant and red after its deadline', () => {
  it('runs before the warning', () => {
    expect(stateAt(row, at(0))).toBe('RUNNING');
    expect(stateAt(row, at(23) + 999)).toBe('RUNNING');
  });
  it('is at risk from the warning instant to the deadline itself (an answer at the deadline is in time)', () => {
    expect(stateAt(row, at(24))).toBe('AT_RISK');
    expect(stateAt(row, at(30))).toBe('AT_RISK');
  });
  it('is breached the instant after the deadline', () => {
    expect(stateAt(row, at(30) + 1)).toBe('BREACHED');
    expect(stateClass('BREACHED')).toBe('state-breached');
    expect(stateClass('AT_RISK')).toBe('state-at-risk');
  });
  it('never turns amber when the policy has no warning (warnAt null)', () => {
    expect(stateAt({ ...row, warnAt: null }, at(29))).toBe('RUNNING');
  });
  it('counts the wait from the clock start and the countdown to the deadline', () => {
    expect(timing(row, at(12))).toEqual({ remaining: 18_000, waited: 12_000 });
    expect(timing(row, at(45)).remaining).toBe(-15_000);
  });
});

describe('applying a fresh answer', () => {
  const other = { ...row, conversationId: 'dm-2', channel: 'DIRECT_MESSAGE', deadline: '2026-10-03T10:00:20.000+08:00', warnAt: null };
  it('adds new rows in deadline order and keeps unchanged rows as the same objects', () => {
    const first = applyAnswer([], [row]);
    const second = applyAnswer(first, [row, other]);
    expect(second.map((r) => r.conversationId)).toEqual(['dm-2', 'live-1']);
    expect(second[1]).toBe(first[0]);
  });
  it('drops a row the server no longer lists (answered or closed)', () => {
    const shown = applyAnswer([], [row, other]);
    expect(applyAnswer(shown, [other]).map((r) => r.conversationId)).toEqual(['dm-2']);
  });
  it('answers the same array when nothing changed, so nothing re-renders', () => {
    const shown = applyAnswer([], [row, other]);
    expect(applyAnswer(shown, [{ ...other }, { ...row }])).toBe(shown);
  });
  it('replaces a row whose deadline moved (an urgent message brought it forward)', () => {
    const shown = applyAnswer([], [row]);
    const moved = applyAnswer(shown, [{ ...row, deadline: '2026-10-03T10:00:10.000+08:00', urgent: true }]);
    expect(moved[0]).not.toBe(shown[0]);
    expect(moved[0].urgent).toBe(true);
  });
  it('sorts soonest deadline first, then by conversation and clock', () => {
    const a = { ...row, conversationId: 'b' };
    const b = { ...row, conversationId: 'a' };
    expect([a, b].sort(compareRows).map((r) => r.conversationId)).toEqual(['a', 'b']);
  });
});

describe('filters, server time, longest wait', () => {
  it('filters by channel, clock, agent and team together', () => {
    const r = { ...row, responsibleAgentId: 'zhang', team: 'day' };
    expect(matches(r, { channel: 'LIVE_COMMENT', clock: '', agent: 'zhang', team: 'day' })).toBe(true);
    expect(matches(r, { channel: 'CS_CHAT' })).toBe(false);
    expect(matches(r, { team: 'night' })).toBe(false);
    expect(matches(r, {})).toBe(true);
  });
  it('corrects a browser clock that runs 5 s fast by half the round trip', () => {
    const local = at(10);
    expect(serverOffset('2026-10-03T10:00:05.000+08:00', local - 100, local + 100)).toBe(-5000);
  });
  it('finds the customer who has waited longest', () => {
    const older = { ...row, conversationId: 'old', start: '2026-10-03T09:59:00.000+08:00' };
    expect(longestWaiting([row, older], at(20)).conversationId).toBe('old');
    expect(longestWaiting([], at(20))).toBe(null);
  });
});
