// Pages before the portal proper: sign-in, registration, forgotten password, set/reset password,
// customer selection and the signed-out confirmation.
import { ApiError, api, get, post, put, setCsrf } from './api.js';
import {
  alertBox, amountExample, errorText, esc, landingPath, parseAmount, render, renderShell, safeNext, setTitle, showMessage,
  showPreviewBanner,
} from './ui.js';
import { locale, t, tn } from './i18n.js';

const params = () => new URLSearchParams(location.search);

function field(id, label, type = 'text', extra = '') {
  return `<div class="field">
    <label for="${id}">${esc(t(label))}</label>
    <input id="${id}" name="${id}" type="${type}" ${extra} aria-describedby="${id}-error">
    <div class="field-error" id="${id}-error"></div>
  </div>`;
}

function clearFieldErrors(form) {
  for (const input of form.querySelectorAll('input')) input.removeAttribute('aria-invalid');
  for (const error of form.querySelectorAll('.field-error')) error.textContent = '';
}

// Puts each 422/400 detail next to its field; returns the details that name no field on the form.
function showFieldErrors(form, details) {
  const rest = [];
  let first = null;
  for (const detail of details) {
    const name = detail && (detail.field || detail.name || detail.parameter);
    const input = name ? form.querySelector(`[name="${CSS.escape(name)}"]`) : null;
    if (!input) { rest.push(detail); continue; }
    input.setAttribute('aria-invalid', 'true');
    const box = form.querySelector(`#${CSS.escape(input.id)}-error`);
    // The server's details read "is required": put the field's label in front of such a phrase.
    let text = t(detail.message || 'Please check this field.');
    const label = form.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    if (/^[a-z]/.test(detail.message || '') && label) text = t('{field} {problem}', { field: label.textContent, problem: text });
    if (box) box.textContent = /[.!?]$/.test(text) ? text : `${text}.`;
    first = first || input;
  }
  if (first) first.focus();
  return rest;
}

async function afterSignIn(result) {
  const next = safeNext(params().get('next'));
  const customers = result.customers || [];
  if (customers.length === 1 && result.currentCustomer === customers[0].number) {
    location.assign(next || landingPath(result));
    return;
  }
  if (customers.length === 1) {
    try {
      await put('/me/customer', { number: customers[0].number });
    } catch (error) {
      if (!(error instanceof ApiError && error.readOnly)) throw error;
    }
    location.assign(next || landingPath(result));
    return;
  }
  location.assign(`/select-customer${next ? `?next=${encodeURIComponent(next)}` : ''}`);
}

export async function signIn() {
  setTitle(t('Sign in'));
  // Already signed in: straight on.
  try {
    const me = await get('/me');
    if (me) {
      const next = safeNext(params().get('next'));
      if (me.currentCustomer) { location.replace(next || landingPath(me)); return; }
      location.replace(`/select-customer${next ? `?next=${encodeURIComponent(next)}` : ''}`);
      return;
    }
  } catch { /* not signed in */ }
  const notice = params().get('notice');
  const notices = {
    'password-set': t('Your password has been saved. You can sign in now.'),
    expired: t('Your session has ended. Please sign in again.'),
  };
  render(`<div class="card narrow">
    <h1>${esc(t('Sign in'))}</h1>
    <p class="lead">${esc(t('Welcome to {portal}.', { portal: document.querySelector('meta[name="gh-portal-name"]').content }))}</p>
    <div id="message">${notices[notice] ? alertBox(notice === 'expired' ? 'info' : 'ok', notices[notice]) : ''}</div>
    <form id="sign-in-form" novalidate>
      ${field('email', 'Email', 'email', 'autocomplete="username" required')}
      ${field('password', 'Password', 'password', 'autocomplete="current-password" required')}
      <div id="code-field" hidden>
        ${field('code', 'Sign-in code from the e-mail', 'text', 'inputmode="numeric" autocomplete="one-time-code" maxlength="8"')}
      </div>
      <button type="submit" class="full">${esc(t('Sign in'))}</button>
    </form>
    <div class="form-links">
      <a href="/forgot-password">${esc(t('Forgot your password?'))}</a>
      <a href="/register">${esc(t('Register a new account'))}</a>
    </div>
  </div>`, { focus: false });
  const form = document.getElementById('sign-in-form');
  const message = document.getElementById('message');
  document.getElementById('email').focus();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const email = form.email.value.trim();
    const password = form.password.value;
    if (!email || !password) {
      showMessage(message, 'err', t('Please enter your email and password.'));
      (email ? form.password : form.email).focus();
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const code = form.code.value.replace(/\s+/g, '');
      const result = await post('/session', code ? { email, password, code } : { email, password });
      setCsrf(result.csrfToken);
      await afterSignIn(result);
    } catch (error) {
      button.disabled = false;
      let text = error instanceof ApiError && error.status === 401
        ? t('The email or password is not correct.') : errorText(error);
      if (error instanceof ApiError && error.status === 429) {
        // Sign-in is paused for this account or address; its owner can still come in with the code the
        // server e-mails when the right password is entered.
        document.getElementById('code-field').hidden = false;
        text += ' ' + t('If you entered your right password, we have e-mailed you a sign-in code: enter it below together with your password.');
      }
      showMessage(message, 'err', text);
      form.password.value = '';
      form.password.focus();
    }
  });
}

