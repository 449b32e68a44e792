// Small helpers shared by the views: escaping, formatting, messages and the signed-in shell.
import { ApiError, api, get } from './api.js';
import { locale, t, tn } from './i18n.js';

export const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => (
  { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

export const portalName = () => document.querySelector('meta[name="gh-portal-name"]').content;

export function main() { return document.getElementById('main'); }

export function setTitle(title) { document.title = title ? `${title} · ${portalName()}` : portalName(); }

// Renders a view's HTML into <main> and moves focus to its heading so screen readers announce it.
export function render(html, { focus = true } = {}) {
  const el = main();
  el.innerHTML = html;
  if (focus) {
    const h1 = el.querySelector('h1');
    if (h1) { h1.tabIndex = -1; h1.focus({ preventScroll: true }); }
  }
  return el;
}

export function alertBox(kind, text) {
  return `<div class="alert alert-${kind}" role="${kind === 'err' ? 'alert' : 'status'}">${esc(text)}</div>`;
}

export function showMessage(container, kind, text) {
  container.innerHTML = text ? alertBox(kind, text) : '';
}

export function formatMoney(amount, currency) {
  if (amount === undefined || amount === null || amount === '') return '';
  const n = Number(amount);
  if (Number.isNaN(n)) return `${amount} ${currency || ''}`.trim();
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency: currency || 'EUR' }).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency || ''}`.trim();
  }
}

const STATUS = {
  open: 'Open', paid: 'Paid', partially_paid: 'Partially paid', credit: 'Credit',
  partially_delivered: 'Partially delivered', delivered: 'Delivered', invoiced: 'Fully invoiced',
};
export function statusBadge(status) {
  return `<span class="badge badge-${esc(status)}">${esc(STATUS[status] ? t(STATUS[status]) : status)}</span>`;
}

export function humanize(key) {
  return String(key).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());
}

export function errorText(error) {
  if (error instanceof ApiError) {
    if (error.readOnly) return t('This is a read-only preview: nothing can be changed or sent from it.');
    if (error.status === 429) {
      const minutes = error.retryAfter ? Math.ceil(error.retryAfter / 60) : 0;
      return minutes ? tn(minutes, 'Too many attempts. Please try again in 1 minute.', 'Too many attempts. Please try again in {n} minutes.')
        : t('Too many attempts. Please try again later.');
    }
    return t(error.message);
  }
  return t('The portal could not be reached. Please check your connection and try again.');
}

export function showPreviewBanner() { document.getElementById('preview-banner').hidden = false; }

// Where to go after sign-in when no page was asked for: the first section the user has.
export function landingPath(me) {
  const sections = (me.user && me.user.sections) || [];
  if (sections.includes('account.summary')) return '/account';
  if (sections.includes('invoices.view')) return '/invoices';
  if (sections.includes('orders.view')) return '/orders';
  if (sections.includes('account.addresses')) return '/addresses';
  return '/account';
}

export function safeNext(next) {
  // Only a path on this origin. Resolve it as the browser will (it drops tabs and line breaks and
  // reads "\\" as "/", so "/\t/evil.example" means "//evil.example") and keep it only when it stays here.
  if (typeof next !== 'string' || !next.startsWith('/')) return '';
  let target;
  try {
    target = new URL(next, location.origin);
  } catch {
    return '';
  }
  if (target.origin !== location.origin) return '';
  return target.pathname + target.search + target.hash;
}

export function signInUrl() {
  const here = location.pathname + location.search;
  return here === '/' ? '/' : `/?next=${encodeURIComponent(here)}`;
}

// The signed-in frame: navigation filtered by the user's sections, customer chip, user menu. While a
// customer is being chosen there is neither: nothing of a customer shows before one is picked.
export function renderShell(me, { choosing = false } = {}) {
  const sections = (me.user && me.user.sections) || [];
  const nav = document.getElementById('nav');
  for (const li of nav.querySelectorAll('li[data-section]')) {
    li.hidden = !sections.includes(li.dataset.section);
    const a = li.querySelector('a');
    const path = a.getAttribute('href');
    if (location.pathname === path || location.pathname.startsWith(`${path}/`)) a.setAttribute('aria-current', 'page');
  }
  nav.hidden = choosing;
  document.getElementById('user-area').hidden = false;
  const user = me.user || {};
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email || t('Account');
  document.getElementById('user-name').textContent = name;
  document.getElementById('user-email').textContent = user.email || '';
  const current = (me.customers || []).find((c) => c.number === me.currentCustomer);
  document.getElementById('customer-chip').textContent = current
    ? `${current.name} (${current.number})` : (me.currentCustomer || '');
  const privileges = me.privileges || {};
  const canSwitch = Boolean(privileges.switchAccounts && (me.customers || []).length > 1);
  document.getElementById('menu-switch').hidden = !canSwitch || choosing;
  document.getElementById('context-switch').hidden = !canSwitch;
  document.getElementById('context-bar').hidden = choosing || (!current && !me.currentCustomer);
  document.getElementById('menu-subaccounts').hidden = !privileges.downloadSubAccounts;
  if (me.preview || me.readOnly) showPreviewBanner();

  const signOut = document.getElementById('sign-out');
  signOut.addEventListener('click', async () => {
    signOut.disabled = true;
    try {
      await api('DELETE', '/session');
    } catch (error) {
      if (error instanceof ApiError && error.readOnly) {
        // A preview cannot sign out: it ends on its own. Say so instead of pretending.
        showPreviewBanner();
        signOut.disabled = false;
        document.getElementById('user-menu').open = false;
        main().insertAdjacentHTML('afterbegin', alertBox('warn',
          t('This is a read-only preview. It ends by itself after a few minutes; close this window to leave it.')));
        return;
      } else if (!(error instanceof ApiError && error.status === 401)) {
        signOut.disabled = false;
        document.getElementById('user-menu').open = false;
        main().insertAdjacentHTML('afterbegin', alertBox('err', errorText(error)));
        return;
      }
    }
    location.assign('/signed-out');
  });
  // Close the menu with Escape and give focus back to its button.
  const menu = document.getElementById('user-menu');
  // A download from the menu leaves the page as it is: close the menu behind it.
  document.getElementById('menu-subaccounts').addEventListener('click', () => { menu.open = false; });
  document.addEventListener('click', (event) => { if (menu.open && !menu.contains(event.target)) menu.open = false; });
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) { menu.open = false; menu.querySelector('summary').focus(); }
  });
}

// The signed-in user, or a redirect to sign-in (remembering where the person wanted to go).
export async function requireMe({ needCustomer = true } = {}) {
  let me;
  try {
    me = await get('/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      location.replace(signInUrl());
      return null;
    }
    throw error;
  }
  if (needCustomer && !me.currentCustomer) {
    const here = location.pathname + location.search;
    location.replace(`/select-customer?next=${encodeURIComponent(here)}`);
    return null;
  }
  renderShell(me);
  return me;
}

export function hasSection(me, key) { return ((me.user && me.user.sections) || []).includes(key); }

export function notAvailable(title) {
  setTitle(title);
  render(`<h1>${esc(title)}</h1><div class="card">${alertBox('info', t('This section is not available for your account.'))}</div>`);
}

// The separators of the person's locale (the browser's language): "1.234,50" in German, "1,234.50" in English.
function separators(locale) {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return {
    group: (parts.find((p) => p.type === 'group') || {}).value || ',',
    decimal: (parts.find((p) => p.type === 'decimal') || {}).value || '.',
  };
}

export function amountExample(locale = navigator.language) {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(1234.5);
}

// An amount as people type it — "11.957,53" (German), "11,957.53" (English), "11957.53", "11 957,53" — as
// "11957.53"; null when it is not an amount. When only one kind of separator is typed, the locale decides
// whether it groups thousands, unless the digits after it cannot be a thousands group.
export function parseAmount(text, locale = navigator.language) {
  let t = String(text).trim().replace(/[\s\u00a0\u202f'’]/g, '');
  let sign = '';
  if (t.startsWith('-')) { sign = '-'; t = t.slice(1); }
  if (/^\d+$/.test(t)) return sign + t;
  if (!/^[\d.,]+$/.test(t)) return null;
  const { group } = separators(locale);
  const dots = (t.match(/\./g) || []).length;
  const commas = (t.match(/,/g) || []).length;
  let decimal = null;
  if (dots && commas) {
    decimal = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
  } else {
    const mark = dots ? '.' : ',';
    const count = dots || commas;
    const tail = t.slice(t.lastIndexOf(mark) + 1);
    const groups = count > 1 || (mark === group && tail.length === 3);
    decimal = groups ? null : mark;
  }
  let whole = t;
  let fraction = '';
  if (decimal) {
    const at = t.lastIndexOf(decimal);
    whole = t.slice(0, at);
    fraction = t.slice(at + 1);
    if (!/^\d{1,2}$/.test(fraction)) return null;
  }
  const groupMark = decimal === '.' ? ',' : decimal === ',' ? '.' : (dots ? '.' : ',');
  if (whole.includes(groupMark)) {
    const pattern = new RegExp(`^\\d{1,3}(\\${groupMark}\\d{3})+$`);
    if (!pattern.test(whole)) return null;
    whole = whole.split(groupMark).join('');
  }
  if (!/^\d+$/.test(whole)) return null;
  return sign + whole + (fraction ? `.${fraction}` : '');
}
