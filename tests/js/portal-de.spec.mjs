// The portal in German, in real headless Chromium against the real gatehouse-server (demo data):
// a German browser (Accept-Language de-DE) gets every page in German — sign-in, forgot password,
// register, account, addresses, invoices (money and dates the German way), one invoice, orders with
// shipments, customer choice, signed out — and no visible text still equal to its English source
// (the portal's own texts, from js/de.js); the switch on the page goes to English and is remembered
// over a German Accept-Language; the forgot-password email is in German.
//
//   node portal-de.spec.mjs <path to gatehouse-server> [--screenshots <folder>]
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DE } from '../../resources/portal/js/de.js';

const serverBinary = process.argv[2] ? path.resolve(process.argv[2]) : '';
if (!serverBinary) {
  console.error('usage: node portal-de.spec.mjs <gatehouse-server> [--screenshots DIR]');
  process.exit(2);
}
const shotsIndex = process.argv.indexOf('--screenshots');
const shotsDir = shotsIndex > 0 ? path.resolve(process.argv[shotsIndex + 1]) : '';
const PASSWORD = 'Demo-Passw0rd';
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-portal-de-'));
let server;
let browser;
let failed = 0;

// English texts whose German differs: none of them may be left on a German page.
const ENGLISH = new Set(Object.entries(DE).filter(([en, de]) => en !== de && en.trim().length > 1).map(([en]) => en.trim()));

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(serverBinary, ['--demo', '--listen', '127.0.0.1:0', '--db', `sqlite:${path.join(workDir, 'g.db')}`],
      { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/Listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${out}`)); });
  });
}

async function step(name, fn) {
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}\n${error.stack || error}`);
  }
}

// Every visible element's own text, its placeholders and aria-labels, and the page title.
async function englishLeft(page) {
  const texts = await page.evaluate(() => {
    const out = [document.title.split(' · ')[0]];
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el);
      if (el.closest('[hidden]') || style.display === 'none') continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
      if (own) out.push(own);
      for (const attribute of ['placeholder', 'aria-label', 'title']) if (el.getAttribute(attribute)) out.push(el.getAttribute(attribute).trim());
    }
    return out;
  });
  return [...new Set(texts.filter((text) => ENGLISH.has(text)))];
}

async function assertGerman(page, where) {
  await page.waitForFunction(() => !document.querySelector('.loading'));
  const left = await englishLeft(page);
  assert.deepEqual(left, [], `English text left on ${where}: ${JSON.stringify(left)}`);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  if (shotsDir) await page.screenshot({ path: path.join(shotsDir, `portal-de-${where.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.png`), fullPage: true });
}

async function waitForEmail(to) {
  const folder = path.join(workDir, 'var', 'outbox');
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (fs.existsSync(folder)) {
      for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.eml'))) {
        const raw = fs.readFileSync(path.join(folder, name), 'utf8');
        const text = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
        if (text.includes(to)) return Buffer.from(text, 'latin1').toString('utf8');
      }
    }
    await new Promise((r) => setTimeout(r, 200)); // polling the outbox folder the server writes to
  }
  throw new Error(`no email to ${to}`);
}

