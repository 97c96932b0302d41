// The built-in "Home" view: the node's health, refreshed while it is shown.
import { h } from './kit/dom.js';

export function render(el, ctx) {
  const { t } = ctx;
  const body = h('div', { className: 'health', 'data-testid': 'health' }, h('p', { className: 'muted' }, t('读取中…', 'Loading…')));
  el.replaceChildren(h('h2', {}, t('首页 · 节点状态', 'Home · Node status')), body);

  const refresh = async () => {
    let report;
    try {
      report = await ctx.api('/api/health', { background: true });
    } catch (error) {
      report = error.status === 503 && error.problem ? error.problem : null;
      if (!report) {
        body.replaceChildren(h('p', { className: 'error' }, t('无法读取节点状态。', 'Cannot read the node status.')));
        return;
      }
    }
    body.replaceChildren(view(report, t));
  };
  refresh();
  const timer = setInterval(refresh, 10000);
  if (ctx.signal) {
    ctx.signal.addEventListener('abort', () => clearInterval(timer));
  }
}

function view(report, t) {
  const up = report.status === 'UP';
  const rows = [
    [t('状态', 'Status'), h('span', { className: up ? 'badge ok' : 'badge warn', 'data-testid': 'health-status' },
      up ? t('运行中', 'Up') : t('启动中', 'Starting'))],
    [t('单位', 'Office'), [report.office, report.officeName].filter(Boolean).join(' ') || '—'],
    [t('节点', 'Node'), report.node || '—'],
    [t('版本', 'Version'), report.version || '—'],
  ];
  const table = h('table', { className: 'facts' },
    rows.map(([label, value]) => h('tr', {}, h('th', {}, label), h('td', {}, value))));
  const features = h('ul', { className: 'features', 'data-testid': 'health-features' },
    (report.features || []).map((name) => h('li', {}, name)));
  const parts = [table, h('h3', {}, t('已安装的功能', 'Installed features')), features];
  if (report.notReady && report.notReady.length) {
    parts.push(h('h3', {}, t('尚未就绪', 'Not ready yet')),
      h('ul', { className: 'not-ready' }, report.notReady.map((line) => h('li', {}, line))));
  }
  return h('div', {}, parts);
}
