// Pages before the portal proper: sign-in, registration, forgotten password, set/reset password,
// customer selection and the signed-out confirmation.
import { ApiError, api, get, post, put, setCsrf } from './api.js';
import {
  alertBox, amountExample, errorText, esc, landingPath, parseAmount, render, renderShell, safeNext, setTitle, showMessage,
  showPreviewBanner,
} from './ui.js';

const params = () => new URLSearchParams(location.search);

function field(id, label, type = 'text', extra = '') {
  return `<div class="field">
    <label for="${id}">${esc(label)}</label>
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
    let text = detail.message || 'Please check this field.';
    const label = form.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    if (/^[a-z]/.test(text) && label) text = `${label.textContent} ${text}`;
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
  setTitle('Sign in');
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
    'password-set': 'Your password has been saved. You can sign in now.',
    expired: 'Your session has ended. Please sign in again.',
  };
  render(`<div class="card narrow">
    <h1>Sign in</h1>
    <p class="lead">Welcome to ${esc(document.querySelector('meta[name="gh-portal-name"]').content)}.</p>
    <div id="message">${notices[notice] ? alertBox(notice === 'expired' ? 'info' : 'ok', notices[notice]) : ''}</div>
    <form id="sign-in-form" novalidate>
      ${field('email', 'Email', 'email', 'autocomplete="username" required')}
      ${field('password', 'Password', 'password', 'autocomplete="current-password" required')}
      <button type="submit" class="full">Sign in</button>
    </form>
    <div class="form-links">
      <a href="/forgot-password">Forgot your password?</a>
      <a href="/register">Register a new account</a>
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
      showMessage(message, 'err', 'Please enter your email and password.');
      (email ? form.password : form.email).focus();
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const result = await post('/session', { email, password });
      setCsrf(result.csrfToken);
      await afterSignIn(result);
    } catch (error) {
      button.disabled = false;
      const text = error instanceof ApiError && error.status === 401
        ? 'The email or password is not correct.' : errorText(error);
      showMessage(message, 'err', text);
      form.password.value = '';
      form.password.focus();
    }
  });
}

