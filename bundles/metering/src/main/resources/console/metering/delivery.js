// 到货入库: a delivery batch's CSV file (barcode,assetNumber,commAddress,phase,feeControl,manufacturer,accuracyClass,
// one meter per line, a first line starting with "barcode" is a header; UTF-8 or GBK) posted to /api/metering/meters/deliveries for
// operators and admins. The server checks every line first and stores all or nothing; a refused file lists its bad
// lines (`#delivery-errors li`), and nothing is stored.
import { h, problemOf } from './dom.js';
import { columnText, fieldMessage, problemMessage } from './messages.js';

const MAX_BYTES = 5 * 1024 * 1024;

export function deliveryForm(ctx, stored) {
  const batch = h('input', { id: 'delivery-batch', name: 'batch', maxlength: 40, autocomplete: 'off', required: true });
  const warehouse = h('input', { id: 'delivery-warehouse', name: 'warehouse', maxlength: 20, autocomplete: 'off',
    placeholder: ctx.t('空则默认库房', 'blank: the default warehouse') });
  const file = h('input', { id: 'delivery-file', name: 'file', type: 'file', accept: '.csv,text/csv,text/plain' });
  const submit = h('button', { id: 'delivery-submit', type: 'submit' }, ctx.t('入库', 'Receive the batch'));
  const notice = h('p', { id: 'delivery-notice', role: 'status' });
  const errors = h('ul', { id: 'delivery-errors', class: 'cg-field-error' });
  return h('form', { id: 'delivery-form', class: 'cg-entry', novalidate: true, onsubmit: send },
    h('h4', {}, ctx.t('到货批次入库（CSV 文件）', 'Receive a delivery batch (CSV file)')),
    field('delivery-batch', ctx.t('批次号', 'Batch'), batch),
    field('delivery-warehouse', ctx.t('库房', 'Warehouse'), warehouse),
    field('delivery-file', ctx.t('文件', 'File'), file),
    h('div', { class: 'cg-actions' }, submit), notice, errors);

  // UTF-8 (with or without BOM), else GB18030: Excel on a Chinese Windows saves CSV in the ANSI code page (GBK), and
  // read as UTF-8 its 华立 would arrive as replacement characters and be stored so.
  function decode(bytes) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (notUtf8) {
      return new TextDecoder('gb18030').decode(bytes);
    }
  }

  function field(id, text, input) {
    return h('div', { class: 'cg-field' }, h('label', { for: id }, text), input);
  }

  async function send(event) {
    event.preventDefault();
    notice.textContent = '';
    errors.replaceChildren();
    const chosen = file.files && file.files[0];
    const local = [];
    if (!batch.value.trim()) local.push(ctx.t('批次号：必填', 'Batch: is required'));
    if (!chosen) local.push(ctx.t('文件：请选择 CSV 文件', 'File: choose a CSV file'));
    else if (chosen.size > MAX_BYTES) local.push(ctx.t('文件：超过 5 MB', 'File: larger than 5 MB'));
    if (local.length > 0) {
      errors.replaceChildren(...local.map((text) => h('li', {}, text)));
      return;
    }
    submit.disabled = true;
    try {
      const query = `batch=${encodeURIComponent(batch.value.trim())}`
        + (warehouse.value.trim() ? `&warehouse=${encodeURIComponent(warehouse.value.trim())}` : '');
      const summary = await ctx.api(`/metering/meters/deliveries?${query}`,
        { method: 'POST', body: decode(await chosen.arrayBuffer()), headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
      notice.textContent = ctx.t(`批次 ${summary.batch} 已入库 ${summary.meters} 块表`,
        `Batch ${summary.batch}: ${summary.meters} meters received`);
      file.value = '';
      stored();
    } catch (failure) {
      const problem = problemOf(failure);
      const lines = (problem.errors || []).map((e) => h('li', {}, `${columnText(ctx, e.field)}${ctx.t('：', ': ')}${fieldMessage(ctx, e.message)}`));
      errors.replaceChildren(...(lines.length > 0 ? lines : [h('li', {}, problemMessage(ctx, problem))]),
        h('li', {}, ctx.t('文件未入库，未作任何更改', 'Nothing was stored')));
    } finally {
      submit.disabled = false;
    }
  }
}
