// The work order calls of the panel to /api/metering/orders (WorkOrderResource), through the console's ctx.api,
// which adds the CSRF header and throws an Error carrying the problem+json body.
const ORDERS = '/metering/orders';

export function orders(ctx) {
  return ctx.api(ORDERS);
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