export function register() {
  setTitle('Register');
  render(`<div class="card medium">
    <h1>Register</h1>
    <p class="lead">Register with a current invoice or order of your company. We will email you a link to set
      your password.</p>
    <div id="message"></div>
    <form id="register-form" novalidate>
      <div class="row2">
        ${field('firstName', 'First name', 'text', 'autocomplete="given-name" required')}
        ${field('lastName', 'Last name', 'text', 'autocomplete="family-name" required')}
      </div>
      ${field('customerNumber', 'Customer number', 'text', 'required placeholder="e.g. C100023"')}
      <div class="row2">
        ${field('documentNumber', 'Invoice or order number', 'text', 'required')}
        ${field('amount', 'Invoice or order amount', 'text', `inputmode="decimal" required placeholder="e.g. ${amountExample()}"`)}
      </div>
      <div class="row2">
        ${field('email', 'Email', 'email', 'autocomplete="email" required')}
        ${field('confirmEmail', 'Confirm email', 'email', 'autocomplete="email" required')}
      </div>
      <div class="actions">
        <button type="submit">Register</button>
        <a href="/">Back to sign in</a>
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
      const amount = parseAmount(body.amount);
      if (amount === null) {
        showFieldErrors(form, [{ field: 'amount', message: `Please enter the amount as on the document, for example ${amountExample()}.` }]);
        return;
      }
      body.amount = amount;
    }
    const missing = Object.entries(body).filter(([, v]) => !v).map(([k]) => ({ field: k, message: 'Please fill in this field.' }));
    if (body.email && body.confirmEmail && body.email.toLowerCase() !== body.confirmEmail.toLowerCase())
      missing.push({ field: 'confirmEmail', message: 'The two email addresses are not the same.' });
    if (missing.length) { showFieldErrors(form, missing); return; }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const result = await post('/registrations', body);
      render(`<div class="card medium"><h1>Check your email</h1>
        ${alertBox('ok', (result && result.message) || `We have sent an email to ${body.email} with a link to set your password.`)}
        <p>The link can be used once and expires. Please check your junk or spam folder if the email does not arrive
          within a few minutes.</p>
        <p><a href="/">Back to sign in</a></p></div>`);
    } catch (error) {
      button.disabled = false;
      const rest = error instanceof ApiError ? showFieldErrors(form, error.details) : [];
      const marked = error instanceof ApiError && error.details.length > 0 && rest.length === 0;
      // When every problem sits next to its field, the summary only points there.
      const text = marked ? 'Please check the fields marked below.'
        : [errorText(error), ...rest.map((d) => d.message).filter(Boolean)]
          .filter((t, i, all) => all.indexOf(t) === i).join(' ');
      showMessage(message, 'err', text);
      if (!form.querySelector('[aria-invalid="true"]')) message.querySelector('.alert')?.focus?.();
    }
  });
}

export function forgotPassword() {
  setTitle('Forgot your password');
  render(`<div class="card narrow">
    <h1>Forgot your password?</h1>
    <p class="lead">Enter the email address of your account and we will send you a link to reset your password.</p>
    <div id="message"></div>
    <form id="forgot-form" novalidate>
      ${field('email', 'Email', 'email', 'autocomplete="email" required')}
      <button type="submit" class="full">Reset my password</button>
    </form>
    <div class="form-links"><a href="/">Back to sign in</a></div>
  </div>`);
  const form = document.getElementById('forgot-form');
  const message = document.getElementById('message');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const email = form.email.value.trim();
    if (!email) { showFieldErrors(form, [{ field: 'email', message: 'Please enter your email address.' }]); return; }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await post('/password-resets', { email });
      // The same answer whatever the address: no account enumeration.
      showMessage(message, 'ok', `If there is an account associated with ${email} you will receive an email with a link to reset your password.`);
      form.reset();
    } catch (error) {
      showMessage(message, 'err', errorText(error));
    } finally {
      button.disabled = false;
    }
  });
}

// The policy as shown beside the field; the server decides, this only guides.
function policyChecks(password) {
  const body = document.body.dataset;
  const min = Number(body.pwMin) || 8;
  const classesNeeded = Number(body.pwClasses) || 3;
  const trimmed = password.trim();
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/].filter((re) => re.test(trimmed)).length;
  return [
    { key: 'length', met: [...trimmed].length >= min, text: `At least ${min} characters (leading and trailing spaces are ignored)` },
    { key: 'classes', met: classes >= classesNeeded, text: `At least ${classesNeeded} of: lower case, upper case, digits, special characters` },
  ];
}

export function setPassword(mode) {
  const reset = mode === 'reset';
  const title = reset ? 'Reset your password' : 'Set your password';
  setTitle(title);
  const token = params().get('token') || '';
  if (!token) {
    render(`<div class="card narrow"><h1>${title}</h1>
      ${alertBox('err', 'This link is incomplete. Please use the link from your email, or request a new one.')}
      <p><a href="/forgot-password">Request a new link</a></p></div>`);
    return;
  }
  const policyText = document.getElementById('password-policy-text').textContent;
  render(`<div class="card narrow">
    <h1>${title}</h1>
    <div id="message"></div>
    <form id="password-form" novalidate>
      <div class="field">
        <label for="password">New password</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required
          aria-describedby="password-policy password-error">
        <div class="field-error" id="password-error"></div>
        <div id="password-policy" class="hint">
          <span>${esc(policyText)}</span>
          <ul class="policy" id="policy-list" aria-live="polite"></ul>
        </div>
      </div>
      <div class="field">
        <label for="confirm">Confirm new password</label>
        <input id="confirm" name="confirm" type="password" autocomplete="new-password" required aria-describedby="confirm-error">
        <div class="field-error" id="confirm-error"></div>
      </div>
      <button type="submit" class="full">Save password</button>
    </form>
  </div>`);
  const form = document.getElementById('password-form');
  const message = document.getElementById('message');
  const list = document.getElementById('policy-list');
  const update = () => {
    list.innerHTML = policyChecks(form.password.value)
      .map((c) => `<li class="${c.met ? 'met' : ''}" data-rule="${c.key}">${esc(c.text)}<span class="visually-hidden">${c.met ? ' (met)' : ''}</span></li>`).join('');
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
      showFieldErrors(form, [{ field: 'confirm', message: 'The two passwords are not the same.' }]);
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
        const messages = error.details.map((d) => d.message).filter(Boolean);
        showFieldErrors(form, [{ field: 'password', message: messages.join(' ') || error.message }]);
      } else if (error instanceof ApiError && error.code === 'invalid_token') {
        message.innerHTML = `${alertBox('err', 'This link is no longer valid: it was already used or has expired.')}
          <p><a href="/forgot-password">Request a new link</a></p>`;
      } else {
        showMessage(message, 'err', errorText(error));
      }
    }
  });
}

export async function selectCustomer() {
  setTitle('Choose a customer');
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
    <h1>Choose a customer</h1>
    <p class="lead">Your account has access to these customers. Choose the one you want to work with.</p>
    <div id="message"></div>
    <ul class="customer-list">
      ${customers.map((c) => `<li><button type="button" data-number="${esc(c.number)}">
        <span>${esc(c.name)}</span><span class="number">${esc(c.number)}</span></button></li>`).join('')}
    </ul>
    ${customers.length ? '' : alertBox('info', 'No customer is assigned to your account yet. Please contact your administrator.')}
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
  setTitle('Signed out');
  render(`<div class="card narrow">
    <h1>You have been signed out</h1>
    <p id="countdown" role="status">You will be taken to the start page in 5 seconds.</p>
    <p><a href="/">Go to the start page now</a></p>
  </div>`);
  let left = 5;
  const countdown = document.getElementById('countdown');
  const timer = setInterval(() => {
    left -= 1;
    if (left <= 0) { clearInterval(timer); location.assign('/'); return; }
    countdown.textContent = `You will be taken to the start page in ${left} second${left === 1 ? '' : 's'}.`;
  }, 1000);
}

export { api };