export function register() {
  setTitle(t('Register'));
  render(`<div class="card medium">
    <h1>${esc(t('Register'))}</h1>
    <p class="lead">${esc(t('Register with a current invoice or order of your company. We will email you a link to set your password.'))}</p>
    <div id="message"></div>
    <form id="register-form" novalidate>
      <div class="row2">
        ${field('firstName', 'First name', 'text', 'autocomplete="given-name" required')}
        ${field('lastName', 'Last name', 'text', 'autocomplete="family-name" required')}
      </div>
      ${field('customerNumber', 'Customer number', 'text', `required placeholder="${esc(t('e.g. C100023'))}"`)}
      <div class="row2">
        ${field('documentNumber', 'Invoice or order number', 'text', 'required')}
        ${field('amount', 'Invoice or order amount', 'text', `inputmode="decimal" required placeholder="${esc(t('e.g. {amount}', { amount: amountExample(locale()) }))}"`)}
      </div>
      <div class="row2">
        ${field('email', 'Email', 'email', 'autocomplete="email" required')}
        ${field('confirmEmail', 'Confirm email', 'email', 'autocomplete="email" required')}
      </div>
      <div class="actions">
        <button type="submit">${esc(t('Register'))}</button>
        <a href="/">${esc(t('Back to sign in'))}</a>
      </div>
    </form>
  </div>`);
  const form = document.getElementById('register-form');
  const message = document.getElementById('message');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    showMessage(message, '', '');
    const body = {};
    for (const name of ['firstName', 'lastName', 'customerNumber', 'documentNumber', 'amount', 'email', 'confirmEmail'])
      body[name] = form[name].value.trim();
    if (body.amount) {
      const amount = parseAmount(body.amount, locale());
      if (amount === null) {
        showFieldErrors(form, [{ field: 'amount', message: t('Please enter the amount as on the document, for example {amount}.', { amount: amountExample(locale()) }) }]);
        return;
      }
      body.amount = amount;
    }
    const missing = Object.entries(body).filter(([, v]) => !v).map(([k]) => ({ field: k, message: t('Please fill in this field.') }));
    if (body.email && body.confirmEmail && body.email.toLowerCase() !== body.confirmEmail.toLowerCase())
      missing.push({ field: 'confirmEmail', message: t('The two email addresses are not the same.') });
    if (missing.length) { showFieldErrors(form, missing); return; }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await post('/registrations', body);
      render(`<div class="card medium"><h1>${esc(t('Check your email'))}</h1>
        ${alertBox('ok', t('Thank you. We have sent an email to {email} with a link to set your password.', { email: body.email }))}
        <p>${esc(t('The link can be used once and expires. Please check your junk or spam folder if the email does not arrive within a few minutes.'))}</p>
        <p><a href="/">${esc(t('Back to sign in'))}</a></p></div>`);
    } catch (error) {
      button.disabled = false;
      const rest = error instanceof ApiError ? showFieldErrors(form, error.details) : [];
      const marked = error instanceof ApiError && error.details.length > 0 && rest.length === 0;
      // When every problem sits next to its field, the summary only points there.
      const text = marked ? t('Please check the fields marked below.')
        : [errorText(error), ...rest.map((d) => d.message).filter(Boolean).map((m) => t(m))]
          .filter((t, i, all) => all.indexOf(t) === i).join(' ');
      showMessage(message, 'err', text);
      if (!form.querySelector('[aria-invalid="true"]')) message.querySelector('.alert')?.focus?.();
    }
  });
}

