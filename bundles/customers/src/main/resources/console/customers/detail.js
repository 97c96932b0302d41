// One account: its fields, and for operators the edit button and the close form (销户).
import { h, clear, problemOf } from './dom.js';
import { CATEGORIES, IMPORTANT_CLASSES, STATUSES, VOLTAGES, fieldMessage, formatTime, isStale, label, problemMessage } from './messages.js';
import { account as loadAccount, closeAccount } from './api.js';
import { staleNotice } from '/console/kit/entry-form.js';

export async function renderDetail(root, ctx, nav, number, canWrite, notice) {
  const back = h('button', { id: 'account-back', type: 'button', onclick: () => nav.list() }, ctx.t('返回列表', 'Back to list'));
  clear(root).append(back, h('p', {}, ctx.t('加载中…', 'Loading…')));
  let a;
  try {
    a = await loadAccount(ctx, number);
  } catch (error) {
    root.replaceChildren(back, h('p', { class: 'cg-banner' }, problemMessage(ctx, problemOf(error))));
    return;
  }
  const rows = [
    [['户号', 'Account number'], a.number],
    [['户名', 'Name'], a.name],
    [['联系电话', 'Phone'], a.phone],
    [['用电地址', 'Premise address'], a.address],
    [['台区', 'Transformer area'], `${a.areaName}（${a.areaCode}）`],
    [['供电所', 'Supply station'], `${a.stationName}（${a.stationCode}）`],
    [['用电类别', 'Category'], label(ctx, CATEGORIES, a.category)],
    [['供电电压', 'Voltage'], label(ctx, VOLTAGES, a.voltageLevel)],
    [['重要用户', 'Important user'], label(ctx, IMPORTANT_CLASSES, a.importantClass)],
    [['状态', 'Status'], label(ctx, STATUSES, a.status)],
    [['立户时间', 'Opened'], formatTime(ctx, a.openedAt)],
  ];
  if (a.status === 'CLOSED') {
    rows.push([['销户时间', 'Closed'], formatTime(ctx, a.closedAt)], [['销户原因', 'Close reason'], a.closeReason]);
  }
  const section = h('section', { id: 'account-detail', dataset: { account: a.number, version: a.version } },
    h('h2', {}, `${a.number} ${a.name}`),
    notice && h('p', { class: 'cg-banner cg-ok', id: 'account-notice' }, notice),
    h('dl', {}, rows.flatMap(([[zh, en], value]) => [h('dt', {}, ctx.t(zh, en)), h('dd', {}, value)])));
  root.replaceChildren(back, section);
  if (canWrite && a.status === 'OPEN') {
    section.append(h('div', { class: 'cg-actions' },
      h('button', { id: 'account-edit', type: 'button', onclick: () => nav.edit(a) }, ctx.t('修改', 'Edit'))),
    closeForm(ctx, nav, a));
  }
}

function closeForm(ctx, nav, a) {
  const reason = h('input', { id: 'account-close-reason', name: 'reason', maxLength: 200 });
  const error = h('span', { class: 'cg-field-error', dataset: { errorFor: 'reason' } });
  const banner = h('p', { class: 'cg-banner', hidden: true });
  const submit = h('button', { id: 'account-close-submit', type: 'submit' }, ctx.t('销户', 'Close account'));
  return h('form', {
    id: 'account-close-form',
    onsubmit: async (event) => {
      event.preventDefault();
      error.textContent = '';
      banner.hidden = true;
      if (!reason.value.trim()) { // asked before the confirmation, not after it
        error.textContent = fieldMessage(ctx, 'is required');
        return;
      }
      if (!window.confirm(ctx.t(`确认为 ${a.number} ${a.name} 销户？`, `Close account ${a.number} ${a.name}?`))) return;
      submit.disabled = true; // a double click closes once
      try {
        await closeAccount(ctx, a.number, a.version, reason.value);
        nav.detail(a.number, ctx.t('已销户', 'Account closed'));
      } catch (failure) {
        const problem = problemOf(failure);
        const reasonError = (problem.errors || []).find((e) => e.field === 'reason');
        if (reasonError) {
          error.textContent = fieldMessage(ctx, reasonError.message);
        } else if (isStale(problem)) {
          banner.replaceChildren(...staleNotice(ctx, () => nav.detail(a.number)));
          banner.hidden = false;
        } else {
          banner.textContent = problemMessage(ctx, problem);
          banner.hidden = false;
        }
      } finally {
        submit.disabled = false;
      }
    },
  }, h('h3', {}, ctx.t('销户', 'Close account')),
  h('div', { class: 'cg-field' }, h('label', { for: 'account-close-reason' }, ctx.t('销户原因', 'Reason')), reason, error),
  banner,
  submit);
}
