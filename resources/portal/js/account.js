// My Account and My Addresses for the current customer.
import { customerPath, get } from './api.js';
import { formatDate, t } from './i18n.js';
import { alertBox, errorText, esc, hasSection, humanize, notAvailable, render, setTitle } from './ui.js';

const ACCOUNT_ORDER = ['number', 'name', 'group', 'payerNumber', 'statId', 'erpStatus', 'currency'];
const ACCOUNT_LABELS = {
  number: 'Customer number', name: 'Name', group: 'Customer group', payerNumber: 'Payer', statId: 'STAT ID',
  erpStatus: 'ERP status', currency: 'Currency', portalEnabled: 'Portal access',
};

function scalar(value) {
  if (value === true) return esc(t('Yes'));
  if (value === false) return esc(t('No'));
  if (value === null || value === undefined || value === '') return '—';
  return esc(formatDate(value));
}

export async function account(me) {
  if (!hasSection(me, 'account.summary')) { notAvailable(t('My Account')); return; }
  setTitle(t('My Account'));
  render(`<h1>${esc(t('My Account'))}</h1><div id="body" class="card"><p class="loading">${esc(t('Loading…'))}</p></div>`);
  const body = document.getElementById('body');
  try {
    const data = await get(customerPath(me.currentCustomer, '/account'));
    const record = data.customer || data;
    const keys = [...ACCOUNT_ORDER.filter((k) => k in record),
      ...Object.keys(record).filter((k) => !ACCOUNT_ORDER.includes(k) && !['version', 'portalEnabled'].includes(k) && typeof record[k] !== 'object')];
    // ERP free fields only under the labels staff gave them (setting portal.account_free_fields); an
    // unlabelled code such as CFC5 means nothing to a customer and is not shown.
    const labels = record.freeFieldLabels && typeof record.freeFieldLabels === 'object' ? record.freeFieldLabels : {};
    const free = record.freeFields && typeof record.freeFields === 'object'
      ? Object.entries(record.freeFields).filter(([k]) => labels[k]).map(([k, v]) => [labels[k], v]) : [];
    const user = me.user || {};
    body.innerHTML = `<dl class="details">
        ${keys.map((k) => `<dt>${esc(ACCOUNT_LABELS[k] ? t(ACCOUNT_LABELS[k]) : humanize(k))}</dt><dd>${scalar(record[k])}</dd>`).join('')}
        ${free.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${scalar(v)}</dd>`).join('')}
      </dl>
      <h2>${esc(t('Your sign-in'))}</h2>
      <dl class="details">
        <dt>${esc(t('Name'))}</dt><dd>${esc([user.firstName, user.lastName].filter(Boolean).join(' ') || '—')}</dd>
        <dt>${esc(t('Email'))}</dt><dd>${esc(user.email)}</dd>
        <dt>${esc(t('Account admin'))}</dt><dd>${esc(t(user.isAdmin ? 'Yes' : 'No'))}</dd>
        <dt>${esc(t('Make payment'))}</dt><dd>${esc(t(user.makePayment ? 'Yes' : 'No'))}</dd>
      </dl>`;
  } catch (error) {
    body.innerHTML = alertBox('err', errorText(error));
  }
}

const KIND_LABEL = { invoice: 'Invoice address', delivery: 'Delivery address', other: 'Other address' };

function addressLines(a) {
  const lines = [];
  if (a.name) lines.push(a.name);
  if (Array.isArray(a.lines)) lines.push(...a.lines);
  for (const k of ['line1', 'line2', 'line3', 'line4', 'street']) if (a[k]) lines.push(a[k]);
  const cityLine = [a.postcode, a.city].filter(Boolean).join(' ');
  if (cityLine) lines.push(cityLine);
  if (a.country) lines.push(a.country);
  return lines.filter((l) => String(l).trim() !== '');
}

export async function addresses(me) {
  if (!hasSection(me, 'account.addresses')) { notAvailable(t('My Addresses')); return; }
  setTitle(t('My Addresses'));
  render(`<h1>${esc(t('My Addresses'))}</h1><div id="body"><p class="loading">${esc(t('Loading…'))}</p></div>`);
  const body = document.getElementById('body');
  try {
    const data = await get(customerPath(me.currentCustomer, '/addresses'));
    const items = (data && data.items) || [];
    // The server sends the invoice address first; keep its order.
    body.innerHTML = items.length ? `<div class="address-grid">${items.map((a) => `
      <section class="card kind-${esc(a.kind)}">
        <h2>${esc(KIND_LABEL[a.kind] ? t(KIND_LABEL[a.kind]) : humanize(a.kind || t('Address')))}</h2>
        <address>${addressLines(a).map(esc).join('<br>')}</address>
      </section>`).join('')}</div>` : `<div class="card">${alertBox('info', t('No addresses are recorded for this customer.'))}</div>`;
  } catch (error) {
    body.innerHTML = alertBox('err', errorText(error));
  }
}
