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

export function handOver(ctx, id, worker, note) {
  return act(ctx, id, 'hand-over', { worker, note });
}

export function suspend(ctx, id, reason) {
  return act(ctx, id, 'suspend', { reason });
}

export function resume(ctx, id) {
  return act(ctx, id, 'resume', {});
}

export function cancel(ctx, id, reason) {
  return act(ctx, id, 'cancel', { reason });
}

function act(ctx, id, action, body) {
  return ctx.api(`${ORDERS}/${encodeURIComponent(id)}/${action}`, { method: 'POST', body });
}
