// A small "add" form: labelled inputs with ids `${id}-${field}`, the server's (or our own) message under each
// field, and a banner for what belongs to no field (404, 409, network). Used by the station and area views.
import { h, problemOf } from './dom.js';
import { fieldMessage } from './messages.js';

// spec: { id, title: [zh, en], fields: [{ name, id?, label: [zh, en], attrs, check?(raw), value?(raw) }],
//         submit: [zh, en], send(body) -> Promise, done(saved) }
export function entryForm(ctx, spec) {
  const inputs = {};
  const errors = {};
  const banner = h('p', { class: 'cg-banner', id: `${spec.id}-problem`, hidden: true });
  const rows = spec.fields.map((field) => {
    const id = `${spec.id}-${field.id || field.name}`;
    inputs[field.name] = h('input', { id, name: field.name, autocomplete: 'off', ...field.attrs });
    errors[field.name] = h('span', { class: 'cg-field-error', dataset: { errorFor: field.name } });
    return h('div', { class: 'cg-field' }, h('label', { for: id }, ctx.t(...field.label)), inputs[field.name], errors[field.name]);
  });
  const submit = h('button', { id: `${spec.id}-submit`, type: 'submit' }, ctx.t(...spec.submit));
  const form = h('form', { id: `${spec.id}-form`, class: 'cg-entry', novalidate: true, onsubmit: send },
    h('h3', {}, ctx.t(...spec.title)), banner, rows, h('div', { class: 'cg-actions' }, submit));
  return form;

  async function send(event) {
    event.preventDefault();
    Object.values(errors).forEach((e) => { e.textContent = ''; });
    banner.hidden = true;
    const body = {};
    const local = [];
    for (const field of spec.fields) {
      const raw = inputs[field.name].value.trim();
      const message = field.check && field.check(raw);
      if (message) local.push({ field: field.name, message });
      body[field.name] = field.value ? field.value(raw) : raw;
    }
    if (local.length > 0) {
      show({ status: 400, errors: local });
      return;
    }
    submit.disabled = true;
    try {
      spec.done(await spec.send(body));
    } catch (failure) {
      show(problemOf(failure));
    } finally {
      submit.disabled = false;
    }
  }

  function show(problem) {
    const unplaced = (problem.errors || []).filter((e) => {
      if (!errors[e.field]) return true;
      errors[e.field].textContent = fieldMessage(ctx, e.message);
      return false;
    });
    if (!problem.errors || unplaced.length > 0) {
      banner.textContent = problem.detail || unplaced.map((e) => `${e.field}: ${fieldMessage(ctx, e.message)}`).join('; ')
        || ctx.t('保存失败', 'Saving failed');
      banner.hidden = false;
    }
  }
}
