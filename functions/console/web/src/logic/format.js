// Formatting of what the API answers: instants in China time, durations, rates as percentages.
import { translate } from '../i18n.js';

export const CHINA = 'Asia/Shanghai';

const dateTime = new Map();
function formatter(lang, withDate) {
  const key = `${lang}|${withDate}`;
  if (!dateTime.has(key)) {
    dateTime.set(key, new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: CHINA, hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit',
      ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
    }));
  }
  return dateTime.get(key);
}

/** An instant (ISO-8601 text or epoch millis) in China time: "2026-10-03 10:00:05", or the time alone. */
export function chinaTime(instant, lang = 'zh', withDate = true) {
  if (instant === null || instant === undefined || instant === '') return translate(lang, 'common.none');
  const d = typeof instant === 'number' ? new Date(instant) : new Date(instant);
  if (Number.isNaN(d.getTime())) return String(instant);
  const parts = Object.fromEntries(formatter(lang, withDate).formatToParts(d).map((p) => [p.type, p.value]));
  const hour = parts.hour === '24' ? '00' : parts.hour;
  const time = `${hour}:${parts.minute}:${parts.second}`;
  return withDate ? `${parts.year}-${parts.month}-${parts.day} ${time}` : time;
}

/** The China-time calendar day of an instant, "2026-10-03". */
export function chinaDay(instant) {
  return chinaTime(instant, 'zh', true).slice(0, 10);
}

/** Milliseconds as the console shows a wait or a countdown: "45 秒", "3 分 05 秒", "2 小时 10 分". */
export function duration(ms, lang = 'zh') {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  if (total < 60) return translate(lang, 'common.seconds', { n: total });
  if (total < 3600) {
    return translate(lang, 'common.minutes', { m: Math.floor(total / 60), s: String(total % 60).padStart(2, '0') });
  }
  return translate(lang, 'common.hours', { h: Math.floor(total / 3600), m: String(Math.floor((total % 3600) / 60)).padStart(2, '0') });
}

/** A countdown clock face: "0:27", "12:05", "1:02:03"; negative (overdue) with a leading "+". */
export function clockFace(ms) {
  const overdue = ms < 0;
  const total = overdue ? Math.ceil(-ms / 1000) : Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  const face = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  return overdue ? `+${face}` : face;
}

/** A rate from the API (0..1, or null when nothing was assessed) as a percentage: 0.8523 → "85.2%". */
export function percent(rate, digits = 1) {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  const value = Math.round(rate * 100 * 10 ** digits) / 10 ** digits;
  return `${value.toFixed(digits).replace(/\.0+$/, '')}%`;
}

/** Seconds from the API as a duration ("—" when null). */
export function seconds(value, lang = 'zh') {
  return value === null || value === undefined ? '—' : duration(value * 1000, lang);
}
