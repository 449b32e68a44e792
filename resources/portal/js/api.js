// The portal JSON API (API.md): same-origin cookie session, X-CSRF-Token on every state change.
import { t } from './i18n.js';

export const BASE = '/api/portal/v1';

let csrfToken = '';

export class ApiError extends Error {
  constructor(status, error) {
    super((error && error.message) || t('Request failed ({status})', { status }));
    this.status = status;
    this.code = (error && error.code) || '';
    this.details = (error && Array.isArray(error.details)) ? error.details : [];
  }
  get readOnly() { return this.status === 403 && this.code === 'read_only_session'; }
}

export function setCsrf(token) { if (token) csrfToken = token; }

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(BASE + path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  const type = response.headers.get('Content-Type') || '';
  if (response.status !== 204 && type.includes('json')) {
    try { data = await response.json(); } catch { data = null; }
  }
  if (response.status === 401 && path !== '/session' && path !== '/me' && location.pathname !== '/') {
    // The session ended (idle or absolute timeout, or signed out elsewhere): sign in again, then come back.
    const here = location.pathname + location.search;
    location.assign(`/?notice=expired&next=${encodeURIComponent(here)}`);
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data && data.error);
    const retry = response.headers.get('Retry-After');
    if (retry) error.retryAfter = Number(retry);
    throw error;
  }
  if (data && data.csrfToken) setCsrf(data.csrfToken);
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

export function customerPath(number, rest = '') {
  return `/customers/${encodeURIComponent(number)}${rest}`;
}