export function forgotPassword() {
  setTitle(t('Forgot your password'));
  render(`<div class="card narrow">
    <h1>${esc(t('Forgot your password?'))}</h1>
    <p class="lead">${esc(t('Enter the email address of your account and we will send you a link to reset your password.'))}</p>
    <div id="message"></div>
    <form id="forgot-form" novalidate>
      ${field('email', 'Email', 'email', 'autocomplete="email" required')}
      <button type="submit" class="full">${esc(t('Reset my password'))}</button>
    </form>
    <div class="form-links"><a href="/">${esc(t('Back to sign in'))}</a></div>
  </div>`);
  const form = document.getElementById('forgot-form');
  const message = document.getElementById('message');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const email = form.email.value.trim();
    if (!email) { showFieldErrors(form, [{ field: 'email', message: t('Please enter your email address.') }]); return; }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await post('/password-resets', { email });
      // The same answer whatever the address: no account enumeration.
      showMessage(message, 'ok', t('If there is an account associated with {email} you will receive an email with a link to reset your password.', { email }));
      form.reset();
    } catch (error) {
      showMessage(message, 'err', errorText(error));
    } finally {
      button.disabled = false;
    }
  });
}

// The policy in words: the server's text (its settings) on English pages; on German pages the same
// rule said in German from the numbers the server put on <body>.
function passwordPolicyText() {
  const server = document.getElementById('password-policy-text').textContent;
  if (document.documentElement.lang !== 'de') return server;
  const body = document.body.dataset;
  return t('At least {min} characters (at most {max}), using at least {classes} of: lower case letters, upper case letters, digits, special characters. Leading and trailing spaces do not count.',
    { min: body.pwMin, max: body.pwMax, classes: body.pwClasses });
}

// The policy as shown beside the field; the server decides, this only guides.
function policyChecks(password) {
  const body = document.body.dataset;
  const min = Number(body.pwMin) || 8;
  const classesNeeded = Number(body.pwClasses) || 3;
  const trimmed = password.trim();
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/].filter((re) => re.test(trimmed)).length;
  return [
    { key: 'length', met: [...trimmed].length >= min, text: t('At least {min} characters (leading and trailing spaces are ignored)', { min }) },
    { key: 'classes', met: classes >= classesNeeded, text: t('At least {classes} of: lower case, upper case, digits, special characters', { classes: classesNeeded }) },
  ];
}

