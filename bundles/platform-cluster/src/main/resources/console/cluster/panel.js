// Cluster panel: the CountyGrid nodes of the user's office in this node's Hazelcast cluster, the office each serves, its version
// and installed features. Refreshes itself every few seconds while it is on screen.

import { problemOf } from '/console/kit/dom.js';
import { problemText } from '/console/kit/text.js';

const REFRESH_MS = 5000;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function when(iso, lang) {
  return iso ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
}

const STYLE = `
.cg-cluster table { border-collapse: collapse; width: 100%; margin: .5em 0 1.5em; }
.cg-cluster th, .cg-cluster td { text-align: left; padding: .3em .6em; border-bottom: 1px solid #ddd; vertical-align: top; }
.cg-cluster tr.local { background: #eef5ff; }
.cg-cluster .badge { margin-left: .4em; padding: .05em .45em; border-radius: .8em; background: #1a5fb4; color: #fff; font-size: .8em; white-space: nowrap; }
.cg-cluster th { white-space: nowrap; }
.cg-cluster .feature { display: inline-block; margin: 0 .3em .2em 0; padding: .05em .45em; border-radius: .3em; background: #f1f1f1; font-size: .9em; }
.cg-cluster .muted { color: #777; font-size: .9em; }
`;

export function render(root, ctx) {
  const t = ctx.t;
  const summary = el('p');
  const table = el('div');
  const status = el('p', { class: 'muted' });
  root.replaceChildren(
    el('style', {}, STYLE),
    el('section', { class: 'cg-cluster' }, el('h2', {}, t('集群', 'Cluster')), summary, table, status));

  function nodeTable(nodes) {
    const head = el('tr', {},
      el('th', {}, t('节点', 'Node')), el('th', {}, t('单位', 'Office')), el('th', {}, t('版本', 'Version')),
      el('th', {}, t('地址', 'Address')), el('th', {}, t('已安装功能', 'Installed features')),
      el('th', {}, t('启动时间', 'Started')), el('th', {}, t('最近心跳', 'Last seen')));
    const rows = nodes.map(n => el('tr', { class: n.local ? 'local' : '' },
      el('td', {}, n.node, n.local ? el('span', { class: 'badge' }, t('本节点', 'this node')) : null),
      el('td', {}, `${n.officeName} (${n.office})`),
      el('td', {}, n.version),
      el('td', {}, n.address),
      el('td', {}, ...n.features.map(f => el('span', { class: 'feature' }, f))),
      el('td', {}, when(n.startedAt, ctx.lang)),
      el('td', {}, when(n.lastSeen, ctx.lang))));
    return el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows));
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
      const nodes = await ctx.api('/cluster/nodes', { background });
      summary.textContent = t(`集群中本单位有 ${nodes.length} 个节点。`, `${nodes.length} node(s) of your office in the cluster.`);
      table.replaceChildren(nodeTable(nodes));
      status.textContent = t(`更新于 ${when(new Date().toISOString(), ctx.lang)}，每 ${REFRESH_MS / 1000} 秒自动刷新。`,
        `Updated ${when(new Date().toISOString(), ctx.lang)}; refreshes every ${REFRESH_MS / 1000} s.`);
    } catch (e) {
      status.textContent = t('无法读取节点：', 'Cannot read the nodes: ') + problemText(ctx, problemOf(e));
    }
  }

  timer = setInterval(refresh, REFRESH_MS);
  return refresh(false);
}
