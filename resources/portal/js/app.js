// Entry point: picks the view from the path. Every page is the same HTML shell served by the server.
import { account, addresses } from './account.js';
import { forgotPassword, register, selectCustomer, setPassword, signedOut, signIn } from './auth.js';
import { invoice, invoices, orders } from './lists.js';
import { LANGUAGES, lang, setLanguage, t, translateStatic } from './i18n.js';
import { alertBox, errorText, esc, render, requireMe } from './ui.js';

// The static texts in the language of the page, and the language switch in the page header.
translateStatic();
const switcher = document.getElementById('language-switch');
if (switcher) {
  switcher.innerHTML = LANGUAGES.map((l) => `<button type="button" class="link-button" lang="${l.code}" data-lang="${l.code}"
    aria-pressed="${l.code === lang()}">${esc(l.name)}</button>`).join(' · ');
  switcher.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-lang]');
    if (button && button.dataset.lang !== lang()) setLanguage(button.dataset.lang);
  });
}

const logo = document.querySelector('meta[name="gh-portal-logo"]').content;
if (logo) {
  const img = document.getElementById('brand-logo');
  img.src = logo;
  img.hidden = false;
}

const publicViews = {
  '/': signIn,
  '/index.html': signIn,
  '/sign-in': signIn,
  '/register': register,
  '/forgot-password': forgotPassword,
  '/set-password': () => setPassword('set'),
  '/reset-password': () => setPassword('reset'),
  '/select-customer': selectCustomer,
  '/signed-out': signedOut,
};

const privateViews = {
  '/account': account,
  '/addresses': addresses,
  '/invoices': invoices,
  '/orders': orders,
};

async function start() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  try {
    if (publicViews[path]) { await publicViews[path](); return; }
    const deepInvoice = path.match(/^\/invoices\/([^/]+)$/);
    const view = privateViews[path] || (deepInvoice ? (me) => invoice(me, decodeURIComponent(deepInvoice[1])) : null);
    if (!view) { render(`<h1>${esc(t('Page not found'))}</h1><p><a href="/">${esc(t('Go to the start page'))}</a></p>`); return; }
    const me = await requireMe();
    if (me) await view(me);
  } catch (error) {
    render(`<h1>${esc(t('Something went wrong'))}</h1>${alertBox('err', errorText(error))}<p><a href="/">${esc(t('Go to the start page'))}</a></p>`);
  }
}

start();
