// A small form: labelled inputs and selects with ids `${id}-${name}`, the server's message for a field under that
// field, and a banner (`#${id}-problem`) for what belongs to no field (403, 404, 409, network). A failed call
// changes nothing on the server, so the form keeps what was typed.
import { h, problemOf } from './dom.js';
import { fieldMessage, problemMessage } from './messages.js';

// spec: { id, title: [zh, en], fields: [{ name, label: [zh, en], options?: [[value, zh, en]], attrs? }],
//         submit: [zh, en], confirm?(body) -> text, send(body) -> Promise, done(answer),
//         fieldOf?(problem) -> the field a problem without field errors belongs to, extra?: [nodes] }
export function entryForm(ctx, spec) {
  const inputs = {};
  const errors = {};
  const banner = h('p', { class: 'cg-banner', id: `${spec.id}-problem`, role: 'alert', hidden: true });
  const rows = spec.fields.map((field) => {
    const id = `${spec.id}-${field.name}`;
    inputs[field.name] = field.options
      ? h('select', { id, name: field.name }, field.options.map(([value, zh, en]) => h('option', { value }, ctx.t(zh, en))))
      : h('input', { id, name: field.name, autocomplete: 'off', ...field.attrs });
    errors[field.name] = h('span', { class: 'cg-field-error', dataset: { errorFor: field.name } });
    return h('div', { class: 'cg-field' }, h('label', { for: id }, ctx.t(...field.label)), inputs[field.name], errors[field.name]);
  });
  const submit = h('button', { id: `${spec.id}-submit`, type: 'submit' }, ctx.t(...spec.submit));
  const form = h('form', { id: `${spec.id}-form`, class: 'cg-entry', novalidate: true, onsubmit: send },
    h('h4', {}, ctx.t(...spec.title)), banner, rows, h('div', { class: 'cg-actions' }, submit, spec.extra || []));
  return form;

  async function send(event) {
    event.preventDefault();
    Object.values(errors).forEach((e) => { e.textContent = ''; });
    banner.hidden = true;
    const body = Object.fromEntries(spec.fields.map((field) => [field.name, inputs[field.name].value.trim()]));
    if (spec.confirm && !window.confirm(spec.confirm(body))) return;
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
    const own = !problem.errors && spec.fieldOf && spec.fieldOf(problem);
    if (own && errors[own]) {
      errors[own].textContent = problemMessage(ctx, problem);
    } else if (!problem.errors || unplaced.length > 0) {
      banner.textContent = unplaced.length > 0
        ? unplaced.map((e) => `${e.field}: ${fieldMessage(ctx, e.message)}`).join('; ')
        : problemMessage(ctx, problem);
      banner.hidden = false;
    }
  }
}
