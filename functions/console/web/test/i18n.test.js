import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { keysOf, translate } from '../src/i18n.js';
import { messages } from '../src/messages.js';

function sources(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(vue|js)$/.test(f) ? [p] : [];
  });
}

// every code the API answers that the console shows in words, read from the API reference itself
// (docs/openapi.yaml), so a code the API gains fails here until both languages name it
const api = parse(readFileSync(new URL('../../../../docs/openapi.yaml', import.meta.url), 'utf8')).components.schemas;
const schemaEnum = (name) => {
  expect(api[name]?.enum, `docs/openapi.yaml has no enum schema ${name}`).toBeTruthy();
  return api[name].enum;
};
const propertyEnum = (schema, property) => {
  const p = api[schema]?.properties?.[property];
  expect(p?.enum, `docs/openapi.yaml has no enum ${schema}.${property}`).toBeTruthy();
  return p.enum;
};
const CODES = {
  clocks: schemaEnum('ClockName'),
  channels: schemaEnum('Channel'),
  status: [...new Set([...propertyEnum('QueueRow', 'status'), ...propertyEnum('ClockView', 'outcome')])],
  levels: schemaEnum('DisciplineLevel'),
  verdicts: propertyEnum('KpiReport', 'verdict'),
  roles: propertyEnum('Me', 'role'),
  agentRoles: schemaEnum('AgentRole'),
  metrics: ['firstReply2Min', 'reply3Min', 'satisfaction'].map((m) => {
    expect(api.KpiReport.properties[m], `KpiReport.${m}`).toBeTruthy();
    return m;
  }),
  kinds: schemaEnum('ChannelKind'),
  alertTypes: propertyEnum('Alert', 'type'),
  deliveries: propertyEnum('AlertDelivery', 'state'),
  categories: [...schemaEnum('AfterSalesTopCategory'), ...schemaEnum('AfterSalesCategory')],
  events: schemaEnum('EventType'),
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
  it('names no code the API does not answer (a stale name hides a renamed code)', () => {
    for (const [section, codes] of Object.entries(CODES)) {
      const extra = Object.keys(messages.zh[section]).filter((code) => !codes.includes(code) && code !== '-');
      expect(extra, `${section}: not in docs/openapi.yaml`).toEqual([]);
    }
  });
  it('has the codes of the API reference: every delivery state, verdict and event type', () => {
    expect(CODES.deliveries).toEqual(['QUEUED', 'RETRYING', 'SENT', 'DIGESTED', 'FAILED']);
    expect(CODES.verdicts.sort()).toEqual(['atRisk', 'barred', 'passing']);
    expect(CODES.events).toContain('conversation.reopened');
    expect(CODES.categories).toHaveLength(19);
  });
  it('is Chinese by default: the Chinese texts contain Chinese characters', () => {
    for (const key of ['nav.queue', 'clocks.FIRST_REPLY', 'channels.LIVE_COMMENT', 'status.BREACHED', 'verdicts.barred']) {
      expect(translate('zh', key)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(translate('zh', 'cycle.missesAllowed', { n: 3 })).toBe('本周期还可以超时 3 次');
  });
});
