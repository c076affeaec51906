// The manager API, on the same origin as the page. Every call carries the session's bearer token
// (locally the manager token, in AWS the Cognito access token).
import { reactive } from 'vue';
import { language } from './i18n.js';
import { joinCsvPages } from './logic/csv.js';

export const session = reactive({ token: null, merchantId: null, role: null, team: [], mayChange: false, login: null });

const SESSION_KEY = 'replyguard.session';

export function restoreSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    if (s && s.token && s.merchantId) Object.assign(session, s);
  } catch {
    /* nothing stored */
  }
}

export function saveSession(values) {
  Object.assign(session, values);
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ ...session }));
}

export function clearSession() {
  Object.assign(session, { token: null, merchantId: null, role: null, team: [], mayChange: false });
  sessionStorage.removeItem(SESSION_KEY);
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(fn) {
  onUnauthorized = fn;
}

export async function call(method, path, { body, token = session.token, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const sentAt = Date.now();
  const response = await fetch(apiRoot() + path.replace(/^\//, ''), {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
  });
  const receivedAt = Date.now();
  if (response.status === 401 && token === session.token && session.token) onUnauthorized();
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = (await response.json()).error || message;
    } catch {
      /* not JSON */
    }
    throw new ApiError(response.status, message);
  }
  if (accept !== 'application/json') return { blob: await response.blob(), headers: response.headers };
  const json = await response.json();
  return Object.defineProperty(json, '$timing', { value: { sentAt, receivedAt }, enumerable: false });
}

/**
 * Where the API lives: the directory the console was loaded from - index.html is served at the API's
 * root ("/" locally, "/<stage>/" in AWS), and the views are in the fragment (#/queue), never the path.
 */
export function apiRoot() {
  const here = location.pathname;
  return here.slice(0, here.lastIndexOf('/') + 1);
}

export function merchantPath(path) {
  return `merchants/${encodeURIComponent(session.merchantId)}/${path}`;
}

/**
 * Downloads a CSV answer (Accept: text/csv) of a path under the API's base, under the file name the
 * API gives, its headers and names in the page's language. `pages`: the API answers one page at a
 * time with the next page's token in X-Next-Token; every page is fetched and the file holds them
 * all under one header.
 */
export async function downloadCsv(path, fallbackName, { pages = false } = {}) {
  const withLang = `${path}${path.includes('?') ? '&' : '?'}lang=${language.value === 'zh' ? 'zh' : 'en'}`;
  const first = await call('GET', withLang, { accept: 'text/csv' });
  let blob = first.blob;
  let token = pages ? first.headers.get('X-Next-Token') : null;
  if (token) {
    const texts = [await blob.text()];
    while (token) {
      const next = await call('GET', `${withLang}&nextToken=${encodeURIComponent(token)}`, { accept: 'text/csv' });
      texts.push(await next.blob.text());
      token = next.headers.get('X-Next-Token');
    }
    blob = new Blob([joinCsvPages(texts)], { type: 'text/csv;charset=utf-8' });
  }
  const disposition = first.headers.get('Content-Disposition') || '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] || fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

export const api = {
  get: (path, opts) => call('GET', merchantPath(path), opts),
  post: (path, body) => call('POST', merchantPath(path), { body }),
  put: (path, body) => call('PUT', merchantPath(path), { body }),
  /** Downloads a merchant's CSV answer (see downloadCsv). */
  csv: (path, fallbackName, opts) => downloadCsv(merchantPath(path), fallbackName, opts),
};
