// A small entry form for the panels (served at /console/kit/entry-form.js): labelled inputs and selects with ids
// `${id}-${field.id || field.name}`, a message under the field a problem names (the server's 400 field errors, the
// form's own checks, or `fieldOf` for a 404/409 that belongs to one field), and a banner (`#${id}-problem`) for what
// belongs to no field (403, 404, 409, network). A failed call changes nothing on the server, so the form keeps what
// was typed.
import { h, problemOf } from './dom.js';
import { fieldName, fieldText, isStale, problemText } from './text.js';

// spec: { id, title: [zh, en], heading?: 'h3' | 'h4',
//         fields: [{ name, id?, label: [zh, en], options?: [[value, zh, en]], attrs?, check?(raw) -> message,
//                    value?(raw) -> what is sent }],
//         submit: [zh, en], confirm?(body) -> text, send(body) -> Promise, done(answer),
//         fieldOf?(problem) -> the field a problem without field errors belongs to, extra?: [nodes],
//         reload?() -> shows the thing as it is now: offered with a stale 409 (changed by someone else meanwhile),
//         messages?: { field(ctx, message) -> text, problem(ctx, problem) -> text } (the module's translations; by
//         default the platform's, text.js) }
const PLATFORM_MESSAGES = { field: (c, message) => fieldText(c, message), problem: (c, problem) => problemText(c, problem) };

export function entryForm(ctx, spec) {
  const messages = { ...PLATFORM_MESSAGES, ...spec.messages };
  const inputs = {};
  const errors = {};
  const banner = h('p', { class: 'cg-banner', id: `${spec.id}-problem`, role: 'alert', hidden: true });
  const rows = spec.fields.map((field) => {
    const id = `${spec.id}-${field.id || field.name}`;
    inputs[field.name] = field.options
      ? h('select', { id, name: field.name }, field.options.map(([value, zh, en]) => h('option', { value }, ctx.t(zh, en))))
      : h('input', { id, name: field.name, autocomplete: 'off', ...field.attrs });
    errors[field.name] = h('span', { class: 'cg-field-error', dataset: { errorFor: field.name } });
    return h('div', { class: 'cg-field' }, h('label', { for: id }, ctx.t(...field.label)), inputs[field.name], errors[field.name]);
  });
  const submit = h('button', { id: `${spec.id}-submit`, type: 'submit' }, ctx.t(...spec.submit));
  return h('form', { id: `${spec.id}-form`, class: 'cg-entry', novalidate: true, onsubmit: send },
    h(spec.heading || 'h4', {}, ctx.t(...spec.title)), banner, rows, h('div', { class: 'cg-actions' }, submit, spec.extra || []));

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
    const own = !problem.errors && spec.fieldOf && spec.fieldOf(problem);
    if (own && errors[own]) {
      errors[own].textContent = messages.problem(ctx, problem);
    } else if (!problem.errors && isStale(problem) && spec.reload) {
      banner.replaceChildren(...staleNotice(ctx, spec.reload));
      banner.hidden = false;
    } else {
      showProblem(ctx, problem, errors, banner, messages);
    }
  }
}

// A refusal on a form: each field error under its field (`errors`: field name -> element), those of no field there
// and a problem without field errors in the banner. `messages` translates (by default the platform's, text.js).
export function showProblem(ctx, problem, errors, banner, messages = PLATFORM_MESSAGES) {
  const unplaced = (problem.errors || []).filter((e) => {
    if (!errors[e.field]) return true;
    errors[e.field].textContent = messages.field(ctx, e.message);
    return false;
  });
  if (!problem.errors || unplaced.length > 0) {
    banner.textContent = unplaced.length > 0
      ? unplaced.map((e) => `${fieldName(ctx, e.field)}${ctx.t('：', ': ')}${messages.field(ctx, e.message)}`).join(ctx.t('；', '; '))
      : messages.problem(ctx, problem) || ctx.t('保存失败', 'Saving failed');
    banner.hidden = false;
  }
}

// What a form shows for a stale 409: the thing was changed by someone else since it was shown; a button shows it
// again as it is now (nothing typed is sent again by itself).
export function staleNotice(ctx, reload) {
  return [ctx.t('已被他人修改，请重新加载后再操作。', 'Someone else changed it meanwhile; reload it and try again.'), ' ',
    h('button', { type: 'button', class: 'cg-reload', onclick: reload }, ctx.t('重新加载', 'Reload'))];
}
