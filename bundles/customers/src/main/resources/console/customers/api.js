// The panel's calls to its own REST resources under /api/customers, through the console's ctx.api
// (which adds the CSRF header and throws an Error carrying the problem+json body).
// A search page is as long as the module's searchDefaultLimit (20 unless configured): asking for a fixed size would
// be refused wherever searchMaxLimit is set lower. The pager steps by the page's own limit.
export function searchAccounts(ctx, q, offset) {
  const query = new URLSearchParams({ q, offset: String(offset) });
  return ctx.api(`/customers/accounts?${query}`);
}

export function account(ctx, number) {
  return ctx.api(`/customers/accounts/${encodeURIComponent(number)}`);
}

export function openAccount(ctx, body) {
  return send(ctx, '/customers/accounts', 'POST', body);
}

export function changeAccount(ctx, number, version, body) {
  return send(ctx, `/customers/accounts/${encodeURIComponent(number)}`, 'PUT', { ...body, version },
    { 'If-Match': `"${version}"` });
}

export function closeAccount(ctx, number, version, reason) {
  return send(ctx, `/customers/accounts/${encodeURIComponent(number)}/close`, 'POST', { reason, version },
    { 'If-Match': `"${version}"` });
}

export function stations(ctx) {
  return ctx.api('/customers/stations');
}

export function areas(ctx, stationCode) {
  return ctx.api(`/customers/stations/${encodeURIComponent(stationCode)}/areas`);
}

export function addStation(ctx, body) {
  return send(ctx, '/customers/stations', 'POST', body);
}

export function addArea(ctx, stationCode, body) {
  return send(ctx, `/customers/stations/${encodeURIComponent(stationCode)}/areas`, 'POST', body);
}

function send(ctx, path, method, body, headers = {}) {
  return ctx.api(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
