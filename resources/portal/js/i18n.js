// The portal's languages. English is the source: every text on a page goes through t(English text,
// {name: value}); German comes from de.js, keyed by the English text. The server picks the language of
// each page (the gh_lang cookie set by the switch in the page header, else Accept-Language) and writes it
// into <html lang>; this module only reads it. tests/js/portal-i18n.test.mjs fails on any t() text
// without German.
import { DE, DE_PATTERNS } from './de.js';

const SUPPORTED = ['en', 'de'];
export const LANGUAGES = [{ code: 'en', name: 'English' }, { code: 'de', name: 'Deutsch' }];

export function lang() {
  const value = (document.documentElement.lang || 'en').slice(0, 2).toLowerCase();
  return SUPPORTED.includes(value) ? value : 'en';
}

// The locale used for numbers, money and dates: British English or German (Germany).
export function locale() { return lang() === 'de' ? 'de-DE' : 'en-GB'; }

function german(text) {
  if (Object.prototype.hasOwnProperty.call(DE, text)) return DE[text];
  // The server's messages with numbers in them ("Use at least 10 characters.").
  for (const [pattern, replacement] of DE_PATTERNS) if (pattern.test(text)) return text.replace(pattern, replacement);
  return text;
}

export function t(text, values = {}) {
  const template = lang() === 'de' ? german(String(text)) : String(text);
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// One of two texts by count: tn(n, one, many) with {n} in them.
export function tn(count, one, many, values = {}) {
  return t(count === 1 ? one : many, { n: count, ...values });
}

// Dates arrive as YYYY-MM-DD. English pages show them as they are; German pages as 31.12.2026.
export function formatDate(value) {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value ?? '';
  if (lang() !== 'de') return value;
  const [y, m, d] = value.split('-');
  return `${d}.${m}.${y}`;
}

export function formatNumber(value) {
  const n = Number(value);
  return Number.isFinite(n) ? new Intl.NumberFormat(locale()).format(n) : String(value ?? '');
}

// The language switch: remembered in a cookie for a year, then the page is loaded again in it.
export function setLanguage(code) {
  if (!SUPPORTED.includes(code)) return;
  document.cookie = `gh_lang=${code}; Path=/; Max-Age=31536000; SameSite=Lax`;
  location.reload();
}

// The static texts of index.html (navigation, menu, footer) carry data-i18n: translate them in place.
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n || el.textContent.trim());
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}
