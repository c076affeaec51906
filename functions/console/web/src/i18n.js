import { ref } from 'vue';
import { messages } from './messages.js';

export const LANGUAGES = ['zh', 'en'];
const STORAGE_KEY = 'replyguard.language';

function stored() {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return LANGUAGES.includes(v) ? v : 'zh';
  } catch {
    return 'zh';
  }
}

/** The language shown: 简体中文 unless the user switched to English (remembered in this browser). */
export const language = ref(stored());

export function setLanguage(lang) {
  if (!LANGUAGES.includes(lang)) return;
  language.value = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the switch still works for this page */
  }
  if (globalThis.document) document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

function lookup(table, key) {
  // section.key, where key may itself contain dots (event types: events.customer.message)
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  const section = table[key.slice(0, dot)];
  return section ? section[key.slice(dot + 1)] : undefined;
}

/** The text of a key in a language, with {name} placeholders filled; the key itself when unknown. */
export function translate(lang, key, params = {}) {
  const text = lookup(messages[lang], key) ?? lookup(messages.zh, key);
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined || params[name] === null ? m : String(params[name])));
}

export function t(key, params) {
  return translate(language.value, key, params);
}

/** A code from the API in words (a clock, channel, level…); the code itself when the catalogue lacks it. */
export function term(section, code) {
  return termIn(language.value, section, code);
}

/** A code from the API in words in a given language: what {@link term} shows on the page. */
export function termIn(lang, section, code) {
  if (code === null || code === undefined || code === '') return translate(lang, 'common.none');
  const key = `${section}.${code}`;
  const text = translate(lang, key);
  return text === key ? String(code) : text;
}

/** Every key of a language, flattened: section.key. */
export function keysOf(lang) {
  const out = [];
  for (const [section, entries] of Object.entries(messages[lang])) {
    for (const key of Object.keys(entries)) out.push(`${section}.${key}`);
  }
  return out.sort();
}
