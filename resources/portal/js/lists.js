// My Invoices and My Orders: server-side search, date range, status filter, date sort and paging, with
// the state kept in the address so that reload and back work. Plus one invoice (deep link) and shipments.
import { ApiError, BASE, customerPath, get, post } from './api.js';
import {
  alertBox, errorText, esc, formatMoney, hasSection, notAvailable, render, setTitle, showMessage, showPreviewBanner,
  statusBadge,
} from './ui.js';
import { formatDate, formatNumber, t, tn } from './i18n.js';

const PAGE_SIZE = 10;

function readState(statuses) {
  const p = new URLSearchParams(location.search);
  const page = Number.parseInt(p.get('page') || '1', 10);
  const status = p.get('status') || 'all';
  return {
    q: p.get('q') || '',
    from: p.get('from') || '',
    to: p.get('to') || '',
    status: statuses.includes(status) ? status : 'all',
    sort: p.get('sort') === 'date' ? 'date' : '-date',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function writeState(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.status !== 'all') p.set('status', state.status);
  if (state.sort !== '-date') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  const query = p.toString();
  history.replaceState(null, '', location.pathname + (query ? `?${query}` : ''));
}

function apiQuery(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  p.set('status', state.status);
  p.set('sort', state.sort);
  p.set('page', String(state.page));
  p.set('pageSize', String(PAGE_SIZE));
  return p.toString();
}

// Downloads every document of one record (one click on the PDF link); several open one after another.
async function openDocuments(listPath, customer, message, keep = () => true) {
  try {
    const docs = await get(listPath);
    const items = ((docs && docs.items) || []).filter(keep);
    if (!items.length) { showMessage(message, 'info', t('No documents available.')); return; }
    for (const doc of items) {
      const link = document.createElement('a');
      link.href = `${BASE}${customerPath(customer, `/documents/${encodeURIComponent(doc.id)}`)}`;
      link.download = doc.fileName || '';
      document.body.appendChild(link);
      link.click();
      link.remove();
    }
  } catch (error) {
    showMessage(message, 'err', errorText(error));
  }
}

// The date column's sort state for screen readers.
function sortedText(sort) {
  return sort === '-date' ? t(', sorted newest first; activate to reverse') : t(', sorted oldest first; activate to reverse');
}

function listPage(config) {
  return async function view(me) {
    if (!hasSection(me, config.section)) { notAvailable(config.title); return; }
    setTitle(config.title);
    const customer = me.currentCustomer;
    const state = readState(config.statuses.map((s) => s.value));
    const statementLink = config.statement && hasSection(me, 'statements.download')
      ? `<a class="button secondary" id="statement" href="${BASE}${customerPath(customer, '/statement.csv')}" download>
          ${esc(t('Download current statement'))}</a>` : '';
    render(`<div class="page-head"><h1>${esc(config.title)}</h1><div class="actions">${statementLink}</div></div>
      <form class="toolbar" id="filters" role="search" aria-label="${esc(t('{title} filters', { title: config.title }))}">
        <div class="search"><label for="q">${esc(config.searchLabel)}</label>
          <input id="q" name="q" type="search" value="${esc(state.q)}" autocomplete="off"></div>
        <div><label for="from">${esc(t('From date'))}</label><input id="from" name="from" type="date" value="${esc(state.from)}"></div>
        <div><label for="to">${esc(t('To date'))}</label><input id="to" name="to" type="date" value="${esc(state.to)}"></div>
        <div><label for="status">${esc(t('Show'))}</label><select id="status" name="status">
          ${config.statuses.map((s) => `<option value="${s.value}" ${s.value === state.status ? 'selected' : ''}>${esc(s.label)}</option>`).join('')}
        </select></div>
        <div class="buttons"><button type="submit">${esc(t('Search'))}</button>
          <button type="button" class="secondary" id="clear">${esc(t('Clear'))}</button></div>
      </form>
      <div id="message" aria-live="polite"></div>
      <div class="list-meta">
        <span id="total" role="status"></span>
        <div class="selection-bar">
          <span id="selected-count"></span>
          <button type="button" class="secondary small" id="email-selected" disabled>${esc(config.emailLabel)}</button>
        </div>
      </div>
      <div class="table-wrap"><table class="data" id="list">
        <caption class="visually-hidden">${esc(config.title)}</caption>
        <thead><tr>
          <th class="check" scope="col"><input type="checkbox" id="select-all" aria-label="${esc(t('Select all on this page'))}"></th>
          ${config.columns.map((c) => (c.sortable
            ? `<th scope="col" id="date-header" aria-sort="${state.sort === '-date' ? 'descending' : 'ascending'}">
                <button type="button" class="sort-button" id="sort-date">${esc(c.label)}
                <span class="arrow" aria-hidden="true">${state.sort === '-date' ? '▼' : '▲'}</span>
                <span class="visually-hidden">${esc(sortedText(state.sort))}</span></button></th>`
            : `<th scope="col" class="${c.num ? 'num' : ''}">${esc(c.label)}</th>`)).join('')}
        </tr></thead>
        <tbody></tbody>
      </table></div>
      <nav class="pager" aria-label="${esc(t('Pages'))}">
        <button type="button" class="secondary" id="prev">${esc(t('Previous'))}</button>
        <span id="page-info"></span>
        <button type="button" class="secondary" id="next">${esc(t('Next'))}</button>
      </nav>`);

    const form = document.getElementById('filters');
    const tbody = document.querySelector('#list tbody');
    const message = document.getElementById('message');
    const selected = new Set();
    let total = 0;

    const updateSelection = () => {
      const count = selected.size;
      document.getElementById('selected-count').textContent = count ? t('{n} selected', { n: formatNumber(count) }) : '';
      document.getElementById('email-selected').disabled = count === 0;
      const boxes = [...tbody.querySelectorAll('input[type="checkbox"]:not(:disabled)')];
      const all = document.getElementById('select-all');
      all.checked = boxes.length > 0 && boxes.every((b) => b.checked);
      all.disabled = boxes.length === 0;
    };

    const load = async () => {
      writeState(state);
      tbody.setAttribute('aria-busy', 'true');
      try {
        const data = await get(`${customerPath(customer, `/${config.resource}`)}?${apiQuery(state)}`);
        total = data.total || 0;
        const items = data.items || [];
        const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
        document.getElementById('total').textContent = tn(total, config.countOne, config.countMany, { n: formatNumber(total) });
        document.getElementById('page-info').textContent = t('Page {page} of {pages}', { page: formatNumber(state.page), pages: formatNumber(pages) });
        document.getElementById('prev').disabled = state.page <= 1;
        document.getElementById('next').disabled = state.page >= pages;
        tbody.innerHTML = items.length ? items.map((item) => {
          const key = item[config.key];
          // Only a record with a document can be emailed: the others cannot be chosen for it.
          const box = item.hasDocuments
            ? `<input type="checkbox" value="${esc(key)}" ${selected.has(key) ? 'checked' : ''}
              aria-label="${esc(t(config.selectLabel, { key }))}">`
            : `<input type="checkbox" value="${esc(key)}" disabled title="${esc(t('No document to email'))}"
              aria-label="${esc(t('{key} has no document to email', { key }))}">`;
          return `<tr data-key="${esc(key)}">
            <td class="check" data-label="${esc(t('Select'))}">${box}</td>
            ${config.columns.map((c) => `<td data-label="${esc(c.label)}" class="${c.num ? 'num' : ''}${c.wrap ? ' wrap' : ''}">${c.cell(item, customer, me)}</td>`).join('')}
          </tr>`;
        }).join('') : `<tr><td colspan="${config.columns.length + 1}" class="empty">${esc(t(config.noMatch))}</td></tr>`;
      } catch (error) {
        tbody.innerHTML = '';
        showMessage(message, 'err', errorText(error));
      } finally {
        tbody.removeAttribute('aria-busy');
        updateSelection();
      }
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      showMessage(message, '', '');
      if (form.from.value && form.to.value && form.from.value > form.to.value) {
        showMessage(message, 'err', t('The "from" date must not be after the "to" date.'));
        form.from.focus();
        return;
      }
      Object.assign(state, { q: form.q.value.trim(), from: form.from.value, to: form.to.value, status: form.status.value, page: 1 });
      load();
    });
    form.status.addEventListener('change', () => form.requestSubmit());
    document.getElementById('clear').addEventListener('click', () => {
      form.q.value = ''; form.from.value = ''; form.to.value = ''; form.status.value = 'all';
      form.requestSubmit();
    });
    document.getElementById('sort-date').addEventListener('click', () => {
      state.sort = state.sort === '-date' ? 'date' : '-date';
      state.page = 1;
      const header = document.getElementById('date-header');
      header.setAttribute('aria-sort', state.sort === '-date' ? 'descending' : 'ascending');
      header.querySelector('.arrow').textContent = state.sort === '-date' ? '▼' : '▲';
      header.querySelector('.visually-hidden').textContent = sortedText(state.sort);
      load();
    });
    document.getElementById('prev').addEventListener('click', () => { if (state.page > 1) { state.page -= 1; load(); } });
    document.getElementById('next').addEventListener('click', () => { state.page += 1; load(); });
    tbody.addEventListener('change', (event) => {
      const box = event.target;
      if (box.type !== 'checkbox') return;
      if (box.checked) selected.add(box.value); else selected.delete(box.value);
      updateSelection();
    });
    document.getElementById('select-all').addEventListener('change', (event) => {
      for (const box of tbody.querySelectorAll('input[type="checkbox"]:not(:disabled)')) {
        box.checked = event.target.checked;
        if (box.checked) selected.add(box.value); else selected.delete(box.value);
      }
      updateSelection();
    });
    document.getElementById('email-selected').addEventListener('click', async () => {
      const numbers = [...selected];
      const button = document.getElementById('email-selected');
      button.disabled = true;
      try {
        const answer = await post(customerPath(customer, `/${config.resource}/email`), { [config.emailField]: numbers });
        // The server names what it left out (no document); say so rather than claim all were sent.
        const leftOut = (answer && Array.isArray(answer.leftOut)) ? answer.leftOut : [];
        const sent = numbers.filter((n) => !leftOut.includes(n));
        const text = t(sent.length === 1 ? config.emailedOne : config.emailedMany, { email: me.user.email });
        if (leftOut.length) {
          showMessage(message, 'warn', `${text} ${t('Left out, as they have no document: {numbers}.', { numbers: leftOut.join(', ') })}`);
        } else {
          showMessage(message, 'ok', text);
        }
        selected.clear();
        for (const box of tbody.querySelectorAll('input[type="checkbox"]')) box.checked = false;
      } catch (error) {
        if (error instanceof ApiError && error.readOnly) showPreviewBanner();
        if (error instanceof ApiError && error.code === 'no_documents') {
          const names = error.details.map((d) => d.number || d.field || d).filter((d) => typeof d === 'string');
          showMessage(message, 'err', t('Nothing was emailed: none of them has a document ({numbers}).',
            { numbers: names.join(', ') }));
        } else {
          showMessage(message, 'err', errorText(error));
        }
      } finally {
        updateSelection();
      }
    });
    tbody.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      if (!button) return;
      const key = button.closest('tr').dataset.key;
      // The order's PDF is its confirmation; delivery notes are listed with the shipments.
      if (button.dataset.action === 'documents')
        openDocuments(customerPath(customer, `/${config.resource}/${encodeURIComponent(key)}/documents`), customer, message,
          (doc) => config.resource !== 'orders' || doc.kind !== 'delivery_note');
      if (button.dataset.action === 'shipments') showShipments(me, customer, key, button, config.columns.length + 1);
    });
    await load();
  };
}

