// Metering panel (计量): meter stock by state with counts (#metering-stock); the work order board, one column per
// status, one card per order ([data-order="<id>"], completed ones link their PDF form); a meter's history timeline
// (#meter-history) and a chart of its daily readings with their validation (#meter-chart); the collection topology
// of a transformer area (#topology). Reads the module's own REST resources through ctx.api. The board and the work
// order forms are in board.js.
import { h, problemOf } from './dom.js';
import { READING_REASONS, auditText, formatTime, problemMessage } from './messages.js';
import { workOrderBoard } from './board.js';
import { deliveryForm } from './delivery.js';

const STOCK_ROLES = ['operator', 'admin'];

const STATES = {
  IN_STOCK: ['在库', 'In stock'],
  VERIFIED: ['已检定', 'Verified'],
  PRE_ISSUED: ['已预领', 'Pre-issued'],
  RECEIVED: ['已领用', 'Received'],
  INSTALLED: ['已安装', 'Installed'],
  REMOVED: ['已拆回', 'Removed'],
  SCRAPPED: ['已报废', 'Scrapped'],
};
const READING = { VALID: ['有效', 'valid', '#2a7'], ESTIMATED: ['估算', 'estimated', '#e90'], FAILED: ['无效', 'failed', '#d22'] };
const SVG = 'http://www.w3.org/2000/svg';

