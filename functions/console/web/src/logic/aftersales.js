// The after-sales view's logic: the case list behind a figure, a page at a time, in words.
import { translate, termIn } from '../i18n.js';
import { chinaTime, percent } from './format.js';

/** Cases asked for per page: a category's cases of a cycle are usually fewer; more come with "load more". */
export const PAGE_SIZE = 50;

/**
 * The request path (under the API's base, no leading slash) of one page of a figure's case list:
 * the report's `caseList` (`/merchants/demo/aftersales/cases?cycle=2026-10-H1&category=RETURN`) with
 * the page size and the previous page's token added; everything the report put in it kept as it is.
 */
export function casePagePath(caseList, { limit = PAGE_SIZE, nextToken = null } = {}) {
  const url = new URL(caseList, 'http://api.invalid/');
  if (limit !== null && limit !== undefined) url.searchParams.set('limit', String(limit));
  if (nextToken) url.searchParams.set('nextToken', nextToken);
  else url.searchParams.delete('nextToken');
  return url.pathname.replace(/^\//, '') + url.search;
}

/** The rows shown after another page arrived: in the API's order, each conversation once (a page loaded twice adds nothing). */
export function addPage(rows, page) {
  const seen = new Set(rows.map((r) => r.conversationId));
  return rows.concat(page.cases.filter((c) => !seen.has(c.conversationId) && seen.add(c.conversationId)));
}

/** Hours from the API in words: "1.5 小时", "—" when null. */
export function hoursText(value, lang) {
  return value === null || value === undefined ? translate(lang, 'common.none') : translate(lang, 'aftersales.hours', { n: Math.round(value * 10) / 10 });
}

/** An incidence per 1,000 conversations to a tenth: 428.57142857142856 → "428.6"; "—" when there were no conversations. */
export function perThousand(value) {
  return value === null || value === undefined ? '—' : String(Math.round(value * 10) / 10);
}

/** A case of the list as its table row shows it: names translated, instants in China time. */
export function caseCells(c, lang) {
  const yesNo = (v) => translate(lang, v ? 'common.yes' : 'common.no');
  return {
    conversationId: c.conversationId,
    channel: termIn(lang, 'channels', c.channel),
    category: termIn(lang, 'categories', c.category),
    subtype: termIn(lang, 'categories', c.subtype)
      + (c.suggested ? translate(lang, 'aftersales.suggestedMark', { n: c.suggestionConfidence ?? '?' }) : ''),
    start: chinaTime(c.start, lang),
    resolvedAt: c.resolved ? chinaTime(c.resolvedAt, lang) : translate(lang, 'aftersales.inProgress'),
    processing: hoursText(c.processingHours, lang),
    within12h: yesNo(c.resolvedWithin12h),
    within48h: yesNo(c.resolvedWithin48h),
    reopened: c.reopened ? translate(lang, 'aftersales.reopenedTimes', { n: c.reopens }) : yesNo(false),
    rating: c.rating === null || c.rating === undefined ? translate(lang, 'common.none') : translate(lang, 'aftersales.stars', { n: c.rating }),
    agent: c.agentId || translate(lang, 'common.none'),
  };
}

/** The resolution and reopen figures of the report or one of its categories, in words: rates as percentages with the counts behind them. */
export function resolutionFigures(f, lang) {
  return {
    resolutionRate: percent(f.resolutionRate),
    resolved: translate(lang, 'aftersales.resolvedOf', { resolved: f.resolved, cases: f.cases }),
    reopenRate: percent(f.reopenRate),
    reopened: translate(lang, 'aftersales.reopenedOf', { reopened: f.reopened, reopens: f.reopens }),
  };
}