function documentCell(item) {
  return item.hasDocuments
    ? `<button type="button" class="secondary small" data-action="documents">PDF<span class="visually-hidden">${esc(t(' documents'))}</span></button>`
    : `<span class="nodocs">${esc(t('No documents available'))}</span>`;
}

// The shipments open in a row right below the order clicked, not below the list.
async function showShipments(me, customer, order, opener, columns) {
  document.getElementById('shipments-row')?.remove();
  const row = opener.closest('tr');
  row.insertAdjacentHTML('afterend', `<tr id="shipments-row" class="detail-row"><td class="detail-cell" colspan="${columns}"></td></tr>`);
  const detailRow = document.getElementById('shipments-row');
  const panel = detailRow.querySelector('td');
  const heading = esc(t('Shipments of order {order}', { order }));
  panel.innerHTML = `<div class="card"><h2 id="shipments-title" tabindex="-1">${heading}</h2><p class="loading">${esc(t('Loading…'))}</p></div>`;
  try {
    const data = await get(customerPath(customer, `/orders/${encodeURIComponent(order)}/shipments`));
    const items = (data && data.items) || [];
    let notes = [];
    try {
      const docs = await get(customerPath(customer, `/orders/${encodeURIComponent(order)}/documents`));
      notes = ((docs && docs.items) || []).filter((d) => d.kind === 'delivery_note');
    } catch { notes = []; }
    const noteFor = (deliveryNumber) => notes.filter((d) => deliveryNumber && (d.fileName || '').includes(deliveryNumber));
    const docLinks = (list) => list.map((d) => `<a href="${BASE}${customerPath(customer, `/documents/${encodeURIComponent(d.id)}`)}"
      download>${esc(d.fileName || t('Delivery note'))}</a>`).join(' ');
    const th = (label) => `<th scope="col">${esc(t(label))}</th>`;
    const td = (label, html, cls = '') => `<td data-label="${esc(t(label))}"${cls ? ` class="${cls}"` : ''}>${html}</td>`;
    panel.innerHTML = `<div class="card" id="shipments"><h2 id="shipments-title" tabindex="-1">${heading}</h2>
      ${items.length ? `<div class="table-wrap"><table class="data"><thead><tr>
        ${th('Shipment number')}${th('Delivery number')}${th('Forwarding agent')}
        ${th('Tracking reference')}${th('Ship date')}${th('Delivery documents')}</tr></thead><tbody>
        ${items.map((s) => `<tr>${td('Shipment number', esc(s.shipmentNumber))}
          ${td('Delivery number', esc(s.deliveryNumber))}
          ${td('Forwarding agent', esc(s.forwardingAgent))}
          ${td('Tracking reference', esc(s.trackingReference))}
          ${td('Ship date', esc(formatDate(s.shipDate)))}
          ${td('Delivery documents', docLinks(noteFor(s.deliveryNumber)) || `<span class="nodocs">${esc(t('No documents available'))}</span>`, 'wrap')}</tr>`).join('')}
        </tbody></table></div>` : `<p>${esc(t('No shipments yet for this order.'))}</p>`}
      <div class="actions"><button type="button" class="secondary" id="close-shipments">${esc(t('Close'))}</button></div></div>`;
  } catch (error) {
    const text = error instanceof ApiError && error.status === 404
      ? t('Shipment information is not available for your account.') : errorText(error);
    panel.innerHTML = `<div class="card"><h2 id="shipments-title" tabindex="-1">${heading}</h2>${alertBox('err', text)}
      <div class="actions"><button type="button" class="secondary" id="close-shipments">${esc(t('Close'))}</button></div></div>`;
  }
  document.getElementById('shipments-title').focus({ preventScroll: true });
  detailRow.scrollIntoView({ block: 'nearest' });
  document.getElementById('close-shipments').addEventListener('click', () => { detailRow.remove(); opener.focus(); });
  void me;
}