try {
  const base = await startServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 }, locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5' },
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await step('the server answers a German browser with a German page', async () => {
    const answer = await fetch(`${base}/`, { headers: { 'Accept-Language': 'de-CH, en;q=0.5' } });
    assert.match(await answer.text(), /<html lang="de">/);
    assert.match(answer.headers.get('vary') || '', /Accept-Language/);
    const english = await fetch(`${base}/`, { headers: { 'Accept-Language': 'en-GB' } });
    assert.match(await english.text(), /<html lang="en">/);
  });

  await step('sign-in, forgot password and register are German', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('#sign-in-form');
    assert.equal((await page.textContent('h1')).trim(), 'Anmelden');
    assert.equal((await page.textContent('label[for="password"]')).trim(), 'Passwort');
    await assertGerman(page, 'sign-in');
    await page.click('#sign-in-form button[type="submit"]');
    assert.match(await page.textContent('#message'), /Bitte geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein/);
    await page.goto(`${base}/forgot-password`);
    await assertGerman(page, 'forgot-password');
    await page.goto(`${base}/register`);
    await page.fill('#email', 'nobody@example.com');
    await page.click('#register-form button[type="submit"]');
    await page.waitForSelector('[aria-invalid="true"]');
    assert.match(await page.textContent('#firstName-error'), /Bitte füllen Sie dieses Feld aus/);
    await assertGerman(page, 'register');
  });

  await step('forgot password from a German page: the email is German', async () => {
    await page.goto(`${base}/forgot-password`);
    await page.fill('#email', 'bob@demo.test');
    await page.click('#forgot-form button[type="submit"]');
    await page.waitForSelector('#message .alert-ok');
    assert.match(await page.textContent('#message'), /Falls zu bob@demo\.test ein Konto besteht/);
    const email = await waitForEmail('bob@demo.test');
    assert.match(email, /Hallo Bob/);
    assert.match(email, /jemand hat angefordert, das Passwort von bob@demo\.test/);
    assert.match(email, /\/reset-password\?token=/);
    assert.doesNotMatch(email, /someone asked to reset/);
  });

  await step('a wrong password and a server refusal read German', async () => {
    await page.goto(`${base}/`);
    await page.fill('#email', 'alice@demo.test');
    await page.fill('#password', 'not-the-password');
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForSelector('#message .alert-err');
    assert.equal((await page.textContent('#message')).trim(), 'E-Mail-Adresse oder Passwort ist nicht korrekt.');
  });

  await step('alice chooses a customer and sees her account in German', async () => {
    await page.fill('#email', 'alice@demo.test');
    await page.fill('#password', PASSWORD);
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForURL('**/select-customer**');
    await page.waitForSelector('.customer-list button');
    await assertGerman(page, 'select-customer');
    await page.click('.customer-list button[data-number="C100001"]');
    await page.waitForURL((url) => !url.pathname.startsWith('/select-customer'));
    await page.goto(`${base}/account`);
    await page.waitForSelector('dl.details');
    assert.equal((await page.textContent('h1')).trim(), 'Mein Konto');
    assert.equal((await page.textContent('#nav li[data-section="invoices.view"] a')).trim(), 'Meine Rechnungen');
    await assertGerman(page, 'account');
    await page.goto(`${base}/addresses`);
    await page.waitForSelector('#body .card, #body .alert');
    await assertGerman(page, 'addresses');
  });

  await step('invoices: German labels, money as 1.234,50 €, dates as 31.12.2026', async () => {
    await page.goto(`${base}/invoices`);
    await page.waitForSelector('#list tbody tr[data-key]');
    assert.match(await page.textContent('#total'), /^\d+ Rechnungen$/);
    assert.match(await page.textContent('#page-info'), /^Seite 1 von \d+$/);
    const amounts = await page.$$eval('#list tbody td.num', (cells) => cells.map((c) => c.textContent.trim()));
    assert.ok(amounts.length > 0);
    for (const amount of amounts) assert.match(amount, /^-?[\d.]+,\d{2}\s(€|[A-Z]{3})$/, `German money: ${amount}`);
    const dates = await page.$$eval('#list tbody tr[data-key] td:nth-child(6)', (cells) => cells.map((c) => c.textContent.trim()));
    for (const date of dates) assert.match(date, /^\d{2}\.\d{2}\.\d{4}$/, `German date: ${date}`);
    const badges = await page.$$eval('#list .badge', (b) => b.map((x) => x.textContent.trim()));
    assert.ok(badges.every((b) => ['Offen', 'Bezahlt', 'Teilweise bezahlt', 'Gutschrift'].includes(b)), badges.join());
    await assertGerman(page, 'invoices');
    await page.fill('#from', '2030-01-01');
    await page.fill('#to', '2020-01-01');
    await page.click('#filters button[type="submit"]');
    assert.match(await page.textContent('#message'), /Das „Von“-Datum darf nicht nach dem „Bis“-Datum liegen/);
    const first = await page.getAttribute('#list tbody tr[data-key]', 'data-key');
    await page.goto(`${base}/invoices/${encodeURIComponent(first)}`);
    await page.waitForSelector('dl.details');
    assert.equal((await page.textContent('h1')).trim(), `Rechnung ${first}`);
    await assertGerman(page, 'invoice');
  });

  await step('orders and their shipments are German', async () => {
    await page.goto(`${base}/orders`);
    await page.waitForSelector('#list tbody tr[data-key]');
    assert.match(await page.textContent('#total'), /^\d+ (Aufträge|Auftrag)$/);
    await assertGerman(page, 'orders');
    const shipments = await page.$('#list button[data-action="shipments"]');
    if (shipments) {
      await shipments.click();
      await page.waitForSelector('#shipments, #detail .alert');
      await assertGerman(page, 'shipments');
    }
  });

  await step('the switch goes to English and is remembered over the German browser', async () => {
    await page.click('#language-switch button[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForSelector('#list tbody tr[data-key]');
    assert.match(await page.textContent('#total'), /orders?$/);
    assert.equal((await page.textContent('#nav li[data-section="orders.view"] a')).trim(), 'My Orders');
    await page.goto(`${base}/account`);
    await page.waitForSelector('dl.details');
    assert.equal((await page.textContent('h1')).trim(), 'My Account');
    await page.click('#language-switch button[data-lang="de"]');
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    await page.waitForSelector('dl.details');
    assert.equal((await page.textContent('h1')).trim(), 'Mein Konto');
  });

  await step('signed out: German', async () => {
    await page.click('#user-menu summary');
    await page.click('#sign-out');
    await page.waitForURL('**/signed-out');
    assert.equal((await page.textContent('h1')).trim(), 'Sie wurden abgemeldet');
    await assertGerman(page, 'signed-out');
  });

  await step('no script errors on the German pages', async () => { assert.deepEqual(errors, []); });
} catch (error) {
  failed += 1;
  console.log(`not ok - setup\n${error.stack || error}`);
} finally {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  fs.rmSync(workDir, { recursive: true, force: true });
}
if (failed) { console.log(`${failed} failed`); process.exit(1); }
console.log('all passed');
