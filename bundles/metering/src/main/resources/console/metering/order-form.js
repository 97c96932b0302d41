// 新建工单: type, account, address, worker, optional phase, note, posted to /api/metering/orders. An unknown account
// (404) or one whose meter does not fit the type (409) is shown under the account number.
import { h } from './dom.js';
import { entryForm } from './entry-form.js';
import { WORKERS_LIST, createOrder } from './api.js';
import { PHASES, TYPES } from './messages.js';

export function orderForm(ctx, { created, close }) {
  return entryForm(ctx, {
    id: 'order',
    title: ['新建工单', 'New work order'],
    fields: [
      { name: 'type', label: ['工单类型', 'Type'], options: Object.entries(TYPES).map(([key, [zh, en]]) => [key, zh, en]) },
      { name: 'accountNumber', label: ['户号', 'Account number'], attrs: { inputmode: 'numeric', maxlength: 10 } },
      { name: 'address', label: ['地址（空则取档案地址）', 'Address (blank: the account\'s)'], attrs: { maxlength: 200 } },
      { name: 'worker', label: ['施工人员（空则待派工）', 'Worker (blank: assign later)'],
        attrs: { maxlength: 60, list: WORKERS_LIST } },
      { name: 'phase', label: ['相别', 'Phase'],
        options: [['', '不限', 'Any'], ...Object.entries(PHASES).map(([key, [zh, en]]) => [key, zh, en])] },
      { name: 'note', label: ['备注', 'Note'], attrs: { maxlength: 200 } },
    ],
    submit: ['创建', 'Create'],
    send: (body) => createOrder(ctx, { ...body, phase: body.phase || null, worker: body.worker || null }),
    done: created,
    fieldOf: (problem) => ((problem.status === 404 || problem.status === 409) && /^account /.test(problem.detail || '')
      ? 'accountNumber' : null),
    extra: [h('button', { id: 'order-close', type: 'button', onclick: close }, ctx.t('关闭', 'Close'))],
  });
}
