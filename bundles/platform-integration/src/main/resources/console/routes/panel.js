// Routes panel: every route of the countygrid Camel context, route files that failed to load, and the
// outbox relay. Refreshes itself every few seconds while it is on screen.

import { problemOf } from '/console/kit/dom.js';
import { problemText } from '/console/kit/text.js';

const REFRESH_MS = 4000;

// The routes resource's own refusals, in front of the platform's messages (kit/text.js).
const MESSAGES = {
  patterns: [
    [/^there is no route with id (.+)$/, (m) => `没有编号为 ${m[1]} 的路由（可能刚被删除），请刷新。`],
    [/^route (.+) did not start: (.*)$/, (m) => `路由 ${m[1]} 未能启动：${m[2]}`],
    [/^route (.+) did not stop: (.*)$/, (m) => `路由 ${m[1]} 未能停止：${m[2]}`],
    [/^no subscriber (\S+) is held(?:; held are: (.*))?$/, (m) => `订阅者 ${m[1]} 未被暂停（可能刚已追上），请刷新。`],
    [/^(\S+) has not failed an event since it last took or skipped one/, (m) => `订阅者 ${m[1]} 自上次跳过后尚未再次失败，正在重试下一条事件；请等它失败后再跳过，或选择“全部跳过”。`],
    [/^the routes of this node are for the staff of office (\w+), the office it serves; you belong to office (\w+)$/,
      (m) => `本节点服务于单位 ${m[1]}，其路由仅供该单位人员查看和操作；您属于单位 ${m[2]}`],
  ],
};
const failure = (ctx, e) => problemText(ctx, problemOf(e), MESSAGES);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function when(iso, lang) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
}

const STYLE = `
.cg-routes table { border-collapse: collapse; width: 100%; margin: .5em 0 1.5em; }
.cg-routes th, .cg-routes td { text-align: left; padding: .3em .6em; border-bottom: 1px solid #ddd; vertical-align: top; }
.cg-routes td.num { text-align: right; font-variant-numeric: tabular-nums; }
.cg-routes .state { padding: .1em .5em; border-radius: .8em; font-size: .9em; white-space: nowrap; }
.cg-routes th, .cg-routes button { white-space: nowrap; }
.cg-routes .state-Started { background: #e3f4e1; color: #1d6b1a; }
.cg-routes .state-Stopped, .cg-routes .state-Suspended { background: #f1f1f1; color: #555; }
.cg-routes .failed { color: #b3261e; font-weight: bold; }
.cg-routes .error { color: #b3261e; white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: .9em; }
.cg-routes .muted { color: #777; font-size: .9em; }
.cg-routes .recovered { color: #777; white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: .9em; }
.cg-routes .relay { margin: .5em 0 1em; }
.cg-routes .held { border-left: 4px solid #b3261e; padding: .2em .8em; margin: .5em 0 1.5em; }
.cg-routes .held td { background: #fdf1f0; }
`;

