// Metering panel (计量): meter stock by state with counts (#metering-stock) and the work order board, one column
// per status, one card per order ([data-order="<id>"]). Reads the module's own REST resources through ctx.api.
const STATES = {
  IN_STOCK: ['在库', 'In stock'],
  VERIFIED: ['已检定', 'Verified'],
  PRE_ISSUED: ['已预领', 'Pre-issued'],
  RECEIVED: ['已领用', 'Received'],
  INSTALLED: ['已安装', 'Installed'],
  REMOVED: ['已拆回', 'Removed'],
  SCRAPPED: ['已报废', 'Scrapped'],
};
const STATUSES = {
  OPEN: ['待处理', 'Open'],
  SUSPENDED: ['已挂起', 'Suspended'],
  COMPLETED: ['已完成', 'Completed'],
  CANCELLED: ['已取消', 'Cancelled'],
};
const TYPES = { INSTALL: ['装表', 'Install'], REMOVE: ['拆表', 'Remove'], REPLACE: ['换表', 'Replace'] };

export function render(el, ctx) {
  const label = (table, key) => (table[key] ? ctx.t(table[key][0], table[key][1]) : key);
  const root = h('div', { class: 'cg-metering', 'data-testid': 'metering-panel' });
  const problem = h('p', { id: 'metering-problem', role: 'alert' });
  const stock = h('table', { id: 'metering-stock' });
  const board = h('div', { id: 'metering-board', style: 'display:flex;gap:1em;align-items:flex-start' });
  const refresh = h('button', { id: 'metering-refresh', type: 'button', onclick: () => load() }, ctx.t('刷新', 'Refresh'));
  el.replaceChildren(root);
  root.append(
    h('h2', {}, ctx.t('计量', 'Metering')), refresh, problem,
    h('h3', {}, ctx.t('表计库存', 'Meter stock')), stock,
    h('h3', {}, ctx.t('工单看板', 'Work order board')), board);

  async function load() {
    problem.textContent = '';
    try {
      const [counts, orders] = await Promise.all([ctx.api('/metering/meters/stock'), ctx.api('/metering/orders')]);
      showStock(counts);
      showBoard(orders);
    } catch (error) {
      const p = error && error.problem;
      problem.textContent = ctx.t('加载失败：', 'Could not load: ') + ((p && (p.detail || p.title)) || (error && error.message) || '');
    }
  }

  function showStock(counts) {
    stock.replaceChildren(h('tr', {}, h('th', {}, ctx.t('状态', 'State')), h('th', {}, ctx.t('数量', 'Count'))));
    for (const state of Object.keys(STATES)) {
      stock.append(h('tr', { 'data-state': state },
        h('td', {}, label(STATES, state)), h('td', { class: 'count' }, String(counts.byState[state] ?? 0))));
    }
  }

  function showBoard(orders) {
    board.replaceChildren();
    for (const status of Object.keys(STATUSES)) {
      const mine = orders.filter((o) => o.status === status);
      const column = h('section', { 'data-status': status, style: 'flex:1;min-width:12em' },
        h('h4', {}, `${label(STATUSES, status)} (${mine.length})`));
      for (const o of mine) {
        column.append(h('article', { 'data-order': String(o.id), style: 'border:1px solid #ccc;margin:.3em 0;padding:.4em' },
          h('strong', {}, `#${o.id} ${label(TYPES, o.type)}`),
          h('div', {}, `${ctx.t('户号', 'Account')} ${o.accountNumber}`),
          o.address ? h('div', {}, o.address) : null,
          h('div', {}, `${ctx.t('施工人员', 'Worker')} ${o.worker}`),
          o.oldMeter ? h('div', {}, `${ctx.t('旧表', 'Old meter')} ${o.oldMeter}`) : null,
          o.newMeter ? h('div', {}, `${ctx.t('新表', 'New meter')} ${o.newMeter}`) : null));
      }
      board.append(column);
    }
  }

  load();
}

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}
