// The work order calls of the panel to /api/metering/orders (WorkOrderResource), through the console's ctx.api,
// which adds the CSRF header and throws an Error carrying the problem+json body.
const ORDERS = '/metering/orders';

// The id of the board's <datalist> of field workers, offered by the worker inputs of the order forms.
export const WORKERS_LIST = 'metering-workers';

// One page of the orders in a status, newest first: { items, total, offset, limit }; with `before` (an order id)
// the orders older than that one, and their total.
export function orders(ctx, status, limit, before) {
  return ctx.api(`${ORDERS}?status=${encodeURIComponent(status)}&limit=${limit}`
    + (before === undefined ? '' : `&before=${encodeURIComponent(before)}`));
}

// The field workers an order can be given to (the office's logins with the role field).
export function workers(ctx) {
  return ctx.api(`${ORDERS}/workers`);
}

export function order(ctx, id) {
  return ctx.api(`${ORDERS}/${encodeURIComponent(id)}`);
}

export function createOrder(ctx, body) {
  return ctx.api(ORDERS, { method: 'POST', body });
}

// The back office's moves of an order send the order's version as it was shown (If-Match): an order changed by a
// colleague since is refused with a stale 409 instead of being overwritten.
export function handOver(ctx, o, worker, note) {
  return act(ctx, o, 'hand-over', { worker, note });
}

export function suspend(ctx, o, reason) {
  return act(ctx, o, 'suspend', { reason });
}

export function resume(ctx, o) {
  return act(ctx, o, 'resume', {});
}

export function cancel(ctx, o, reason) {
  return act(ctx, o, 'cancel', { reason });
}

function act(ctx, o, action, body) {
  return ctx.api(`${ORDERS}/${encodeURIComponent(o.id)}/${action}`,
    { method: 'POST', body, headers: { 'If-Match': `"${o.version}"` } });
}
