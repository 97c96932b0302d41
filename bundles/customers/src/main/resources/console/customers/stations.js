// 供电所与台区: the office's supply stations with their area counts; operators and admins add stations here.
// Rows carry data-station; a click opens the station's areas.
import { h, clear, problemOf } from './dom.js';
import { addStation, stations as loadStations } from './api.js';
import { entryForm } from './entry-form.js';
import { problemMessage } from './messages.js';

export async function renderStations(root, ctx, nav, canWrite, notice) {
  const back = h('button', { id: 'stations-back', type: 'button', onclick: () => nav.list() },
    ctx.t('返回客户档案', 'Back to customers'));
  const results = h('div', { id: 'station-results', 'aria-live': 'polite' }, h('p', {}, ctx.t('加载中…', 'Loading…')));
  const section = h('section', { id: 'stations-view' },
    h('h2', {}, ctx.t('供电所与台区', 'Stations & areas')),
    notice && h('p', { class: 'cg-banner cg-ok', id: 'stations-notice' }, notice),
    results);
  clear(root).append(back, section);
  if (canWrite) {
    section.append(entryForm(ctx, {
      id: 'station-add',
      title: ['新增供电所', 'Add supply station'],
      fields: [
        { name: 'code', label: ['供电所编码', 'Station code'], attrs: { maxLength: 8, placeholder: 'HX' } },
        { name: 'name', label: ['供电所名称', 'Station name'], attrs: { maxLength: 60, placeholder: ctx.t('例：鹤溪镇供电所', 'e.g. 鹤溪镇供电所') } },
      ],
      submit: ['新增', 'Add'],
      send: (body) => addStation(ctx, body),
      done: (s) => nav.stations(ctx.t(`已新增供电所 ${s.code} ${s.name}`, `Station ${s.code} ${s.name} added`)),
    }));
  }
  try {
    results.replaceChildren(table(await loadStations(ctx)));
  } catch (error) {
    results.replaceChildren(h('p', { class: 'cg-banner' }, problemMessage(ctx, problemOf(error))));
  }

  function table(list) {
    if (list.length === 0) {
      return h('p', { id: 'station-empty' }, ctx.t('本单位还没有供电所', 'This office has no supply stations yet'));
    }
    const headers = [['编码', 'Code'], ['名称', 'Name'], ['台区数', 'Areas']];
    return h('table', { id: 'station-table' },
      h('thead', {}, h('tr', {}, headers.map(([zh, en]) => h('th', {}, ctx.t(zh, en))))),
      h('tbody', {}, list.map((s) => h('tr', {
        dataset: { station: s.code }, tabIndex: 0,
        onclick: () => nav.station(s),
        onkeydown: (event) => { if (event.key === 'Enter') nav.station(s); },
      }, h('td', {}, s.code), h('td', {}, s.name), h('td', { class: 'cg-number' }, s.areaCount)))));
  }
}