export function setPassword(mode) {
  const reset = mode === 'reset';
  const title = reset ? t('Reset your password') : t('Set your password');
  setTitle(title);
  const token = params().get('token') || '';
  if (!token) {
    render(`<div class="card narrow"><h1>${esc(title)}</h1>
      ${alertBox('err', t('This link is incomplete. Please use the link from your email, or request a new one.'))}
      <p><a href="/forgot-password">${esc(t('Request a new link'))}</a></p></div>`);
    return;
  }
  const policyText = passwordPolicyText();
  render(`<div class="card narrow">
    <h1>${esc(title)}</h1>
    <div id="message"></div>
    <form id="password-form" novalidate>
      <div class="field">
        <label for="password">${esc(t('New password'))}</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required
          aria-describedby="password-policy password-error">
        <div class="field-error" id="password-error"></div>
        <div id="password-policy" class="hint">
          <span>${esc(policyText)}</span>
          <ul class="policy" id="policy-list" aria-live="polite"></ul>
        </div>
      </div>
      <div class="field">
        <label for="confirm">${esc(t('Confirm new password'))}</label>
        <input id="confirm" name="confirm" type="password" autocomplete="new-password" required aria-describedby="confirm-error">
        <div class="field-error" id="confirm-error"></div>
      </div>
      <button type="submit" class="full">${esc(t('Save password'))}</button>
    </form>
  </div>`);
  const form = document.getElementById('password-form');
  const message = document.getElementById('message');
  const list = document.getElementById('policy-list');
  const update = () => {
    list.innerHTML = policyChecks(form.password.value)
      .map((c) => `<li class="${c.met ? 'met' : ''}" data-rule="${c.key}">${esc(c.text)}<span class="visually-hidden">${c.met ? esc(t(' (met)')) : ''}</span></li>`).join('');
  };
  update();
  form.password.addEventListener('input', () => {
    update();
    // A refusal from the server belongs to the password it was about.
    form.password.removeAttribute('aria-invalid');
    document.getElementById('password-error').textContent = '';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    if (form.password.value !== form.confirm.value) {
      showFieldErrors(form, [{ field: 'confirm', message: t('The two passwords are not the same.') }]);
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await put('/password', { token, password: form.password.value });
      location.assign('/?notice=password-set');
    } catch (error) {
      button.disabled = false;
      if (error instanceof ApiError && error.code === 'weak_password') {
        const messages = error.details.map((d) => d.message).filter(Boolean).map((m) => t(m));
        showFieldErrors(form, [{ field: 'password', message: messages.join(' ') || t(error.message) }]);
      } else if (error instanceof ApiError && error.code === 'invalid_token') {
        message.innerHTML = `${alertBox('err', t('This link is no longer valid: it was already used or has expired.'))}
          <p><a href="/forgot-password">${esc(t('Request a new link'))}</a></p>`;
      } else {
        showMessage(message, 'err', errorText(error));
      }
    }
  });
}

export async function selectCustomer() {
  setTitle(t('Choose a customer'));
  let me;
  try {
    me = await get('/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) { location.replace('/'); return; }
    throw error;
  }
  renderShell(me, { choosing: true });
  const next = safeNext(params().get('next'));
  const customers = me.customers || [];
  render(`<div class="card medium">
    <h1>${esc(t('Choose a customer'))}</h1>
    <p class="lead">${esc(t('Your account has access to these customers. Choose the one you want to work with.'))}</p>
    <div id="message"></div>
    <ul class="customer-list">
      ${customers.map((c) => `<li><button type="button" data-number="${esc(c.number)}">
        <span>${esc(c.name)}</span><span class="number">${esc(c.number)}</span></button></li>`).join('')}
    </ul>
    ${customers.length ? '' : alertBox('info', t('No customer is assigned to your account yet. Please contact your administrator.'))}
  </div>`);
  const message = document.getElementById('message');
  for (const button of document.querySelectorAll('.customer-list button')) {
    button.addEventListener('click', async () => {
      try {
        if (button.dataset.number !== me.currentCustomer) await put('/me/customer', { number: button.dataset.number });
        location.assign(next || landingPath(me));
      } catch (error) {
        if (error instanceof ApiError && error.readOnly) showPreviewBanner();
        showMessage(message, 'err', errorText(error));
      }
    });
  }
}

export function signedOut() {
  setTitle(t('Signed out'));
  render(`<div class="card narrow">
    <h1>${esc(t('You have been signed out'))}</h1>
    <p id="countdown" role="status">${esc(tn(5, 'You will be taken to the start page in 1 second.', 'You will be taken to the start page in {n} seconds.'))}</p>
    <p><a href="/">${esc(t('Go to the start page now'))}</a></p>
  </div>`);
  let left = 5;
  const countdown = document.getElementById('countdown');
  const timer = setInterval(() => {
    left -= 1;
    if (left <= 0) { clearInterval(timer); location.assign('/'); return; }
    countdown.textContent = tn(left, 'You will be taken to the start page in 1 second.', 'You will be taken to the start page in {n} seconds.');
  }, 1000);
}

export { api };
