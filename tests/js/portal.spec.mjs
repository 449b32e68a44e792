// The portal in real headless Chromium against the real gatehouse-server (demo data, fresh temp dir):
// register -> .eml -> set password -> sign in -> invoices (search, filter, sort, pages, dates) ->
// statement -> documents email -> shipments -> sign out; alice switches customer; bob's sections
// shape the navigation; deep link to one invoice; keyboard-only sign-in; a phone width.
//
//   node portal.spec.mjs <path to gatehouse-server> [--screenshots <folder>]
//
// With --screenshots, every page is also saved as docs/screenshots/portal-*.png (run by hand).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const serverBinary = process.argv[2] ? path.resolve(process.argv[2]) : '';
if (!serverBinary) {
  console.error('usage: node portal.spec.mjs <gatehouse-server> [--screenshots DIR]');
  process.exit(2);
}
const shotsIndex = process.argv.indexOf('--screenshots');
const shotsDir = shotsIndex > 0 ? path.resolve(process.argv[shotsIndex + 1]) : '';
const PASSWORD = 'Demo-Passw0rd';

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-portal-'));
const dbPath = path.join(workDir, 'g.db');
let server;
let browser;
let passed = 0;
let failed = 0;

function sql(query) {
  return execFileSync('sqlite3', ['-separator', '\t', dbPath, query], { encoding: 'utf8' }).trim();
}
const sqlRows = (query) => sql(query).split('\n').filter(Boolean).map((line) => line.split('\t'));

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(serverBinary, ['--demo', '--listen', '127.0.0.1:0', '--db', `sqlite:${dbPath}`],
      { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 120000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/Listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.stderr.on('data', (chunk) => { err += chunk; });
    server.on('error', (error) => { clearTimeout(timer); reject(error); });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${out}\n${err}`)); });
  });
}

// The outbox transport writes one .eml per message; wait for the one addressed to `to`.
async function waitForEmail(to, subjectPart) {
  const folder = path.join(workDir, 'var', 'outbox');
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (fs.existsSync(folder)) {
      for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.eml')).sort()) {
        const text = fs.readFileSync(path.join(folder, name), 'utf8');
        // Only a quoted-printable body needs decoding; a 7bit one is taken as it is.
        const qp = /^Content-Transfer-Encoding:\s*quoted-printable/mi.test(text);
        const decoded = qp ? text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))) : text;
        if (new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'mi').test(decoded)
            && (!subjectPart || decoded.toLowerCase().includes(subjectPart))) {
          return decoded;
        }
      }
    }
    await new Promise((r) => setTimeout(r, 200)); // polling a folder the server writes to, not a timing guess
  }
  throw new Error(`no .eml to ${to} in ${folder}`);
}

async function shot(page, name, { fullPage = true } = {}) {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `portal-${name}.png`), fullPage });
}

async function step(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}\n${error.stack || error}`);
    throw error;
  }
}

const rowKeys = (page) => page.$$eval('#list tbody tr[data-key]', (rows) => rows.map((r) => r.dataset.key));
const columnTexts = (page, label) => page.$$eval(`#list tbody td[data-label="${label}"]`, (cells) => cells.map((c) => c.textContent.trim()));

async function waitForList(page, before) {
  // The list is redrawn from the API; wait until the request has finished and the rows are new.
  await page.waitForFunction((old) => {
    const body = document.querySelector('#list tbody');
    if (!body || body.getAttribute('aria-busy') === 'true') return false;
    const keys = [...body.querySelectorAll('tr[data-key]')].map((r) => r.dataset.key).join(',');
    const empty = body.querySelector('td.empty');
    return (keys !== '' || empty) && keys !== old;
  }, before);
}

