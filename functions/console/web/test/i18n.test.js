import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { keysOf, translate } from '../src/i18n.js';
import { messages } from '../src/messages.js';

function sources(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(vue|js)$/.test(f) ? [p] : [];
  });
}

// every code the API answers that the console shows in words (contract and docs/contract-notes.md)
const CODES = {
  clocks: ['FIRST_REPLY', 'NEXT_REPLY', 'HANDOFF', 'HANDOFF_PICKUP', 'RESOLUTION', 'PROGRESS_UPDATE', 'SUPERVISOR_GUIDANCE', 'CLOSING_FOLLOW_UP'],
  channels: ['LIVE_COMMENT', 'DIRECT_MESSAGE', 'CS_CHAT', 'HOTLINE', 'EMAIL'],
  status: ['RUNNING', 'AT_RISK', 'BREACHED', 'MET'],
  levels: ['GOOD', 'WARNING', 'DEDUCTION', 'DISMISSAL_REVIEW'],
  verdicts: ['barred', 'atRisk', 'passing'],
  roles: ['SUPERVISOR', 'TEAM_LEAD', 'OPERATIONS'],
  agentRoles: ['HOST', 'ASSISTANT', 'PRESALES', 'AFTERSALES', 'TEAM_LEAD', 'SUPERVISOR'],
  metrics: ['firstReply2Min', 'reply3Min', 'satisfaction'],
  kinds: ['feishu', 'lark', 'dingtalk', 'wecom', 'webhook'],
  alertTypes: ['SlaAtRisk', 'SlaBreached', 'SlaEscalated'],
  categories: ['PRODUCT_QUALITY', 'LOGISTICS', 'PROMOTION', 'RETURN', 'SERVICE', 'PRODUCT_QUALITY_DEFECT', 'PRODUCT_QUALITY_PERFORMANCE_MISMATCH',
    'PRODUCT_QUALITY_COUNTERFEIT', 'LOGISTICS_NOT_RECEIVED', 'LOGISTICS_DAMAGED', 'LOGISTICS_LATE', 'PROMOTION_FALSE_ADVERTISING',
    'PROMOTION_MISLEADING_EXPLANATION', 'RETURN_NO_REASON', 'RETURN_QUALITY', 'RETURN_PROCESS_TROUBLE', 'SERVICE_ATTITUDE',
    'SERVICE_SLOW_RESPONSE', 'SERVICE_UNHAPPY_OUTCOME'],
  events: ['customer.message', 'conversation.transferred', 'agent.message', 'conversation.handoff', 'conversation.escalated',
    'conversation.resolved', 'conversation.rated', 'conversation.classified', 'conversation.closed', 'customer.reported'],
};

describe('translation completeness', () => {
  it('has the same keys in Chinese and English', () => {
    const zh = keysOf('zh');
    const en = keysOf('en');
    expect(zh.filter((k) => !en.includes(k)), 'missing in English').toEqual([]);
    expect(en.filter((k) => !zh.includes(k)), 'missing in Chinese').toEqual([]);
  });
  it('has no empty text and the same placeholders in both languages', () => {
    for (const key of keysOf('zh')) {
      expect(translate('zh', key), key).not.toBe('');
      const names = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const [section, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
      expect(names(messages.en[section][name]), key).toEqual(names(messages.zh[section][name]));
    }
  });
  it('translates every key the source uses', () => {
    const used = new Set();
    for (const file of sources(new URL('../src', import.meta.url).pathname)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z0-9_.-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const known = new Set(keysOf('zh'));
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });
  it('names every clock, channel, level, category, role and event type of the API in both languages', () => {
    for (const [section, codes] of Object.entries(CODES)) {
      for (const code of codes) {
        for (const lang of ['zh', 'en']) {
          expect(messages[lang][section]?.[code], `${lang} ${section}.${code}`).toBeTruthy();
        }
        expect(messages.zh[section][code], `${section}.${code} is Chinese`).not.toBe(messages.en[section][code] === code ? code : undefined);
      }
    }
  });
  it('is Chinese by default: the Chinese texts contain Chinese characters', () => {
    for (const key of ['nav.queue', 'clocks.FIRST_REPLY', 'channels.LIVE_COMMENT', 'status.BREACHED', 'verdicts.barred']) {
      expect(translate('zh', key)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(translate('zh', 'cycle.missesAllowed', { n: 3 })).toBe('本周期还可以超时 3 次');
  });
});