export function render(el, ctx) {
  ensureStyles();
  const label = (table, key) => (table[key] ? ctx.t(table[key][0], table[key][1]) : key);
  const root = h('div', { class: 'cg-metering', 'data-testid': 'metering-panel' });
  const problem = h('p', { id: 'metering-problem', role: 'alert' });
  const stock = h('table', { id: 'metering-stock' });
  const holders = h('div', { id: 'metering-holders' });
  const board = workOrderBoard(ctx, () => load());
  const refresh = h('button', { id: 'metering-refresh', type: 'button', onclick: () => load(true) }, ctx.t('刷新', 'Refresh'));
  const barcode = h('input', { id: 'meter-barcode', placeholder: ctx.t('表计条码（22位）', 'Meter barcode (22 digits)'), size: 24,
    maxLength: 22 });
  const meter = h('div', { id: 'metering-meter' });
  const area = h('input', { id: 'topology-area', placeholder: ctx.t('台区编号', 'Transformer area code'), size: 14,
    maxLength: 20 });
  // a failed lookup is shown where its answer would have been; a newer lookup wins over a slower older one
  const sectionProblem = (id, error) => h('p', { id, class: 'cg-banner', role: 'alert' }, problemMessage(ctx, problemOf(error)));
  let meterAsked = 0;
  let areaAsked = 0;
  const topology = h('div', { id: 'topology' });
  el.replaceChildren(root);
  root.append(
    h('h2', {}, ctx.t('计量', 'Metering')), refresh, problem,
    h('h3', {}, ctx.t('表计库存', 'Meter stock')), stock, holders,
    // the delivery form for those who keep the stock; nothing at all for the others (append would write "null")
    ...(STOCK_ROLES.some((role) => ((ctx.caller && ctx.caller.roles) || []).includes(role)) ? [deliveryForm(ctx, () => load())] : []),
    h('h3', {}, ctx.t('工单看板', 'Work order board')), board.element,
    h('h3', {}, ctx.t('表计履历与示数', 'Meter history and readings')),
    h('form', { onsubmit: (e) => { e.preventDefault(); showMeter(barcode.value.trim()); } }, barcode,
      h('button', { id: 'meter-show', type: 'submit' }, ctx.t('查询', 'Show'))), meter,
    h('h3', {}, ctx.t('台区采集拓扑', 'Collection topology of an area')),
    h('form', { onsubmit: (e) => { e.preventDefault(); showTopology(area.value.trim()); } }, area,
      h('button', { id: 'topology-show', type: 'submit' }, ctx.t('查询', 'Show'))), topology);

  function fail(error) {
    problem.textContent = problemMessage(ctx, problemOf(error));
  }

  async function showMeter(code) {
    const asked = ++meterAsked;
    if (!code) return;
    try {
      const to = new Date(Date.now() + 86400000);
      const from = new Date(to.getTime() - 32 * 86400000);
      const [m, history, readings] = await Promise.all([
        ctx.api(`/metering/meters/${encodeURIComponent(code)}`),
        ctx.api(`/metering/meters/${encodeURIComponent(code)}/history`),
        ctx.api(`/metering/readings?barcode=${encodeURIComponent(code)}&kind=DAILY&from=${from.toISOString()}&to=${to.toISOString()}`)]);
      if (asked !== meterAsked) return;
      const timeline = h('ol', { id: 'meter-history' });
      for (const t of history) {
        timeline.append(h('li', { 'data-state': t.to },
          h('time', {}, formatTime(ctx, t.at)), ' ',
          h('strong', {}, `${t.from ? label(STATES, t.from) + ' → ' : ''}${label(STATES, t.to)}`),
          ` ${t.actor}`, t.deviceId ? ` · ${t.deviceId}` : '', t.location ? ` · ${t.location}` : '', t.detail ? ` · ${auditText(ctx, t.detail)}` : ''));
      }
      meter.replaceChildren(
        h('p', { id: 'meter-detail', 'data-barcode': m.barcode },
          `${m.barcode} · ${m.assetNumber} · ${label(STATES, m.state)}`,
          m.accountNumber ? ` · ${ctx.t('户号', 'Account')} ${m.accountNumber}` : ''),
        timeline, chart(readings.filter((r) => r.register === 'TOTAL')));
    } catch (error) {
      if (asked === meterAsked) meter.replaceChildren(sectionProblem('meter-problem', error));
    }
  }

  /** Daily TOTAL readings as a line, each point coloured by its validation outcome, with a legend. */
  function chart(readings) {
    const width = 640; const height = 200; const pad = 36;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('id', 'meter-chart');
    svg.setAttribute('width', width); svg.setAttribute('height', height + 24);
    if (readings.length === 0) {
      svg.append(svgText(pad, height / 2, ctx.t('近30天无日冻结示数', 'No daily readings in the last 30 days')));
      return svg;
    }
    const times = readings.map((r) => Date.parse(r.readAt));
    const values = readings.map((r) => Number(r.kwh));
    const [t0, t1] = [Math.min(...times), Math.max(...times)];
    const [v0, v1] = [Math.min(...values), Math.max(...values)];
    const x = (t) => pad + (t1 === t0 ? 0 : (t - t0) / (t1 - t0)) * (width - 2 * pad);
    const y = (v) => height - pad / 2 - (v1 === v0 ? 0.5 : (v - v0) / (v1 - v0)) * (height - pad);
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', readings.map((r, i) => `${x(times[i])},${y(values[i])}`).join(' '));
    line.setAttribute('fill', 'none'); line.setAttribute('stroke', '#57a');
    svg.append(line, svgText(2, 12, `${v1.toFixed(2)} kWh`), svgText(2, height - 4, `${v0.toFixed(2)} kWh`));
    readings.forEach((r, i) => {
      const dot = document.createElementNS(SVG, 'circle');
      dot.setAttribute('cx', x(times[i])); dot.setAttribute('cy', y(values[i])); dot.setAttribute('r', 3.5);
      dot.setAttribute('fill', (READING[r.status] || READING.VALID)[2]);
      dot.setAttribute('data-status', r.status);
      const tip = document.createElementNS(SVG, 'title');
      const notes = [r.reason, ...(r.flags ? r.flags.split(',') : [])].filter(Boolean).map((code) => label(READING_REASONS, code.trim()));
      tip.textContent = `${formatTime(ctx, r.readAt)} ${r.kwh} kWh ${label(READING, r.status)}${notes.length ? ' ' + notes.join('，') : ''}`;
      dot.append(tip);
      svg.append(dot);
    });
    let lx = pad;
    for (const key of Object.keys(READING)) {
      const mark = document.createElementNS(SVG, 'circle');
      mark.setAttribute('cx', lx); mark.setAttribute('cy', height + 14); mark.setAttribute('r', 4); mark.setAttribute('fill', READING[key][2]);
      svg.append(mark, svgText(lx + 8, height + 18, label(READING, key)));
      lx += 90;
    }
    return svg;
  }

  function svgText(x, y, content) {
    const t = document.createElementNS(SVG, 'text');
    t.setAttribute('x', x); t.setAttribute('y', y); t.setAttribute('font-size', '11');
    t.textContent = content;
    return t;
  }

  async function showTopology(code) {
    const asked = ++areaAsked;
    if (!code) return;
    try {
      const topo = await ctx.api(`/metering/areas/${encodeURIComponent(code)}/topology`);
      if (asked !== areaAsked) return;
      if (topo.terminals.length === 0 && topo.attached.length === 0 && topo.unattached.length === 0) {
        topology.replaceChildren(h('p', { id: 'topology-empty' }, ctx.t(`台区 ${topo.areaCode} 没有终端，也没有表计（请检查台区编号）`,
          `Area ${topo.areaCode} has no terminal and no meter (check the area code)`)));
        return;
      }
      const terminals = h('ul', {});
      for (const t of topo.terminals) {
        terminals.append(h('li', { 'data-terminal': t.assetNumber },
          `${t.assetNumber} · ${t.address} · ${t.kind === 'CONCENTRATOR' ? ctx.t('集中器', 'concentrator') : ctx.t('采集器', 'collector')}`
          + ` · ${label(STATES, t.state)} · ${t.meters} ${ctx.t('块表', 'meters')}`));
      }
      const meters = h('table', { id: 'topology-meters' },
        h('tr', {}, h('th', {}, ctx.t('终端', 'Terminal')), h('th', {}, ctx.t('表计条码', 'Meter')),
          h('th', {}, ctx.t('通信地址', 'Address')), h('th', {}, ctx.t('户号', 'Account'))));
      for (const m of [...topo.attached, ...topo.unattached]) {
        meters.append(h('tr', { 'data-meter': m.barcode, 'data-terminal': m.terminal || '' },
          h('td', {}, m.terminal || ctx.t('（未挂接）', '(none)')), h('td', {}, m.barcode), h('td', {}, m.commAddress),
          h('td', {}, m.accountNumber || '')));
      }
      topology.replaceChildren(h('p', {}, `${ctx.t('台区', 'Area')} ${topo.areaCode}: ${topo.attached.length} `
        + ctx.t('块表已挂接，', 'meters under a terminal, ') + `${topo.unattached.length} ` + ctx.t('块未挂接', 'under none')),
        terminals, meters);
    } catch (error) {
      if (asked === areaAsked) topology.replaceChildren(sectionProblem('topology-problem', error));
    }
  }

  // detailToo: 刷新 fetches the open work order again too
  async function load(detailToo = false) {
    problem.textContent = '';
    try {
      const [counts] = await Promise.all([ctx.api('/metering/meters/stock'), board.load(detailToo)]);
      showStock(counts);
    } catch (error) {
      fail(error);
    }
  }

  function showStock(counts) {
    stock.replaceChildren(h('tr', {}, h('th', {}, ctx.t('状态', 'State')), h('th', {}, ctx.t('数量', 'Count'))));
    for (const state of Object.keys(STATES)) {
      stock.append(h('tr', { 'data-state': state },
        h('td', {}, label(STATES, state)), h('td', { class: 'count' }, String(counts.byState[state] ?? 0))));
    }
    holders.replaceChildren(
      holderTable('stock-by-warehouse', ctx.t('库房', 'Warehouse'), counts.byWarehouse),
      holderTable('stock-by-station', ctx.t('供电所', 'Supply station'), counts.byStation),
      holderTable('stock-by-cabinet', ctx.t('周转柜', 'Turnover cabinet'), counts.byCabinet),
      holderTable('stock-by-worker', ctx.t('施工人员', 'Field worker'), counts.byWorker),
      holderTable('terminal-stock-by-warehouse', ctx.t('库房（采集终端）', 'Warehouse (terminals)'), counts.terminalsByWarehouse));
  }

  function holderTable(id, heading, rows) {
    const table = h('table', { id, style: 'display:inline-table;margin-right:2em;vertical-align:top' },
      h('tr', {}, h('th', {}, heading), h('th', {}, ctx.t('状态', 'State')), h('th', {}, ctx.t('数量', 'Count'))));
    for (const r of rows || []) {
      table.append(h('tr', { 'data-holder': r.holder, 'data-state': r.state },
        h('td', {}, r.holder), h('td', {}, label(STATES, r.state)), h('td', { class: 'count' }, String(r.count))));
    }
    if (!rows || rows.length === 0) {
      table.append(h('tr', { class: 'empty' }, h('td', { colSpan: 3 }, ctx.t('无', 'None'))));
    }
    return table;
  }

  load();
}

function ensureStyles() {
  const href = new URL('./panel.css', import.meta.url).href;
  if (!document.querySelector(`link[href="${href}"]`)) {
    document.head.append(h('link', { rel: 'stylesheet', href }));
  }
}
