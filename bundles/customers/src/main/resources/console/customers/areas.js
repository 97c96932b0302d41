// The transformer areas (台区) of one supply station; operators and admins add areas here.
// Rows carry data-area. A capacity that is not a whole number is refused before anything is sent.
import { h, clear, problemOf } from './dom.js';
import { addArea, areas as loadAreas } from './api.js';
import { entryForm } from './entry-form.js';
import { problemMessage } from './messages.js';

const WHOLE_NUMBER = /^\d+$/;

export async function renderAreas(root, ctx, nav, station, canWrite, notice) {
  const back = h('button', { id: 'areas-back', type: 'button', onclick: () => nav.stations() },
    ctx.t('返回供电所列表', 'Back to stations'));
  const results = h('div', { id: 'area-results', 'aria-live': 'polite' }, h('p', {}, ctx.t('加载中…', 'Loading…')));
  const section = h('section', { id: 'areas-view', dataset: { station: station.code } },
    h('h2', {}, `${station.name}（${station.code}）`),
    notice && h('p', { class: 'cg-banner cg-ok', id: 'areas-notice' }, notice),
    results);
  clear(root).append(back, section);
  if (canWrite) {
    section.append(entryForm(ctx, {
      id: 'area-add',
      title: ['新增台区', 'Add transformer area'],
      fields: [
        { name: 'code', label: ['台区编码', 'Area code'], attrs: { maxLength: 16, placeholder: `${station.code}-T001` } },
        { name: 'name', label: ['台区名称', 'Area name'], attrs: { maxLength: 60 } },
        {
          name: 'capacityKva', id: 'capacity', label: ['变压器容量（kVA）', 'Transformer capacity (kVA)'],
          attrs: { inputMode: 'numeric', maxLength: 6, placeholder: '400' },
          check: (raw) => (raw === '' || WHOLE_NUMBER.test(raw) ? null : 'must be a whole number'),
          value: (raw) => (raw === '' ? null : Number(raw)),
        },
      ],
      submit: ['新增', 'Add'],
      send: (body) => addArea(ctx, station.code, body),
      done: (a) => nav.station(station, ctx.t(`已新增台区 ${a.code} ${a.name}`, `Area ${a.code} ${a.name} added`)),
    }));
  }
  try {
    results.replaceChildren(table(await loadAreas(ctx, station.code)));
  } catch (error) {
    results.replaceChildren(h('p', { class: 'cg-banner' }, problemMessage(ctx, problemOf(error))));
  }

  function table(list) {
    if (list.length === 0) {
      return h('p', { id: 'area-empty' }, ctx.t('该供电所还没有台区', 'This station has no transformer areas yet'));
    }
    const headers = [['编码', 'Code'], ['名称', 'Name'], ['容量（kVA）', 'Capacity (kVA)']];
    return h('table', { id: 'area-table' },
      h('thead', {}, h('tr', {}, headers.map(([zh, en]) => h('th', {}, ctx.t(zh, en))))),
      h('tbody', {}, list.map((a) => h('tr', { dataset: { area: a.code } },
        h('td', {}, a.code), h('td', {}, a.name), h('td', { class: 'cg-number' }, a.capacityKva)))));
  }
}
