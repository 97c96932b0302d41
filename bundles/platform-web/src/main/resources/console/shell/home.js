// The built-in "Home" view: the node's health, refreshed while it is shown.
import { h } from './kit/dom.js';
import { translate } from './kit/text.js';

// The Chinese of what health lists as not ready (HealthResource, Readiness, FeatureInspector, ApiServer and
// platform-cluster's office profile); a line nobody knows is shown as sent.
const STATES = { INSTALLED: '已安装未解析', RESOLVED: '已解析未启动', STARTING: '启动中', STOPPING: '停止中', UNINSTALLED: '已卸载' };
const NOT_READY_EXACT = {
  'the node identity (platform-data) is not available yet': '节点标识（platform-data）尚不可用',
  'the installed features cannot be read': '无法读取已安装的功能',
  'the boot features are still being installed': '启动功能仍在安装中',
  'the readiness checks cannot be read': '无法读取就绪检查',
  'the REST API is being republished': 'REST 接口正在重新发布',
  'the database is being opened': '正在打开数据库',
  "the database's DataSource is being made": '正在建立数据库连接池',
};
const NOT_READY_PATTERNS = [
  [/^(\S+): bundle (.+) is (\w+)$/, (m) => `${m[1]}：组件包 ${m[2]} ${STATES[m[3]] || m[3]}`],
  [/^(\S+): component (\S+) waits for (.+)$/, (m) => `${m[1]}：组件 ${m[2]} 正在等待 ${m[3]}`],
  [/^(\S+): component (\S+) failed to activate \(the node's log says why\)$/,
    (m) => `${m[1]}：组件 ${m[2]} 激活失败（原因见本节点日志）`],
  [/^office profile (\S+) is installing its modules$/, (m) => `单位配置 ${m[1]} 正在安装其模块`],
  // platform-data's DatabaseConnector
  [/^the database cannot be opened \((\d+) tr(?:y|ies) since (\S+); data:info and the node's log say why\)$/,
    (m) => `数据库无法打开（自 ${m[2]} 起已尝试 ${m[1]} 次；原因见 data:info 和本节点日志）`],
  [/^the database does not answer \(since (\S+); data:info and the node's log say why\)$/,
    (m) => `数据库无响应（自 ${m[1]} 起；原因见 data:info 和本节点日志）`],
  [/^the database is not configured \(data:info and the node's log say why\)$/, () => '数据库未配置或配置有误（原因见 data:info 和本节点日志）'],
];

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
    body.replaceChildren(view(report, t, ctx.lang));
  };
  refresh();
  const timer = setInterval(refresh, 10000);
  if (ctx.signal) {
    ctx.signal.addEventListener('abort', () => clearInterval(timer));
  }
}

/** A line of health's notReady in the console's language. */
export function notReadyText(ctx, line) {
  return (ctx.lang !== 'en' && translate(line, NOT_READY_EXACT, NOT_READY_PATTERNS)) || line;
}

function view(report, t, lang) {
  const up = report.status === 'UP';
  const rows = [
    [t('状态', 'Status'), h('span', { className: up ? 'badge ok' : 'badge warn', 'data-testid': 'health-status' },
      up ? t('运行中', 'Up') : report.status === 'STARTING' ? t('启动中', 'Starting') : t('未就绪', 'Not ready'))],
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
      h('ul', { className: 'not-ready' }, report.notReady.map((line) =>
        h('li', {}, notReadyText({ lang }, line)))));
  }
  return h('div', {}, parts);
}
