import { describe, expect, it } from 'vitest';
import { addPage, caseCells, casePagePath, hoursText, PAGE_SIZE, perThousand, resolutionFigures } from '../src/logic/aftersales.js';
import { joinCsvPages } from '../src/logic/csv.js';

// the two rows of the API reference's example (docs/openapi.yaml, GET /aftersales/cases)
const r1 = {
  conversationId: 'r1', channel: 'CS_CHAT', cycle: '2026-10-H1', category: 'RETURN', subtype: 'RETURN_NO_REASON', suggested: false, suggestionConfidence: null,
  start: '2026-10-02T10:00:00+08:00', resolvedAt: null, resolved: false, processingHours: null, resolvedWithin12h: false, resolvedWithin48h: false,
  reopened: true, reopens: 1, rating: null, agentId: 'aftersales-wang',
};
const r2 = {
  conversationId: 'r2', channel: 'CS_CHAT', cycle: '2026-10-H1', category: 'RETURN', subtype: 'RETURN_QUALITY', suggested: true, suggestionConfidence: 80,
  start: '2026-10-02T03:00:00Z', resolvedAt: '2026-10-02T04:30:00Z', resolved: true, processingHours: 1.5, resolvedWithin12h: true, resolvedWithin48h: true,
  reopened: false, reopens: 0, rating: 5, agentId: null,
};

describe('the case list behind a figure', () => {
  it('asks the report\'s caseList a page at a time, keeping its cycle and category', () => {
    const list = '/merchants/demo/aftersales/cases?cycle=2026-10-H1&category=RETURN';
    expect(casePagePath(list)).toBe(`merchants/demo/aftersales/cases?cycle=2026-10-H1&category=RETURN&limit=${PAGE_SIZE}`);
    expect(casePagePath(list, { nextToken: 'eyJrIjoxfQ==' })).toBe('merchants/demo/aftersales/cases?cycle=2026-10-H1&category=RETURN&limit=50&nextToken=eyJrIjoxfQ%3D%3D');
    expect(casePagePath('/merchants/demo/aftersales/cases?cycle=2026-10-H2', { limit: 1000 })).toBe('merchants/demo/aftersales/cases?cycle=2026-10-H2&limit=1000');
  });
  it('adds a page after the rows shown, each conversation once', () => {
    const first = addPage([], { cases: [r1], nextToken: 't' });
    expect(first.map((c) => c.conversationId)).toEqual(['r1']);
    const both = addPage(first, { cases: [r2], nextToken: null });
    expect(both.map((c) => c.conversationId)).toEqual(['r1', 'r2']);
    expect(addPage(both, { cases: [r2, r1], nextToken: null })).toHaveLength(2);
    expect(first).toHaveLength(1);
  });
  it('shows a case in Chinese: names translated, China time, reopened with its count', () => {
    expect(caseCells(r1, 'zh')).toEqual({
      conversationId: 'r1', channel: '客服会话', category: '退换货', subtype: '七天无理由', start: '2026-10-02 10:00:00', resolvedAt: '处理中',
      processing: '—', within12h: '否', within48h: '否', reopened: '是（1 次）', rating: '—', agent: 'aftersales-wang',
    });
    expect(caseCells(r2, 'zh')).toEqual({
      conversationId: 'r2', channel: '客服会话', category: '退换货', subtype: '质量退货（系统推断，置信度 80）', start: '2026-10-02 11:00:00',
      resolvedAt: '2026-10-02 12:30:00', processing: '1.5 小时', within12h: '是', within48h: '是', reopened: '否', rating: '5 星', agent: '—',
    });
  });
  it('shows a case in English', () => {
    const cells = caseCells(r1, 'en');
    expect([cells.channel, cells.category, cells.subtype, cells.resolvedAt, cells.reopened]).toEqual(['Service chat', 'Returns', 'No-reason return', 'In progress', 'Yes (1×)']);
    expect(caseCells(r2, 'en').subtype).toBe('Quality return (suggested, confidence 80)');
  });
  it('rounds an incidence per 1,000 conversations to a tenth', () => {
    expect(perThousand(428.57142857142856)).toBe('428.6');
    expect(perThousand(166.66666666666666)).toBe('166.7');
    expect(perThousand(0)).toBe('0');
    expect(perThousand(null)).toBe('—');
  });
  it('rounds processing hours to a tenth', () => {
    expect(hoursText(24.125, 'zh')).toBe('24.1 小时');
    expect(hoursText(6, 'en')).toBe('6 h');
    expect(hoursText(null, 'zh')).toBe('—');
  });
});

describe('resolution and reopen rates', () => {
  it('are percentages with the counts behind them (docs/metrics.md: 2 cases, 1 resolved, 1 reopened of 2 resolved once)', () => {
    const f = { cases: 2, resolved: 1, resolutionRate: 0.5, reopened: 1, reopens: 1, reopenRate: 0.5 };
    expect(resolutionFigures(f, 'zh')).toEqual({ resolutionRate: '50%', resolved: '已解决 1 / 2', reopenRate: '50%', reopened: '1 个案例被重新打开，共 1 次' });
    expect(resolutionFigures({ ...f, resolutionRate: 2 / 3, reopens: 3 }, 'en')).toEqual({
      resolutionRate: '66.7%', resolved: '1 of 2 resolved', reopenRate: '50%', reopened: 'cases reopened: 1, reopens: 3',
    });
  });
  it('say nothing before anything was resolved (the API\'s null rate)', () => {
    expect(resolutionFigures({ cases: 1, resolved: 0, resolutionRate: 0, reopened: 0, reopens: 0, reopenRate: null }, 'zh').reopenRate).toBe('—');
  });
});

describe('a CSV list of several pages in one file', () => {
  const BOM = '\uFEFF';
  const header = '会话,渠道,考核周期\r\n';
  it('keeps one byte-order mark and one header, every page\'s rows in order', () => {
    const pages = [`${BOM}${header}r1,客服会话,2026-10-H1\r\n`, `${BOM}${header}r2,客服会话,2026-10-H1\r\nr3,"私信, 加急",2026-10-H1\r\n`];
    expect(joinCsvPages(pages)).toBe(`${BOM}${header}r1,客服会话,2026-10-H1\r\nr2,客服会话,2026-10-H1\r\nr3,"私信, 加急",2026-10-H1\r\n`);
  });
  it('puts the mark back when the text was read without it (Blob.text() drops it)', () => {
    expect(joinCsvPages([`${header}r1,a,b\r\n`, `${header}`])).toBe(`${BOM}${header}r1,a,b\r\n`);
    expect(joinCsvPages([`${BOM}${header}`])).toBe(`${BOM}${header}`);
  });
});
