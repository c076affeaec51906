// The views live in the URL's fragment (#/queue, #/conversations/c-1), so the page works at any
// path the API serves it from, and a reload or a link from a robot message opens the same view.
import { reactive } from 'vue';

export const VIEWS = ['queue', 'agents', 'cycle', 'breaches', 'alerts', 'aftersales', 'conversation'];

export const route = reactive({ name: 'queue', params: {} });

export function parse(hash) {
  const parts = (hash || '').replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'conversations' && parts[1]) return { name: 'conversation', params: { id: parts[1] } };
  if (parts[0] === 'conversations') return { name: 'conversation', params: {} };
  if (VIEWS.includes(parts[0])) return { name: parts[0], params: {} };
  return { name: 'queue', params: {} };
}

export function href(name, params = {}) {
  if (name === 'conversation') return params.id ? `#/conversations/${encodeURIComponent(params.id)}` : '#/conversations';
  return `#/${name}`;
}

export function go(name, params) {
  location.hash = href(name, params);
}

export function startRouter() {
  const apply = () => Object.assign(route, parse(location.hash));
  window.addEventListener('hashchange', apply);
  apply();
}
