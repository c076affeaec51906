// The alerts view's logic: the newest alerts first, and each channel's delivery in words.
import { translate } from '../i18n.js';

/** Newest due instant first (the API pages oldest first); one entry per alert id, the later page's copy winning. */
export function newestFirst(alerts) {
  const byId = new Map();
  for (const a of alerts) byId.set(a.alertId, a);
  return [...byId.values()].sort((a, b) => Date.parse(b.dueAt) - Date.parse(a.dueAt) || a.alertId.localeCompare(b.alertId));
}

/**
 * What the robot (or the merchant's webhook) last answered, in words: nothing before the first
 * attempt or when it accepted (code 0 or a 2xx without a code); "unreachable" for status 0; "not
 * sent, refused by us" for -1; otherwise the HTTP status with the robot's own code and message
 * (the message left out when it only repeats the status, as the notifier records a bare webhook refusal).
 */
export function answerWords(answer, lang) {
  if (!answer) return '';
  const { code, message, httpStatus } = answer;
  if (httpStatus === 0) return translate(lang, 'alerts.unreachable');
  if (httpStatus === -1) return translate(lang, 'alerts.refusedHere', { message: message || '' }).trim();
  const accepted = httpStatus >= 200 && httpStatus < 300 && (code === null || code === undefined || code === 0);
  if (accepted) return '';
  const parts = [`HTTP ${httpStatus}`];
  if (code !== null && code !== undefined) parts.push(String(code));
  if (message && message !== parts[0]) parts.push(message);
  return translate(lang, 'alerts.answer', { text: parts.join(' · ') });
}