async function signIn(page, base, email, password = PASSWORD) {
  await page.goto(`${base}/`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('#sign-in-form button[type="submit"]');
}

async function signOut(page) {
  await page.click('#user-menu summary');
  await page.click('#sign-out');
  await page.waitForURL('**/signed-out');
}

try {
  const base = await startServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const cspErrors = [];
  page.on('console', (msg) => { if (/Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text()); });
  page.on('pageerror', (error) => cspErrors.push(`page error: ${error.message}`));

  // A demo customer nobody has registered for yet, with enough invoices to page through.
  const [customerNumber, customerId] = sqlRows(`
    SELECT c.number, c.id FROM customers c
    WHERE c.portal_enabled = 1 AND c.stat_id = ''
      AND NOT EXISTS (SELECT 1 FROM portal_users u WHERE u.customer_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM portal_user_customers pc WHERE pc.customer_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.customer_id = c.id AND k.can_register = 0)
    ORDER BY (SELECT COUNT(*) FROM invoices i WHERE i.customer_id = c.id) DESC, c.number LIMIT 1`)[0];
  // Small-scale demo customers have about ten invoices; give this one a second and third page.
  const existing = Number(sql(`SELECT COUNT(*) FROM invoices WHERE customer_id = ${customerId}`));
  if (existing <= 20) {
    const values = [];
    for (let k = 0; k < 25 - existing; k += 1) {
      const day = new Date(Date.UTC(2024, 0, 3 + k * 17)).toISOString().slice(0, 10);
      const open = k % 3 === 0;
      values.push(`(${customerId}, 'INV9${String(customerId).padStart(4, '0')}${String(k).padStart(2, '0')}', '',
        'PO-EXTRA-${k}', '${day}', '${day}', ${10000 + k * 137}, ${open ? 10000 + k * 137 : 0}, 'EUR',
        '${open ? 'open' : 'paid'}', ${open ? 1 : 0}, 0)`);
    }
    sql(`INSERT INTO invoices (customer_id, number, order_number, po_reference, invoice_date, due_date, amount,
      open_amount, currency, status, is_open, has_documents) VALUES ${values.join(',')}`);
  }
  const invoiceCount = Number(sql(`SELECT COUNT(*) FROM invoices WHERE customer_id = ${customerId}`));
  assert.ok(invoiceCount > 10, `customer ${customerNumber} needs more than one page of invoices (${invoiceCount})`);
  const [regInvoice, regCents] = sqlRows(`SELECT number, amount FROM invoices WHERE customer_id = ${customerId} AND amount > 0 ORDER BY id LIMIT 1`)[0];
  const amount = (Number(regCents) / 100).toFixed(2);
  const newEmail = `new.person@${customerNumber.toLowerCase()}.example`;

  await step('security headers on pages', async () => {
    const response = await page.goto(`${base}/`);
    const headers = response.headers();
    assert.match(headers['content-security-policy'], /script-src 'self'/);
    assert.match(headers['content-security-policy'], /frame-ancestors 'none'/);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['referrer-policy'], 'no-referrer');
    await page.waitForSelector('#sign-in-form');
    await shot(page, 'sign-in');
  });

  await step('registration shows person-actionable errors next to fields', async () => {
    await page.goto(`${base}/register`);
    await page.fill('#firstName', 'Nora');
    await page.fill('#lastName', 'Newman');
    await page.fill('#customerNumber', customerNumber);
    await page.fill('#documentNumber', regInvoice);
    await page.fill('#amount', (Number(amount) + 1).toFixed(2)); // wrong amount
    await page.fill('#email', newEmail);
    await page.fill('#confirmEmail', newEmail);
    await page.click('#register-form button[type="submit"]');
    await page.waitForSelector('#message .alert-err');
    const fieldErrors = await page.$$eval('.field-error', (es) => es.map((e) => e.textContent).join(' '));
    assert.match(`${await page.textContent('#message')} ${fieldErrors}`, /do not match/i);
    assert.equal(await page.locator('input[aria-invalid="true"]').count() > 0, true, 'the field in question is marked');
    await shot(page, 'register-error');
    await page.fill('#customerNumber', 'C999999');
    await page.fill('#amount', amount);
    await page.click('#register-form button[type="submit"]');
    await page.waitForFunction(() => /no customer/i.test(document.querySelector('main').textContent));
  });

  await step('register a new user on a demo customer with a real invoice and amount', async () => {
    await page.fill('#customerNumber', customerNumber);
    await page.fill('#amount', amount);
    await page.click('#register-form button[type="submit"]');
    await page.waitForSelector('text=Check your email');
    assert.match(await page.textContent('main'), new RegExp(newEmail.replace(/\./g, '\\.')));
    await shot(page, 'register-done');
  });

  let setPasswordLink;
  await step('the set-password email arrives as an .eml in var/outbox', async () => {
    const mail = await waitForEmail(newEmail);
    const m = mail.match(/https?:\/\/[^\s"<>]+\/set-password\?token=[A-Za-z0-9_\-%.]+/);
    assert.ok(m, `no set-password link in:\n${mail}`);
    setPasswordLink = m[0];
    assert.ok(setPasswordLink.startsWith(base), `link ${setPasswordLink} points at this server`);
  });

  await step('set the password with the policy shown and live feedback', async () => {
    await page.goto(setPasswordLink);
    await page.waitForSelector('#password-form');
    assert.match(await page.textContent('#password-policy'), /8/);
    await page.fill('#password', 'short');
    assert.equal(await page.locator('#policy-list li.met').count(), 0);
    await page.fill('#password', 'longenoughbutweak');
    assert.equal(await page.locator('#policy-list li[data-rule="length"].met').count(), 1);
    assert.equal(await page.locator('#policy-list li[data-rule="classes"].met').count(), 0);
    // The server decides: a weak password is refused with the policy next to the field.
    await page.fill('#confirm', 'longenoughbutweak');
    await page.click('#password-form button[type="submit"]');
    await page.waitForSelector('#password[aria-invalid="true"]');
    assert.notEqual((await page.textContent('#password-error')).trim(), '');
    await page.fill('#password', 'New-Passw0rd!');
    await page.fill('#confirm', 'New-Passw0rd!');
    assert.equal(await page.locator('#policy-list li.met').count(), 2);
    await shot(page, 'set-password');
    await page.click('#password-form button[type="submit"]');
    await page.waitForURL('**/?notice=password-set');
    await page.waitForSelector('.alert-ok');
  });

  await step('the set-password link is single use', async () => {
    await page.goto(setPasswordLink);
    await page.fill('#password', 'Other-Passw0rd!');
    await page.fill('#confirm', 'Other-Passw0rd!');
    await page.click('#password-form button[type="submit"]');
    await page.waitForSelector('text=no longer valid');
  });

  await step('sign in as the new user', async () => {
    await signIn(page, base, newEmail, 'New-Passw0rd!');
    await page.waitForURL('**/account');
    await page.waitForSelector('dl.details');
    assert.match(await page.textContent('main'), new RegExp(customerNumber));
    await shot(page, 'account');
    await page.goto(`${base}/addresses`);
    await page.waitForSelector('.address-grid, .alert');
    const kinds = await page.$$eval('.address-grid h2', (hs) => hs.map((h) => h.textContent));
    if (kinds.length) assert.equal(kinds[0], 'Invoice address');
    await shot(page, 'addresses');
  });

  await step('invoices: 10 per page, newest first, pages', async () => {
    await page.goto(`${base}/invoices`);
    await page.waitForSelector('#list tbody tr[data-key]');
    const first = await rowKeys(page);
    assert.equal(first.length, 10);
    assert.match(await page.textContent('#total'), new RegExp(`^${invoiceCount} invoices`));
    assert.equal(await page.getAttribute('#date-header', 'aria-sort'), 'descending');
    const dates = await columnTexts(page, 'Invoice date');
    assert.deepEqual(dates, [...dates].sort().reverse());
    const newest = sql(`SELECT MAX(invoice_date) FROM invoices WHERE customer_id = ${customerId}`);
    assert.equal(dates[0], newest);
    await shot(page, 'invoices');
    await page.click('#next');
    await waitForList(page, first.join(','));
    const second = await rowKeys(page);
    assert.ok(second.every((k) => !first.includes(k)), 'page 2 shows other invoices');
    assert.match(await page.textContent('#page-info'), /^Page 2 of /);
    assert.match(page.url(), /page=2/);
    await page.click('#prev');
    await waitForList(page, second.join(','));
    assert.deepEqual(await rowKeys(page), first);
  });

  await step('invoices: sort toggle on the invoice-date header', async () => {
    const before = (await rowKeys(page)).join(',');
    await page.click('#sort-date');
    await waitForList(page, before);
    assert.equal(await page.getAttribute('#date-header', 'aria-sort'), 'ascending');
    const dates = await columnTexts(page, 'Invoice date');
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(dates[0], sql(`SELECT MIN(invoice_date) FROM invoices WHERE customer_id = ${customerId}`));
    const asc = (await rowKeys(page)).join(',');
    await page.click('#sort-date');
    await waitForList(page, asc);
    assert.equal(await page.getAttribute('#date-header', 'aria-sort'), 'descending');
  });

  await step('invoices: filter open / paid / all', async () => {
    const openCount = Number(sql(`SELECT COUNT(*) FROM invoices WHERE customer_id = ${customerId} AND is_open = 1`));
    let before = (await rowKeys(page)).join(',');
    await page.selectOption('#status', 'open');
    await waitForList(page, before);
    assert.match(await page.textContent('#total'), new RegExp(`^${openCount} invoice`));
    let statuses = await columnTexts(page, 'Status');
    assert.ok(!statuses.includes('Paid'), `open filter shows no paid invoice: ${statuses}`);
    before = (await rowKeys(page)).join(',');
    await page.selectOption('#status', 'paid');
    await waitForList(page, before);
    statuses = await columnTexts(page, 'Status');
    assert.ok(statuses.length > 0);
    assert.ok(!statuses.includes('Open') && !statuses.includes('Partially paid'), `paid filter: ${statuses}`);
    before = (await rowKeys(page)).join(',');
    await page.selectOption('#status', 'all');
    await waitForList(page, before);
    assert.match(await page.textContent('#total'), new RegExp(`^${invoiceCount} invoices`));
  });

  await step('invoices: search by invoice number and by PO reference', async () => {
    const [number, po] = sqlRows(`SELECT number, po_reference FROM invoices WHERE customer_id = ${customerId} ORDER BY id LIMIT 1 OFFSET 3`)[0];
    let before = (await rowKeys(page)).join(',');
    await page.fill('#q', number);
    await page.press('#q', 'Enter');
    await waitForList(page, before);
    assert.deepEqual(await rowKeys(page), [number]);
    before = number;
    await page.fill('#q', po);
    await page.click('#filters button[type="submit"]');
    await waitForList(page, '__none__');
    const keys = await rowKeys(page);
    assert.ok(keys.includes(number), `PO search ${po} finds ${number}: ${keys}`);
    assert.deepEqual(await columnTexts(page, 'PO reference'), keys.map(() => po));
    await page.fill('#q', 'NO-SUCH-REFERENCE');
    await page.click('#filters button[type="submit"]');
    await page.waitForSelector('#list td.empty');
    assert.match(await page.textContent('#total'), /^0 invoices/);
    void before;
  });

  await step('invoices: date range', async () => {
    const [from, to] = sqlRows(`SELECT MIN(d), MAX(d) FROM (SELECT invoice_date d FROM invoices WHERE customer_id = ${customerId} ORDER BY invoice_date LIMIT 5 OFFSET 5)`)[0];
    const expected = Number(sql(`SELECT COUNT(*) FROM invoices WHERE customer_id = ${customerId} AND invoice_date BETWEEN '${from}' AND '${to}'`));
    await page.fill('#q', '');
    await page.fill('#from', from);
    await page.fill('#to', to);
    await page.click('#filters button[type="submit"]');
    await waitForList(page, '');
    const dates = await columnTexts(page, 'Invoice date');
    assert.equal(dates.length, Math.min(expected, 10));
    assert.ok(dates.every((d) => d >= from && d <= to), `${dates} within ${from}..${to}`);
    assert.match(await page.textContent('#total'), new RegExp(`^${expected} invoice`));
    await page.click('#clear');
    await page.waitForFunction((n) => document.querySelector('#total').textContent.startsWith(`${n} invoices`), invoiceCount);
  });

  await step('invoices: PDF link or "No documents available"', async () => {
    const withDocs = await page.locator('#list tbody button[data-action="documents"]').count();
    const without = await page.locator('#list tbody .nodocs', { hasText: 'No documents available' }).count();
    assert.equal(withDocs + without, 10);
    if (withDocs) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#list tbody button[data-action="documents"]').first().click(),
      ]);
      assert.match(download.suggestedFilename(), /\.pdf$/);
      const bytes = fs.readFileSync(await download.path());
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    }
  });

  await step('download the current statement (CSV of open invoices)', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#statement')]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    const open = sqlRows(`SELECT number FROM invoices WHERE customer_id = ${customerId} AND is_open = 1`).map((r) => r[0]);
    assert.equal(lines.length, open.length + 1, csv);
    assert.match(lines[0], /invoice/i);
    for (const number of open) assert.ok(csv.includes(number), `${number} in the statement`);
    const paid = sql(`SELECT number FROM invoices WHERE customer_id = ${customerId} AND is_open = 0 LIMIT 1`);
    if (paid) assert.ok(!csv.includes(paid), 'paid invoices are not on the statement');
  });

  await step('only invoices with a document can be chosen for email', async () => {
    const rows = await page.$$eval('#list tbody tr[data-key]', (trs) => trs.map((tr) => ({
      key: tr.dataset.key, disabled: tr.querySelector('input[type="checkbox"]').disabled })));
    assert.ok(rows.length > 0);
    for (const row of rows) {
      const has = sql(`SELECT has_documents FROM invoices WHERE number = '${row.key}'`) === '1';
      assert.equal(row.disabled, !has, `${row.key}: has documents ${has}, box disabled ${row.disabled}`);
    }
    assert.ok(rows.some((r) => !r.disabled), 'some invoice on this page has a document');
    // Select all picks only those that can be emailed.
    await page.check('#select-all');
    const enabled = rows.filter((r) => !r.disabled).length;
    assert.equal(await page.textContent('#selected-count'), `${enabled} selected`);
    await page.uncheck('#select-all');
    assert.equal(await page.textContent('#selected-count'), '');
  });

  await step('select several invoices and email them', async () => {
    const boxes = page.locator('#list tbody input[type="checkbox"]:not(:disabled)');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    assert.equal(await page.textContent('#selected-count'), '2 selected');
    const queuedBefore = Number(sql(`SELECT COUNT(*) FROM outbox WHERE to_address = '${newEmail}'`));
    await page.click('#email-selected');
    await page.waitForSelector('#message .alert-ok');
    assert.match(await page.textContent('#message'), new RegExp(`emailed to ${newEmail.replace(/\./g, '\\.')}`));
    assert.equal(Number(sql(`SELECT COUNT(*) FROM outbox WHERE to_address = '${newEmail}'`)), queuedBefore + 1);
    await shot(page, 'invoices-emailed');
  });

  await step('one invoice page', async () => {
    await page.click('#list tbody tr[data-key] a');
    await page.waitForSelector('dl.details');
    assert.match(page.url(), /\/invoices\/INV\d+$/);
    await shot(page, 'invoice');
  });

  await step('orders: list, shipments panel, order confirmations', async () => {
    const [orderNumber, po, shipmentNumber, deliveryNumber, agent] = sqlRows(`
      SELECT o.number, o.po_reference, s.shipment_number, s.delivery_number, s.forwarding_agent
      FROM orders o JOIN shipments s ON s.order_id = o.id WHERE o.customer_id = ${customerId} ORDER BY o.id LIMIT 1`)[0];
    await page.goto(`${base}/orders`);
    await page.waitForSelector('#list tbody tr[data-key]');
    const orderCount = Number(sql(`SELECT COUNT(*) FROM orders WHERE customer_id = ${customerId}`));
    assert.equal((await rowKeys(page)).length, Math.min(10, orderCount));
    assert.equal(await page.getAttribute('#date-header', 'aria-sort'), 'descending');
    await shot(page, 'orders');
    const before = (await rowKeys(page)).join(',');
    await page.fill('#q', po);
    await page.press('#q', 'Enter');
    await waitForList(page, before);
    assert.deepEqual(await rowKeys(page), [orderNumber]);
    await page.click(`#list tbody tr[data-key="${orderNumber}"] button[data-action="shipments"]`);
    await page.waitForSelector('#shipments');
    // The panel opens right below the order clicked, not below the list and its pages.
    assert.equal(await page.$eval(`#list tbody tr[data-key="${orderNumber}"]`, (tr) => tr.nextElementSibling?.id), 'shipments-row');
    const rowBox = await page.locator(`#list tbody tr[data-key="${orderNumber}"]`).boundingBox();
    const panelBox = await page.locator('#shipments').boundingBox();
    const pagerBox = await page.locator('nav.pager').boundingBox();
    assert.ok(panelBox.y >= rowBox.y + rowBox.height - 1 && panelBox.y - (rowBox.y + rowBox.height) < 40,
      `panel at ${panelBox.y}, row ends at ${rowBox.y + rowBox.height}`);
    assert.ok(panelBox.y < pagerBox.y, 'the panel is above the pagination');
    const panel = await page.textContent('#shipments');
    for (const text of [shipmentNumber, deliveryNumber, agent]) assert.ok(panel.includes(text), `${text} in ${panel}`);
    const notes = Number(sql(`SELECT COUNT(*) FROM documents d JOIN orders o ON o.id = d.owner_id
      WHERE d.owner_kind = 'delivery' AND o.number = '${orderNumber}'`));
    assert.equal(await page.locator('#shipments a[download]').count(), notes);
    if (!notes) assert.ok(panel.includes('No documents available'));
    await shot(page, 'orders-shipments');
    await page.click('#close-shipments');
    assert.equal(await page.locator('#shipments').count(), 0);
    assert.equal(await page.locator('#shipments-row').count(), 0);
    const invoicedFilter = Number(sql(`SELECT COUNT(*) FROM orders WHERE customer_id = ${customerId} AND status = 'invoiced'`));
    await page.click('#clear');
    await page.waitForFunction((n) => document.querySelector('#total').textContent.startsWith(`${n} order`), orderCount);
    await page.selectOption('#status', 'invoiced');
    await page.waitForFunction((n) => document.querySelector('#total').textContent.startsWith(`${n} order`), invoicedFilter);
    const statuses = await columnTexts(page, 'Status');
    assert.ok(statuses.every((s) => s === 'Fully invoiced'), `${statuses}`);
    await page.locator('#list tbody input[type="checkbox"]:not(:disabled)').first().check();
    await page.click('#email-selected');
    await page.waitForSelector('#message .alert-ok');
    assert.match(await page.textContent('#message'), /order confirmation/i);
  });

  await step('sign out: confirmation page, then back to the start page after 5 seconds', async () => {
    await signOut(page);
    // When the signed-out page was opened, on the wall clock shared with this script.
    const opened = await page.evaluate(() => Date.now() - performance.now());
    assert.match(await page.textContent('main h1'), /signed out/i);
    await shot(page, 'signed-out');
    await page.waitForURL(`${base}/`, { timeout: 15000 });
    assert.ok(Date.now() - opened >= 4900, 'stays on the signed-out page for 5 seconds');
    await page.waitForSelector('#sign-in-form');
    // The session is dead on the server: a private page sends us back to sign-in.
    await page.goto(`${base}/invoices`);
    await page.waitForURL(/\/\?next=%2Finvoices/);
  });

  await step('forgot password always answers the same', async () => {
    await page.goto(`${base}/forgot-password`);
    await page.fill('#email', 'nobody@nowhere.example');
    await page.click('#forgot-form button[type="submit"]');
    await page.waitForSelector('#message .alert-ok');
    assert.equal(await page.textContent('#message .alert-ok'),
      'If there is an account associated with nobody@nowhere.example you will receive an email with a link to reset your password.');
    await shot(page, 'forgot-password');
    await page.fill('#email', newEmail);
    await page.click('#forgot-form button[type="submit"]');
    await page.waitForFunction((e) => document.querySelector('#message .alert-ok')?.textContent.includes(e), newEmail);
    const mail = await waitForEmail(newEmail, '/reset-password?token=');
    const link = mail.match(/https?:\/\/[^\s"<>]+\/reset-password\?token=[A-Za-z0-9_\-%.]+/);
    assert.ok(link, 'reset link in the email');
    await page.goto(link[0]);
    await page.waitForSelector('h1:has-text("Reset your password")');
    await shot(page, 'reset-password');
  });

  await step('alice: choose a customer after sign-in, then switch', async () => {
    await signIn(page, base, 'alice@demo.test');
    await page.waitForURL('**/select-customer');
    const numbers = await page.$$eval('.customer-list button', (bs) => bs.map((b) => b.dataset.number));
    assert.deepEqual(numbers.sort(), ['C100001', 'C100002']);
    // Nothing of a customer before one is chosen: no customer bar, no navigation, none marked current.
    assert.equal(await page.isVisible('#context-bar'), false);
    assert.equal(await page.isVisible('#nav'), false);
    assert.equal(await page.locator('.customer-list button[aria-current]').count(), 0);
    assert.equal(await page.isVisible('#user-area'), true); // signing out stays possible
    await shot(page, 'select-customer');
    await page.click('.customer-list button[data-number="C100001"]');
    await page.waitForURL('**/account');
    await page.waitForSelector('dl.details');
    assert.match(await page.textContent('#customer-chip'), /C100001/);
    assert.equal(await page.isVisible('#menu-subaccounts'), false); // menu closed
    await page.click('#user-menu summary');
    assert.equal(await page.isVisible('#menu-switch'), true);
    assert.equal(await page.isVisible('#menu-subaccounts'), true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#menu-subaccounts')]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert.match(csv.split(/\r?\n/)[0], /Name.*Email.*Allowed Sections.*Make Payment/);
    assert.ok(csv.includes('bob@demo.test'));
    // C100001's orders carry delivery notes: they are offered in the shipment panel.
    const [aliceOrder, note] = sqlRows(`SELECT o.number, d.file_name FROM documents d JOIN orders o ON o.id = d.owner_id
      JOIN customers c ON c.id = o.customer_id WHERE d.owner_kind = 'delivery' AND c.number = 'C100001' ORDER BY o.id LIMIT 1`)[0];
    const [aliceOrderPo] = sqlRows(`SELECT po_reference FROM orders WHERE number = '${aliceOrder}'`)[0];
    await page.goto(`${base}/orders?q=${encodeURIComponent(aliceOrderPo)}`);
    await page.click(`#list tbody tr[data-key="${aliceOrder}"] button[data-action="shipments"]`);
    await page.waitForSelector('#shipments');
    const [noteDownload] = await Promise.all([page.waitForEvent('download'), page.click(`#shipments a:has-text("${note}")`)]);
    assert.equal(noteDownload.suggestedFilename(), note);
    await page.click('#user-menu summary');
    await page.click('#menu-switch');
    await page.waitForURL('**/select-customer');
    await page.waitForSelector('.customer-list button');
    assert.equal(await page.isVisible('#context-bar'), false);
    assert.equal(await page.isVisible('#nav'), false);
    await page.click('.customer-list button[data-number="C100002"]');
    await page.waitForURL('**/account');
    await page.waitForFunction(() => /C100002/.test(document.querySelector('#customer-chip').textContent));
    await page.waitForSelector('dl.details');
    assert.match(await page.textContent('main'), /C100002/);
    await signOut(page);
  });

  await step('bob: navigation shows only the sections he has', async () => {
    await signIn(page, base, 'bob@demo.test');
    await page.waitForURL('**/account');
    await page.goto(`${base}/invoices`);
    await page.waitForSelector('#list tbody tr[data-key]');
    assert.equal(await page.locator('#statement').count(), 0, 'no statement without statements.download');
    await page.click('#user-menu summary');
    assert.equal(await page.isVisible('#menu-subaccounts'), false);
    // Staff untick orders and addresses on bob's contact at C100001 (bits 1 and 2 of the section set):
    // the contact's check boxes are his rights there.
    sql(`UPDATE contacts SET sections = sections & ~6 WHERE email = 'bob@demo.test'`);
    await page.goto(`${base}/account`);
    await page.waitForSelector('dl.details');
    const visible = await page.$$eval('#nav li:not([hidden]) a', (as) => as.map((a) => a.textContent));
    assert.deepEqual(visible, ['My Account', 'My Invoices']);
    await shot(page, 'nav-limited');
    await page.goto(`${base}/orders`);
    await page.waitForSelector('text=not available for your account');
    await signOut(page);
  });

  await step('deep link to one invoice lands there after sign-in', async () => {
    const [number] = sqlRows(`SELECT i.number FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE c.number = 'C100003' ORDER BY i.id LIMIT 1`)[0];
    await page.goto(`${base}/invoices/${number}`);
    await page.waitForURL(/\/\?next=/);
    await page.fill('#email', 'carol@demo.test');
    await page.fill('#password', PASSWORD);
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForURL(`**/invoices/${number}`);
    await page.waitForSelector('dl.details');
    assert.equal(await page.textContent('main h1'), `Invoice ${number}`);
    await signOut(page);
  });

  await step('after sign-in, next= never leads to another site (tab, %0a, %0d, backslash, //host, scheme)', async () => {
    const offsite = [];
    const offsiteHost = (url) => url.hostname === 'evil.example';
    await context.route(offsiteHost, (route) => { offsite.push(route.request().url()); return route.abort(); });
    await signIn(page, base, 'carol@demo.test');
    await page.waitForURL('**/account');
    // Each as it stands in the query string; the browser drops tabs and line breaks from a URL and reads
    // "\\" as "/", so most of these mean "//evil.example" once the portal hands them to location.
    const variants = {
      tab: '/%09/evil.example',
      'line feed': '/%0a/evil.example',
      'carriage return': '/%0d/evil.example',
      'CR LF': '/%0d%0a/evil.example',
      'tab then backslash': '/%09%5Cevil.example',
      backslash: '/%5Cevil.example',
      'two backslashes': '%5C%5Cevil.example',
      'protocol-relative': '//evil.example',
      'encoded slash': '/%2F/evil.example',
      'three slashes': '///evil.example',
      'absolute URL': 'https%3A%2F%2Fevil.example%2F',
      'javascript: URL': 'javascript:location.assign(%22https://evil.example/%22)',
      'leading space': '%20//evil.example',
    };
    for (const [name, raw] of Object.entries(variants)) {
      await page.goto('about:blank');
      await page.goto(`${base}/?next=${raw}`).catch(() => {}); // an escape ends in an aborted request
      await page.waitForURL(`${base}/account`, { timeout: 5000 }).catch(() => {});
      assert.equal(page.url(), `${base}/account`, `${name}: went to ${page.url()}`);
    }
    assert.deepEqual(offsite, [], 'no request left for evil.example');
    // A path of the portal itself is still honoured, query and all.
    await page.goto(`${base}/?next=%2Forders%3Fstatus%3Dopen`);
    await page.waitForURL(`${base}/orders?status=open`);
    await context.unroute(offsiteHost);
    await signOut(page);
  });

  await step('keyboard only: sign in without the mouse', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('#sign-in-form');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'email');
    await page.keyboard.type('carol@demo.test');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'password');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#message .alert-err');
    // After a failure the password field has focus again, emptied.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Sign in');
    // The focused button shows a focus ring.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account');
    await page.waitForSelector('dl.details'); // the view has rendered and placed focus on its heading
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
    // Tab from the top reaches the skip link first, and it moves focus to the content.
    await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  });

  await step('phone width: invoices become stacked cards without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${base}/invoices`);
    await page.waitForSelector('#list tbody tr[data-key]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#list thead')).position), 'absolute');
    await shot(page, 'invoices-phone', { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    await signOut(page);
  });

  await step('an ended session sends the person to sign in and back', async () => {
    await signIn(page, base, 'carol@demo.test');
    await page.waitForURL('**/account');
    await page.goto(`${base}/invoices`);
    await page.waitForSelector('#list tbody tr[data-key]');
    sql(`DELETE FROM portal_sessions WHERE user_id = (SELECT id FROM portal_users WHERE email = 'carol@demo.test')`);
    await page.click('#sort-date');
    await page.waitForURL(/\/\?notice=expired&next=%2Finvoices/);
    await page.waitForSelector('text=Your session has ended');
    await page.fill('#email', 'carol@demo.test');
    await page.fill('#password', PASSWORD);
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForURL(/\/invoices\?sort=date$/);
    await page.waitForSelector('#list tbody tr[data-key]');
    assert.equal(await page.getAttribute('#date-header', 'aria-sort'), 'ascending');
    await signOut(page);
  });

  await step('read-only preview session: changes refused with a clear message and the preview banner', async () => {
    await signIn(page, base, 'carol@demo.test');
    await page.waitForURL('**/account');
    // What the admin app's "preview as contact" hands out: a session the server marks read-only.
    sql(`UPDATE portal_sessions SET read_only = 1 WHERE user_id = (SELECT id FROM portal_users WHERE email = 'carol@demo.test')`);
    await page.goto(`${base}/invoices`);
    await page.waitForSelector('#list tbody tr[data-key]');
    const queued = Number(sql(`SELECT COUNT(*) FROM outbox WHERE to_address = 'carol@demo.test'`));
    await page.locator('#list tbody input[type="checkbox"]:not(:disabled)').first().check();
    await page.click('#email-selected');
    await page.waitForSelector('#message .alert-err');
    assert.match(await page.textContent('#message'), /read-only preview/);
    assert.equal(await page.isVisible('#preview-banner'), true);
    assert.equal(await page.textContent('#preview-banner'), 'Preview — read only');
    assert.equal(Number(sql(`SELECT COUNT(*) FROM outbox WHERE to_address = 'carol@demo.test'`)), queued, 'nothing was queued');
    await shot(page, 'preview-read-only');
    await page.click('#user-menu summary');
    await page.click('#sign-out');
    await page.waitForSelector('main .alert-warn');
    assert.match(page.url(), /\/invoices$/);
  });

  await step('portal name and logo come from the settings', async () => {
    sql(`INSERT OR REPLACE INTO settings (key, value, updated_by) VALUES ('portal.name', 'Acme Parts Portal', 'test'),
      ('portal.logo_url', '/img/favicon.svg', 'test')`);
    const visitor = await browser.newPage(); // a fresh context: nobody signed in
    await visitor.goto(`${base}/`);
    await visitor.waitForSelector('#sign-in-form');
    assert.equal(await visitor.title(), 'Sign in · Acme Parts Portal');
    assert.equal(await visitor.textContent('.brand-name'), 'Acme Parts Portal');
    assert.equal(await visitor.isVisible('#brand-logo'), true);
    await visitor.waitForFunction(() => document.querySelector('#brand-logo').complete);
    assert.ok(await visitor.$eval('#brand-logo', (img) => img.naturalWidth > 0), 'the logo loaded');
    await visitor.close();
  });

  await step('registration takes the amount as typed in the person\'s locale (11.957,53 in German)', async () => {
    const [otherNumber, otherId] = sqlRows(`SELECT c.number, c.id FROM customers c
      WHERE c.portal_enabled = 1 AND c.number <> '${customerNumber}'
        AND NOT EXISTS (SELECT 1 FROM portal_users u WHERE u.customer_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM portal_user_customers pc WHERE pc.customer_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.customer_id = c.id AND k.can_register = 0)
        AND EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = c.id)
      ORDER BY c.number LIMIT 1`)[0];
    const [docNumber] = sqlRows(`SELECT number FROM invoices WHERE customer_id = ${otherId} ORDER BY id LIMIT 1`)[0];
    sql(`UPDATE invoices SET amount = 1195753 WHERE customer_id = ${otherId} AND number = '${docNumber}'`);
    const german = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const visitor = await german.newPage();
    await visitor.goto(`${base}/register`);
    await visitor.waitForSelector('#register-form');
    assert.match(await visitor.getAttribute('#amount', 'placeholder'), /1\.234,50/);
    const email = `locale.person@${otherNumber.toLowerCase()}.example`;
    await visitor.fill('#firstName', 'Lena');
    await visitor.fill('#lastName', 'Lang');
    await visitor.fill('#customerNumber', otherNumber);
    await visitor.fill('#documentNumber', docNumber);
    await visitor.fill('#amount', '11.957,53');
    await visitor.fill('#email', email);
    await visitor.fill('#confirmEmail', email);
    await visitor.click('#register-form button[type="submit"]');
    // The page is German here (Accept-Language): the confirmation is the success box, in any language.
    await visitor.waitForSelector('main .alert-ok');
    assert.equal(await visitor.locator('#register-form').count(), 0);
    // Something that is no amount is refused next to the field, before anything is sent.
    await visitor.goto(`${base}/register`);
    await visitor.fill('#amount', '11,9,5');
    for (const id of ['firstName', 'lastName', 'customerNumber', 'documentNumber', 'email', 'confirmEmail'])
      await visitor.fill(`#${id}`, id.includes('mail') ? email : 'x');
    await visitor.click('#register-form button[type="submit"]');
    await visitor.waitForSelector('#amount[aria-invalid="true"]');
    await german.close();
  });

  await step('a mistyped address shows the portal\'s own "page not found" page', async () => {
    const visitor = await browser.newPage();
    const response = await visitor.goto(`${base}/invoicez`);
    assert.equal(response.status(), 404);
    assert.match(response.headers()['content-type'], /text\/html/);
    await visitor.waitForSelector('main h1');
    assert.equal(await visitor.textContent('main h1'), 'Page not found');
    assert.ok(!(await visitor.textContent('body')).includes('"error"'), 'no raw JSON');
    await shot(visitor, 'not-found');
    await visitor.close();
  });

  await step('locked out by others, the owner signs in with the password and the e-mailed code', async () => {
    // Someone else fails ten times on carol's account: sign-in is paused for it.
    for (let i = 0; i < 10; i += 1) {
      const r = await fetch(`${base}/api/portal/v1/session`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'carol@demo.test', password: `Wrong-${i}` }),
      });
      assert.equal(r.status, 401);
    }
    const owner = await browser.newPage();
    await owner.goto(`${base}/`);
    await owner.fill('#email', 'carol@demo.test');
    await owner.fill('#password', PASSWORD);
    await owner.click('#sign-in-form button[type="submit"]');
    await owner.waitForSelector('#message .alert-err');
    assert.match(await owner.textContent('#message'), /Too many attempts.*sign-in code/);
    assert.equal(await owner.isVisible('#code'), true);
    const mail = await waitForEmail('carol@demo.test', 'sign-in code is');
    const code = mail.match(/sign-in code is ([0-9]{8})/)[1];
    await owner.fill('#password', PASSWORD);
    await owner.fill('#code', code);
    await owner.click('#sign-in-form button[type="submit"]');
    await owner.waitForURL('**/account');
    await owner.close();
  });

  await step('no Content-Security-Policy violations or script errors', async () => {
    assert.deepEqual(cspErrors, []);
  });
} catch (error) {
  if (!failed) { failed += 1; console.log(`not ok - setup\n${error.stack || error}`); }
} finally {
  if (browser) await browser.close();
  if (server && server.exitCode === null) server.kill('SIGTERM');
  fs.rmSync(workDir, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