// Labels in the page's language (t() at load: <html lang> is set by the server before any script runs).
export const invoices = listPage({
  title: t('My Invoices'), section: 'invoices.view', resource: 'invoices', key: 'invoiceNumber',
  countOne: '1 invoice', countMany: '{n} invoices', noMatch: 'No invoices match your search.', selectLabel: 'Select invoice {key}',
  searchLabel: t('Invoice number or PO reference'), statement: true,
  emailLabel: t('Email selected'), emailField: 'invoiceNumbers',
  emailedOne: 'The invoice document is being emailed to {email}.', emailedMany: 'The invoice documents are being emailed to {email}.',
  statuses: [{ value: 'all', label: t('All invoices') }, { value: 'open', label: t('Open invoices') }, { value: 'paid', label: t('Paid invoices') }],
  columns: [
    { label: t('Invoice number'), cell: (i) => `<a href="/invoices/${encodeURIComponent(i.invoiceNumber)}">${esc(i.invoiceNumber)}</a>` },
    { label: t('Order number'), cell: (i) => esc(i.orderNumber) },
    { label: t('Customer number'), cell: (i) => esc(i.customerNumber) },
    { label: t('PO reference'), cell: (i) => esc(i.poReference) },
    { label: t('Invoice date'), sortable: true, cell: (i) => esc(formatDate(i.invoiceDate)) },
    { label: t('Amount'), num: true, cell: (i) => esc(formatMoney(i.amount, i.currency)) },
    { label: t('Status'), cell: (i) => statusBadge(i.status) },
    { label: t('Documents'), wrap: true, cell: documentCell },
  ],
});

