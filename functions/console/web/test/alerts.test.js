import { describe, expect, it } from 'vitest';
import { answerWords, newestFirst } from '../src/logic/alerts.js';
import { mayAcknowledge, mayExcuse } from '../src/logic/permissions.js';

const supervisor = { role: 'SUPERVISOR', mayChange: true, team: [] };
const lead = { role: 'TEAM_LEAD', mayChange: true, team: ['presales-zhang', 'presales-li'] };
const operations = { role: 'OPERATIONS', mayChange: false, team: [] };

describe('who sees which action button (the API refuses the same with 403)', () => {
  const alert = (responsibleAgentId, acknowledged = null) => ({ alertId: 'a_1', responsibleAgentId, acknowledged });
  it('operations acknowledges and excuses nothing', () => {
    expect(mayAcknowledge(operations, alert(null))).toBe(false);
    expect(mayAcknowledge(operations, alert('presales-zhang'))).toBe(false);
    expect(mayExcuse(operations, { responsibleAgentId: 'presales-zhang', excuse: null })).toBe(false);
  });
  it('a team lead acknowledges alerts about their team or about nobody yet, never another team\'s', () => {
    expect(mayAcknowledge(lead, alert('presales-zhang'))).toBe(true);
    expect(mayAcknowledge(lead, alert(null))).toBe(true);
    expect(mayAcknowledge(lead, alert('presales-chen'))).toBe(false);
  });
  it('a team lead excuses only breaches held against their team\'s agents', () => {
    expect(mayExcuse(lead, { responsibleAgentId: 'presales-li', excuse: null })).toBe(true);
    expect(mayExcuse(lead, { responsibleAgentId: 'presales-chen', excuse: null })).toBe(false);
    expect(mayExcuse(lead, { responsibleAgentId: null, excuse: null })).toBe(false);
  });
  it('a supervisor acts on anything not yet taken; the first acknowledgement or excuse stands', () => {
    expect(mayAcknowledge(supervisor, alert('presales-chen'))).toBe(true);
    expect(mayAcknowledge(supervisor, alert(null, { by: 'lead-wang', at: '2026-10-03T20:16:20+08:00' }))).toBe(false);
    expect(mayExcuse(supervisor, { responsibleAgentId: null, excuse: null })).toBe(true);
    expect(mayExcuse(supervisor, { responsibleAgentId: 'presales-chen', excuse: { reason: '系统故障' } })).toBe(false);
  });
});

describe('the alerts view', () => {
  it('shows the newest due instant first, each alert once', () => {
    const a = (alertId, dueAt, level = 1) => ({ alertId, dueAt, level });
    const shown = newestFirst([a('a_1', '2026-10-03T20:16:00+08:00'), a('a_2', '2026-10-03T12:16:30Z'), a('a_1', '2026-10-03T20:16:00+08:00', 2),
      a('a_3', '2026-10-03T20:15:00+08:00')]);
    expect(shown.map((x) => x.alertId)).toEqual(['a_2', 'a_1', 'a_3']);
    expect(shown[1].level).toBe(2);
  });
  it('says nothing about an accepted answer and names what a robot refused', () => {
    expect(answerWords(null, 'zh')).toBe('');
    expect(answerWords({ code: 0, message: 'ok', httpStatus: 200 }, 'zh')).toBe('');
    expect(answerWords({ code: null, message: null, httpStatus: 204 }, 'zh')).toBe('');
    expect(answerWords({ code: 19021, message: 'sign match fail', httpStatus: 200 }, 'zh')).toBe('回应：HTTP 200 · 19021 · sign match fail');
    expect(answerWords({ code: null, message: null, httpStatus: 403 }, 'en')).toBe('Answer: HTTP 403');
    expect(answerWords({ code: null, message: 'HTTP 403', httpStatus: 403 }, 'zh')).toBe('回应：HTTP 403');
    expect(answerWords({ code: null, message: null, httpStatus: 0 }, 'zh')).toBe('无法连接');
    expect(answerWords({ code: null, message: 'message too long', httpStatus: -1 }, 'zh')).toBe('未发送，被本系统拒绝 message too long');
  });
});
