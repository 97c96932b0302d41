// Calls to /api from the console and its panels: JSON in and out, the CSRF token on every call, and errors
// as an Error whose .problem is the server's application/problem+json body.

let csrfToken = null;
let onSessionEnded = () => {};

export function setCsrfToken(token) {
  csrfToken = token || null;
}

/** Called when a logged-in console gets a 401: the session idled out or was ended elsewhere. */
export function whenSessionEnds(handler) {
  onSessionEnded = handler;
}

export function apiUrl(path) {
  if (path.startsWith('/api/') || path === '/api') {
    return path;
  }
  return '/api' + (path.startsWith('/') ? path : '/' + path);
}

/**
 * options: { method, body (object → JSON), headers, background (polling: does not count as activity) }.
 * Resolves to the parsed JSON (null for an empty answer).
 */
export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...(options.headers || {}) };
  if (csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  if (options.background) {
    headers['X-Background'] = '1';
  }
  let body = options.body;
  if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Blob) && !(body instanceof FormData)) {
    body = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const method = options.method || (body === undefined || body === null ? 'GET' : 'POST');
  let response;
  try {
    response = await fetch(apiUrl(path), { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch (networkError) {
    const error = new Error('network');
    error.problem = { title: 'Network error', status: 0, detail: null };
    error.status = 0;
    throw error;
  }
  const data = await readJson(response);
  if (response.ok) {
    return data;
  }
  const problem = data && typeof data === 'object' ? data : { title: response.statusText, status: response.status };
  const error = new Error(problem.detail || problem.title || 'HTTP ' + response.status);
  error.problem = problem;
  error.status = response.status;
  if (response.status === 401 && csrfToken && !options.login) {
    onSessionEnded();
  }
  throw error;
}

async function readJson(response) {
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    return null;
  }
  try {
    return await response.json();
  } catch (notJson) {
    return null;
  }
}