export function render(root, ctx) {
  const t = ctx.t;
  const isAdmin = (ctx.caller?.roles || []).includes('admin');
  const status = el('p', { class: 'muted' });
  const relay = el('div', { class: 'relay' });
  const held = el('div');
  const routes = el('div');
  const errors = el('div');
  // a refused start or stop stays shown (the refresh that follows does not touch it) until the next action
  const actionProblem = el('p', { class: 'cg-banner', id: 'routes-action-problem', role: 'alert', hidden: true });
  root.replaceChildren(
    el('style', {}, STYLE),
    el('section', { class: 'cg-routes' },
      el('h2', {}, t('路由', 'Routes')),
      actionProblem, relay, held, routes, errors, status));

  async function act(id, verb, button) {
    actionProblem.hidden = true;
    button.disabled = true;
    try {
      await ctx.api(`/integration/routes/${encodeURIComponent(id)}/${verb}`, { method: 'POST' });
    } catch (e) {
      actionProblem.textContent = failure(ctx, e);
      actionProblem.hidden = false;
    }
    button.disabled = false;
    refresh(false);
  }

  async function skip(h, all, button) {
    const question = all
      ? t(`让订阅者 ${h.subscription} 跳过它落后的全部 ${h.behind < 0 ? '' : h.behind + ' 条'}事件？这些事件仍保存在发件箱中，可用 integration:event-replay 重发。`,
        `Let ${h.subscription} skip every event it is behind${h.behind < 0 ? '' : ` (${h.behind})`}? They stay in the outbox; integration:event-replay can send them again.`)
      : t(`让订阅者 ${h.subscription} 跳过它处理失败的第 ${h.failingEvent} 号事件（${h.failingSubject}）？`,
        `Let ${h.subscription} skip event ${h.failingEvent} (${h.failingSubject}), the one it fails?`);
    if (!window.confirm(question)) return;
    actionProblem.hidden = true;
    button.disabled = true;
    try {
      await ctx.api(`/integration/held-subscribers/skip?subscription=${encodeURIComponent(h.subscription)}&all=${all}`,
        { method: 'POST' });
    } catch (e) {
      actionProblem.textContent = failure(ctx, e);
      actionProblem.hidden = false;
    }
    button.disabled = false;
    refresh(false);
  }

  function routeOf(h) {
    if (!h.route) return t('没有路由消费此订阅（路由已删除或改名）；不再需要时请“全部跳过”',
      'no route consumes it now (removed or renamed); use "Skip all" if it is no longer needed');
    return h.routeStarted ? t(`路由 ${h.route}`, `route ${h.route}`)
      : t(`路由 ${h.route} 已停止，启动后继续`, `route ${h.route} is stopped; it goes on once started`);
  }

  // subscribers the relay holds at an event they failed: the others go on without them
  function heldTable(list) {
    if (!list || list.length === 0) return null;
    const head = el('tr', {},
      el('th', {}, t('订阅', 'Subscription')), el('th', {}, t('暂停自', 'Held since')), el('th', {}, t('落后事件', 'Behind')),
      el('th', {}, t('失败次数', 'Failures')), el('th', {}, t('最近错误', 'Last error')), isAdmin ? el('th', {}) : null);
    const rows = list.map(h => el('tr', {},
      el('td', {}, h.subscription, el('div', { class: 'muted' }, routeOf(h))),
      el('td', {}, when(h.heldSince, ctx.lang)),
      el('td', { class: 'num' }, h.behind < 0 ? '?' : h.behind),
      el('td', { class: 'num failed' }, h.failures,
        h.failingEvent > 0 ? el('div', { class: 'muted' }, t(`第 ${h.failingEvent} 号事件（${h.failingSubject}）`,
          `event ${h.failingEvent} (${h.failingSubject})`)) : el('div', { class: 'muted' }, t('跳过后重试中', 'being tried again'))),
      el('td', {}, h.lastError ? el('span', { class: 'error' }, h.lastError) : '',
        h.lastErrorAt ? el('div', { class: 'muted' }, when(h.lastErrorAt, ctx.lang)) : null),
      isAdmin ? el('td', {},
        // one event is skipped only once the subscriber has failed it: never one it was not given yet
        h.failingEvent > 0 ? el('button', { onclick: (e) => skip(h, false, e.currentTarget) }, t('跳过此事件', 'Skip this event')) : null,
        ' ', el('button', { onclick: (e) => skip(h, true, e.currentTarget) }, t('全部跳过', 'Skip all'))) : null));
    return el('div', { class: 'held', id: 'routes-held' },
      el('h3', {}, t('已暂停的订阅者', 'Held subscribers')),
      el('p', { class: 'muted' }, t('这些订阅者处理某条事件失败，正按各自的位置按序重试；其他订阅者不受影响。',
        'These subscribers failed an event and are retried from their own position, in order; the others are not held back.')),
      el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)));
  }

  function routeTable(list) {
    if (list.length === 0) return el('p', {}, t('没有路由。', 'No routes.'));
    const head = el('tr', {},
      el('th', {}, t('路由', 'Route')), el('th', {}, t('来源', 'Source')), el('th', {}, t('状态', 'State')),
      el('th', {}, t('交换总数', 'Exchanges')), el('th', {}, t('失败', 'Failed')), el('th', {}, t('处理中', 'In flight')),
      el('th', {}, t('最近错误', 'Last error')), isAdmin ? el('th', {}) : null);
    const rows = list.map(r => el('tr', {},
      el('td', {}, r.id),
      el('td', {}, sourceName(r.source)),
      el('td', {}, el('span', { class: `state state-${r.state}` }, stateName(r.state))),
      el('td', { class: 'num' }, r.exchangesTotal),
      el('td', { class: r.exchangesFailed > 0 ? 'num failed' : 'num' }, r.exchangesFailed),
      el('td', { class: 'num' }, r.exchangesInflight),
      el('td', {}, r.lastError ? el('span', { class: 'error' }, r.lastError) : '',
        r.lastErrorAt ? el('div', { class: 'muted' }, when(r.lastErrorAt, ctx.lang)) : null),
      isAdmin ? el('td', {}, r.state === 'Started'
        ? el('button', { onclick: (e) => act(r.id, 'stop', e.currentTarget) }, t('停止', 'Stop'))
        : el('button', { onclick: (e) => act(r.id, 'start', e.currentTarget) }, t('启动', 'Start'))) : null));
    return el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows));
  }

  function stateName(state) {
    switch (state) {
      case 'Started': return t('运行中', 'Started');
      case 'Stopped': return t('已停止', 'Stopped');
      case 'Suspended': return t('已暂停', 'Suspended');
      default: return state;
    }
  }

  function errorTable(list) {
    if (list.length === 0) return null;
    return el('div', {},
      el('h3', {}, t('未能加载', 'Not loaded')),
      el('table', {},
        el('thead', {}, el('tr', {}, el('th', {}, t('来源', 'Source')), el('th', {}, t('时间', 'At')), el('th', {}, t('错误', 'Error')))),
        el('tbody', {}, ...list.map(e => el('tr', {},
          el('td', {}, sourceName(e.source)), el('td', {}, when(e.at, ctx.lang)), el('td', { class: 'error' }, e.message))))));
  }

  // where a route comes from, as the server names it: "file <name>" (routes/), "bundle <name> [<file>]" (a module)
  function sourceName(source) {
    const m = /^(file|bundle) (.*)$/.exec(source || '');
    if (!m) return source;
    return m[1] === 'file' ? t(`文件 ${m[2]}`, `file ${m[2]}`) : t(`组件包 ${m[2]}`, `bundle ${m[2]}`);
  }

  function relayLine(r) {
    if (!r.running) return el('p', { class: 'muted' }, t('事件转发未运行（本节点没有事件发件箱）。', 'Event relay not running (no event outbox on this node).'));
    const pending = r.pending < 0 ? '?' : r.pending;
    return el('div', {},
      // the counts are this node's since its start (a restart begins at 0); pending is the outbox's own
      el('p', {}, t(`事件转发（本节点自启动以来）：已发布 ${r.published} 条（其中 ${r.withoutConsumer} 条无订阅路由），最后序号 ${r.lastSequence}；发件箱待发布 ${pending} 条。`,
        `Event relay, since this node started: ${r.published} published (${r.withoutConsumer} without a consuming route), last sequence ${r.lastSequence}; ${pending} pending in the outbox.`)),
      // another node relays the same database: the events it took never reached this node's routes
      r.publishedElsewhere > 0 ? el('p', { class: 'error', 'data-testid': 'relay-elsewhere' },
        t(`另有节点在转发本节点数据库的事件：${r.publishedElsewhere} 条事件由它转发给它的路由，未到达本节点的路由（见 platform-integration 说明“Events”）。`,
          `Another node relays this node's database too: ${r.publishedElsewhere} events went to its routes, not to this node's (platform-integration README, Events).`)) : null,
      // failing now: red, with how often in a row; an error the relay has got past since: grey, said to be over
      r.lastError && r.consecutiveFailures > 0 ? el('p', { class: 'error' },
        t(`最近错误（${when(r.lastErrorAt, ctx.lang)}，连续失败 ${r.consecutiveFailures} 次）：`,
          `Last error (${when(r.lastErrorAt, ctx.lang)}, ${r.consecutiveFailures} failures in a row): `), r.lastError) : null,
      r.lastError && !(r.consecutiveFailures > 0) ? el('p', { class: 'recovered' },
        t(`上次错误（${when(r.lastErrorAt, ctx.lang)}，此后已恢复正常）：`,
          `Last error (${when(r.lastErrorAt, ctx.lang)}, resolved since): `), r.lastError) : null);
  }

  let timer = null;
  const stop = () => clearInterval(timer);
  ctx.signal?.addEventListener('abort', stop);
  // polling is marked background so that an open panel does not keep an idle session alive
  async function refresh(background = true) {
    if (ctx.signal?.aborted || (!root.isConnected && timer !== null)) {
      stop();
      return;
    }
    try {
      const data = await ctx.api('/integration/routes', { background });
      relay.replaceChildren(relayLine(data.relay));
      held.replaceChildren(heldTable(data.relay.held) || '');
      routes.replaceChildren(routeTable(data.routes));
      errors.replaceChildren(errorTable(data.loadErrors) || '');
      status.textContent = t(`更新于 ${when(new Date().toISOString(), ctx.lang)}，每 ${REFRESH_MS / 1000} 秒自动刷新。`,
        `Updated ${when(new Date().toISOString(), ctx.lang)}; refreshes every ${REFRESH_MS / 1000} s.`);
    } catch (e) {
      status.textContent = t('无法读取路由：', 'Cannot read the routes: ') + failure(ctx, e);
    }
  }

  timer = setInterval(refresh, REFRESH_MS);
  return refresh(false);
}