export const orders = listPage({
  title: t('My Orders'), section: 'orders.view', resource: 'orders', key: 'orderNumber',
  countOne: '1 order', countMany: '{n} orders', noMatch: 'No orders match your search.', selectLabel: 'Select order {key}',
  searchLabel: t('PO reference'), statement: false, emailLabel: t('Email order confirmations'), emailField: 'orderNumbers',
  emailedOne: 'The order confirmation is being emailed to {email}.', emailedMany: 'The order confirmations are being emailed to {email}.',
  statuses: [{ value: 'all', label: t('All orders') }, { value: 'open', label: t('Open orders') }, { value: 'invoiced', label: t('Fully invoiced orders') }],
  columns: [
    { label: t('Order number'), cell: (o) => esc(o.orderNumber) },
    { label: t('Customer number'), cell: (o) => esc(o.customerNumber) },
    { label: t('Customer name'), wrap: true, cell: (o) => esc(o.customerName) },
    { label: t('PO reference'), cell: (o) => esc(o.poReference) },
    { label: t('Order date'), sortable: true, cell: (o) => esc(formatDate(o.orderDate)) },
    { label: t('Status'), cell: (o) => statusBadge(o.status) },
    { label: t('Delivery'), wrap: true, cell: (o) => esc(t(o.delivery || '')) }, // the server says it in English
    { label: t('Documents and shipments'), wrap: true, cell: (o, customer, me) => `<div class="cell-actions">${documentCell(o)}
      ${hasSection(me, 'deliveries.view') ? `<button type="button" class="secondary small" data-action="shipments">${esc(t('Shipments'))}<span
        class="visually-hidden">${esc(t(' of order {order}', { order: o.orderNumber }))}</span></button>` : ''}</div>` },
  ],
});

