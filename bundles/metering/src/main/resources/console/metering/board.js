// The work order board (#metering-board): one column per status with the status's total, one card per order
// ([data-order="<id>"], completed ones link their PDF form), newest first, a page at a time (更多 loads the next). A card opens the order under the board with its history; operators, dispatchers and
// admins get 新建工单 and the hand-over, suspend/resume and cancel forms, a field worker the hand-over and
// suspend/resume of his own orders (as WorkOrderService allows), an auditor none.
import { h, problemOf } from './dom.js';
import { WORKERS_LIST, order as loadOrder, orders as loadOrders, workers as loadWorkers } from './api.js';
import { STATUSES, TYPES, label, problemMessage, underWay } from './messages.js';
import { orderForm } from './order-form.js';
import { orderDetail } from './order-detail.js';

const DISPATCH = ['operator', 'dispatcher', 'admin'];
const PAGE = 50;

// The open order, kept across re-renders of the panel (the shell renders it again when the language changes).
const memory = { user: null, selected: null };

export function workOrderBoard(ctx, reload) {
  const roles = Array.from((ctx.caller && ctx.caller.roles) || []);
  const user = ctx.caller && ctx.caller.user;
  if (memory.user !== user) Object.assign(memory, { user, selected: null });
  const dispatch = DISPATCH.some((role) => roles.includes(role));
  const can = { dispatch, flow: (o) => dispatch || (roles.includes('field') && o.worker === user) };

  const board = h('div', { id: 'metering-board', style: 'display:flex;gap:1em;align-items:flex-start' });
  const formArea = h('div', { id: 'order-form-area' });
  const detail = h('div', { id: 'order-detail-area' });
  const open = dispatch
    ? h('button', { id: 'order-new', type: 'button', onclick: openForm }, ctx.t('新建工单', 'New work order')) : null;
  const workerList = h('datalist', { id: WORKERS_LIST });
  const element = h('div', { class: 'cg-orders' }, open, workerList, formArea, board, detail);
  let restored = false;
  return { element, load };

  // The first page of every status and the field workers; a failure rejects (the panel shows it). With
  // `detailToo` (刷新) the open order is fetched again as well, so its facts and forms are those of now.
  async function load(detailToo = false) {
    const statuses = Object.keys(STATUSES);
    const [pages, workers] = await Promise.all([
      Promise.all(statuses.map((status) => loadOrders(ctx, status, PAGE))),
      can.dispatch || roles.includes('field') ? loadWorkers(ctx) : Promise.resolve([])]);
    workerList.replaceChildren(...workers.map((name) => h('option', { value: name })));
    show(Object.fromEntries(statuses.map((status, i) => [status, pages[i]])));
    if (detailToo && memory.selected !== null) await select(memory.selected);
  }

  function openForm() {
    formArea.replaceChildren(orderForm(ctx, { created, close: () => formArea.replaceChildren() }));
    formArea.querySelector('select, input').focus();
  }

  function created(view) {
    formArea.replaceChildren();
    changed(view, ctx.t(`已创建工单 #${view.id}`, `Work order #${view.id} created`));
  }

  function changed(view, notice) {
    memory.selected = view.id;
    showDetail(view, notice);
    reload();
  }

  function showDetail(view, notice) {
    detail.replaceChildren(orderDetail(ctx, view, { can, changed, notice, reload: () => reopen(view.id) }));
    markSelected();
  }

  async function select(id) {
    memory.selected = id;
    markSelected();
    try {
      const view = await loadOrder(ctx, id);
      if (memory.selected !== id) return; // another card was clicked while this one loaded
      showDetail(view);
    } catch (error) {
      if (memory.selected !== id) return;
      memory.selected = null;
      detail.replaceChildren(h('p', { class: 'cg-banner', id: 'order-detail-problem', role: 'alert' },
        problemMessage(ctx, problemOf(error))));
    }
  }

  // After a move refused as stale: the order as it is now, and the board with it.
  function reopen(id) {
    select(id);
    reload();
  }

  function markSelected() {
    for (const card of board.querySelectorAll('article[data-order]')) {
      card.classList.toggle('cg-selected', card.dataset.order === String(memory.selected));
    }
  }

  function show(pages) {
    board.replaceChildren();
    for (const status of Object.keys(STATUSES)) {
      const page = pages[status];
      const cards = h('div', { class: 'cg-cards' }, page.items.map(card));
      const column = h('section', { 'data-status': status, 'data-total': String(page.total), style: 'flex:1;min-width:12em' },
        h('h4', {}, `${label(ctx, STATUSES, status)} (${page.total})`), cards);
      if (page.items.length < page.total) column.append(more(status, cards, page.total));
      board.append(column);
    }
    markSelected();
    if (!restored) {
      restored = true;
      if (memory.selected !== null) select(memory.selected);
    }
  }

  // 更多: the orders older than the column's last card, appended (by id, so orders that arrived or moved meanwhile
  // are neither repeated nor skipped); gone once none is left.
  function more(status, cards, total) {
    const button = h('button', { type: 'button', class: 'cg-more', 'data-more': status });
    const shown = () => cards.querySelectorAll('article[data-order]').length;
    let left = total - shown();
    const caption = () => { button.textContent = ctx.t(`更多（还有 ${left} 张）`, `More (${left} left)`); };
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const last = cards.querySelector('article[data-order]:last-of-type');
        const next = await loadOrders(ctx, status, PAGE, last.dataset.order);
        cards.append(...next.items.map(card));
        markSelected();
        left = next.total - next.items.length;
        if (left <= 0 || next.items.length === 0) button.remove(); else caption();
      } catch (error) {
        button.replaceWith(h('p', { class: 'cg-banner', role: 'alert' }, problemMessage(ctx, problemOf(error))));
      } finally {
        button.disabled = false;
      }
    });
    caption();
    return button;
  }

  function card(o) {
    return h('article', { 'data-order': String(o.id), style: 'border:1px solid #ccc;margin:.3em 0;padding:.4em',
      tabindex: 0, title: ctx.t('查看详情与处理记录', 'Details and history'),
      onclick: (e) => { if (!e.target.closest('a')) select(o.id); },
      onkeydown: (e) => { if (e.key === 'Enter') select(o.id); } },
    h('strong', {}, `#${o.id} ${label(ctx, TYPES, o.type)}`),
    h('div', {}, `${ctx.t('户号', 'Account')} ${o.accountNumber}`),
    o.address ? h('div', {}, o.address) : null,
    o.worker ? h('div', {}, `${ctx.t('施工人员', 'Worker')} ${o.worker}`)
      : underWay(o) ? h('div', { class: 'cg-unassigned' }, ctx.t('待派工', 'Not assigned yet')) : null,
    o.oldMeter ? h('div', {}, `${ctx.t('旧表', 'Old meter')} ${o.oldMeter}`) : null,
    o.newMeter ? h('div', {}, `${ctx.t('新表', 'New meter')} ${o.newMeter}`) : null,
    o.status === 'COMPLETED' ? h('a', { class: 'order-form', href: `/api/metering/orders/${o.id}/form`, target: '_blank' },
      ctx.t('电子工单 (PDF)', 'Form (PDF)')) : null);
  }
}
