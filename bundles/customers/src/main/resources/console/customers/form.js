// Open (account === null) or edit an account. Every field error of a 400 answer is shown under its field.
import { h, clear, problemOf } from './dom.js';
import { CATEGORIES, IMPORTANT_CLASSES, VOLTAGES, fieldMessage, isStale, problemMessage } from './messages.js';
import { areas, changeAccount, openAccount, stations } from './api.js';

const EDITABLE = ['name', 'phone', 'address', 'areaCode', 'category', 'voltageLevel', 'importantClass'];

// draft: { values, problem } — what the user typed so far and the last refusal of it, kept by the panel; a form
// rendered again (the language switch) shows them instead of the stored values (the field errors vanished before).
export async function renderForm(root, ctx, nav, account, draft = { values: {} }) {
  const opening = account === null;
  const values = { ...(account || { category: 'RESIDENTIAL', voltageLevel: 'V220', importantClass: 'NONE' }), ...draft.values };
  const fields = {};
  const errors = {};
  const banner = h('div', { class: 'cg-banner', id: 'account-form-problem', hidden: true });

  const field = (name, zh, en, input) => {
    input.id = `account-field-${name}`;
    input.name = name;
    fields[name] = input;
    errors[name] = h('span', { class: 'cg-field-error', dataset: { errorFor: name } });
    return h('div', { class: 'cg-field' }, h('label', { for: input.id }, ctx.t(zh, en)), input, errors[name]);
  };
  const text = (name, maxLength) => h('input', { value: values[name] || '', maxLength });
  const choice = (name, table) => h('select', {}, Object.entries(table).map(([key, [zh, en]]) =>
    h('option', { value: key, selected: values[name] === key }, ctx.t(zh, en))));

  let areasAsked = 0; // a station changed twice quickly: only the last one's areas are listed
  const station = h('select', { id: 'account-field-station', name: 'stationCode',
    onchange: () => loadAreas(station.value, null).catch(failedToLoad) });
  const areaSelect = h('select', {});
  const save = h('button', { id: 'account-form-submit', type: 'submit' }, ctx.t('保存', 'Save'));
  const form = h('form', { id: 'account-form', novalidate: true, onsubmit: submit },
    h('h2', {}, opening ? ctx.t('开户', 'Open account') : ctx.t(`修改 ${account.number}`, `Edit ${account.number}`)),
    banner,
    opening && field('number', '户号', 'Account number', h('input', { inputMode: 'numeric', maxLength: 10, value: values.number || '' })),
    field('name', '户名', 'Name', text('name', 60)),
    field('phone', '联系电话', 'Phone', text('phone', 20)),
    field('address', '用电地址', 'Premise address', text('address', 200)),
    h('div', { class: 'cg-field' }, h('label', { for: 'account-field-station' }, ctx.t('供电所', 'Supply station')), station),
    field('areaCode', '台区', 'Transformer area', areaSelect),
    field('category', '用电类别', 'Category', choice('category', CATEGORIES)),
    field('voltageLevel', '供电电压', 'Voltage', choice('voltageLevel', VOLTAGES)),
    field('importantClass', '重要用户', 'Important user', choice('importantClass', IMPORTANT_CLASSES)),
    h('div', { class: 'cg-actions' },
      save,
      h('button', { id: 'account-form-cancel', type: 'button',
        onclick: () => (opening ? nav.list() : nav.detail(account.number)) }, ctx.t('取消', 'Cancel'))));
  const keep = (event) => { if (event.target.name) draft.values[event.target.name] = event.target.value; };
  form.addEventListener('input', keep);
  form.addEventListener('change', keep);
  clear(root).append(form);
  if (draft.problem) showProblem(draft.problem); // in the language now chosen

  // Saving waits for the stations and areas: a form whose lists failed to load (the database away) would send no area
  // and be told "required" for a server failure (probe). Until they are there, Save is off and the banner offers a reload.
  let listsLoaded = false;
  save.disabled = true;
  await loadLists();

  async function loadLists() {
    try {
      const list = await stations(ctx);
      station.replaceChildren(...list.map((s) => h('option', { value: s.code, selected: s.code === values.stationCode }, s.name)));
      if (list.length > 0) await loadAreas(station.value, values.areaCode);
      listsLoaded = true;
      save.disabled = false;
    } catch (error) {
      failedToLoad(error);
    }
  }

  function failedToLoad(error) {
    listsLoaded = false;
    save.disabled = true;
    banner.replaceChildren(ctx.t('加载供电所和台区失败：', 'Could not load the stations and areas: ')
      + problemMessage(ctx, problemOf(error)), ' ',
      h('button', { type: 'button', id: 'account-form-reload-lists', onclick: () => { banner.hidden = true; loadLists(); } },
        ctx.t('重新加载', 'Reload')));
    banner.hidden = false;
  }

  async function loadAreas(stationCode, selected) {
    const mine = ++areasAsked;
    const list = await areas(ctx, stationCode);
    if (mine !== areasAsked) return;
    areaSelect.replaceChildren(...list.map((a) => h('option', { value: a.code, selected: a.code === selected }, `${a.name}（${a.code}）`)));
  }

  async function submit(event) {
    event.preventDefault();
    if (!listsLoaded) return; // Enter in a field while the lists are missing
    Object.values(errors).forEach((e) => { e.textContent = ''; });
    banner.hidden = true;
    draft.problem = null;
    const body = Object.fromEntries(EDITABLE.map((name) => [name, fields[name].value]));
    save.disabled = true; // a double click sends one request
    try {
      const saved = opening
        ? await openAccount(ctx, { number: fields.number.value.trim(), ...body })
        : await changeAccount(ctx, account.number, account.version, body);
      nav.detail(saved.number, opening ? ctx.t('已开户', 'Account opened') : ctx.t('已保存', 'Saved'));
    } catch (error) {
      showProblem(problemOf(error));
    } finally {
      save.disabled = !listsLoaded;
    }
  }

  function showProblem(problem) {
    draft.problem = problem;
    const unplaced = (problem.errors || []).filter((e) => {
      if (!errors[e.field]) return true;
      errors[e.field].textContent = fieldMessage(ctx, e.message);
      return false;
    });
    if (!problem.errors || unplaced.length > 0) {
      const stale = isStale(problem);
      banner.replaceChildren(stale
        ? ctx.t('此户已被他人修改，请重新加载后再改。', 'Someone else changed this account; reload it and try again.')
        : problemMessage(ctx, problem));
      if (stale && !opening) {
        banner.append(' ', h('button', { type: 'button', onclick: () => nav.detail(account.number) }, ctx.t('重新加载', 'Reload')));
      }
      banner.hidden = false;
    }
  }
}