// One invoice: the deep link target ("/invoices/{number}") from invoice emails.
export async function invoice(me, number) {
  if (!hasSection(me, 'invoices.view')) { notAvailable(t('Invoice')); return; }
  setTitle(t('Invoice {number}', { number }));
  const customer = me.currentCustomer;
  render(`<p><a href="/invoices">${esc(t('← Back to My Invoices'))}</a></p><h1>${esc(t('Invoice {number}', { number }))}</h1><div id="message"></div><div id="body" class="card"><p class="loading">${esc(t('Loading…'))}</p></div>`);
  const message = document.getElementById('message');
  const body = document.getElementById('body');
  try {
    const inv = await get(customerPath(customer, `/invoices/${encodeURIComponent(number)}`));
    let docs = [];
    try { docs = ((await get(customerPath(customer, `/invoices/${encodeURIComponent(number)}/documents`))) || {}).items || []; } catch { docs = []; }
    const rows = [
      ['Invoice number', esc(inv.invoiceNumber)], ['Order number', esc(inv.orderNumber)],
      ['Customer number', esc(inv.customerNumber)], ['PO reference', esc(inv.poReference)],
      ['Invoice date', esc(formatDate(inv.invoiceDate))], ['Due date', esc(formatDate(inv.dueDate))],
      ['Amount', esc(formatMoney(inv.amount, inv.currency))], ['Open amount', esc(formatMoney(inv.openAmount, inv.currency))],
      ['Status', statusBadge(inv.status)],
    ];
    body.innerHTML = `<dl class="details">${rows.map(([k, v]) => `<dt>${esc(t(k))}</dt><dd>${v}</dd>`).join('')}</dl>
      <h2>${esc(t('Documents'))}</h2>
      ${docs.length ? `<ul class="doc-list">${docs.map((d) => `<li><a href="${BASE}${customerPath(customer, `/documents/${encodeURIComponent(d.id)}`)}" download>
        ${esc(d.fileName || t('Document'))}</a> <span class="hint">(${esc(d.kind || 'PDF')}${d.size ? `, ${formatNumber(Math.max(1, Math.round(d.size / 1024)))} KB` : ''})</span></li>`).join('')}</ul>`
        : `<p class="nodocs">${esc(t('No documents available'))}</p>`}`;
  } catch (error) {
    body.innerHTML = '';
    showMessage(message, 'err', error instanceof ApiError && error.status === 404
      ? t('Invoice {number} was not found for customer {customer}.', { number, customer }) : errorText(error));
  }
}
