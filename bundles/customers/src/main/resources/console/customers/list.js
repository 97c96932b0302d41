// Search box, result table and pager. Rows carry data-account for tests and for the click to the detail.
import { h, clear, problemOf } from './dom.js';
import { CATEGORIES, STATUSES, label, problemMessage } from './messages.js';
import { searchAccounts } from './api.js';

export function renderList(root, ctx, nav, search, canWrite) {
  // only the latest search's answer is shown: the first page of all accounts (asked when the panel opens) could
  // answer after a search typed at once and replace its results (a probe saw it in 3 of 6 tries)
  let latest = 0;
  const input = h('input', {
    id: 'customer-search', type: 'search', value: search.q, autocomplete: 'off', maxLength: 100,
    placeholder: ctx.t('户号、户名、电话或地址', 'Account number, name, phone or address'),
  });
  const form = h('form', {
    class: 'cg-search', role: 'search',
    onsubmit: (event) => {
      event.preventDefault();
      search.q = input.value.trim();
      search.offset = 0;
      load();
    },
  }, input, h('button', { id: 'customer-search-submit', type: 'submit' }, ctx.t('查询', 'Search')),
  canWrite && h('button', { id: 'customer-open', type: 'button', onclick: () => nav.open() }, ctx.t('开户', 'Open account')),
  h('button', { id: 'customer-stations', type: 'button', onclick: () => nav.stations() }, ctx.t('供电所与台区', 'Stations & areas')));
  const results = h('div', { id: 'customer-results', 'aria-live': 'polite' });
  clear(root).append(h('h2', {}, ctx.t('客户档案', 'Customers')), form, results);
  input.focus();
  load();

  async function load() {
    const mine = ++latest;
    results.replaceChildren(h('p', {}, ctx.t('查询中…', 'Searching…')));
    try {
      const page = await searchAccounts(ctx, search.q, search.offset);
      if (mine === latest) results.replaceChildren(table(page), pager(page));
    } catch (error) {
      if (mine === latest) results.replaceChildren(h('p', { class: 'cg-banner' }, problemMessage(ctx, problemOf(error))));
    }
  }

  function table(page) {
    if (page.items.length === 0) {
      return h('p', { id: 'customer-empty' }, ctx.t('没有符合条件的户', 'No matching accounts'));
    }
    const headers = [['户号', 'Number'], ['户名', 'Name'], ['电话', 'Phone'], ['用电地址', 'Address'], ['类别', 'Category'], ['状态', 'Status']];
    return h('table', { id: 'customer-table' },
      h('thead', {}, h('tr', {}, headers.map(([zh, en]) => h('th', {}, ctx.t(zh, en))))),
      h('tbody', {}, page.items.map((a) => h('tr', {
        dataset: { account: a.number }, tabIndex: 0, class: a.status === 'CLOSED' ? 'cg-closed' : null,
        onclick: () => nav.detail(a.number),
        onkeydown: (event) => { if (event.key === 'Enter') nav.detail(a.number); },
      }, h('td', {}, a.number), h('td', {}, a.name), h('td', {}, a.phone), h('td', {}, a.address),
      h('td', {}, label(ctx, CATEGORIES, a.category)), h('td', {}, label(ctx, STATUSES, a.status))))));
  }

  function pager(page) {
    const first = page.items.length === 0 ? 0 : page.offset + 1;
    const last = page.offset + page.items.length;
    const go = (offset) => { search.offset = offset; load(); };
    return h('div', { class: 'cg-pager' },
      h('button', { id: 'customer-prev', type: 'button', disabled: page.offset === 0,
        onclick: () => go(Math.max(0, page.offset - page.limit)) }, ctx.t('上一页', 'Previous')),
      h('span', { id: 'customer-range' }, ctx.t(`第 ${first}–${last} 户，共 ${page.total} 户`, `${first}–${last} of ${page.total}`)),
      h('button', { id: 'customer-next', type: 'button', disabled: last >= page.total,
        onclick: () => go(page.offset + page.limit) }, ctx.t('下一页', 'Next')));
  }
}
