// Customers panel (客户档案): search, account detail, open/edit/close, and the office's stations and areas
// (供电所与台区). Entry point loaded by the console shell.
import { h, clear } from './dom.js';
import { renderList } from './list.js';
import { renderDetail } from './detail.js';
import { renderForm } from './form.js';
import { renderStations } from './stations.js';
import { renderAreas } from './areas.js';

const WRITERS = ['operator', 'admin'];

// Where the user was, kept across re-renders of the panel (the shell renders it again when the language
// changes), so switching to English keeps the open account, the search, and a half-typed open or edit form
// (draft: what was typed). Reset for another user.
const memory = { user: null, search: { q: '', offset: 0 }, view: ['list'], draft: null };

export function render(el, ctx) {
  ensureStyles();
  const roles = Array.from((ctx.caller && ctx.caller.roles) || []);
  const canWrite = WRITERS.some((role) => roles.includes(role));
  const root = h('div', { class: 'cg-customers', 'data-testid': 'customers-panel' });
  clear(el).append(root);
  const user = ctx.caller && ctx.caller.user;
  if (memory.user !== user) {
    Object.assign(memory, { user, search: { q: '', offset: 0 }, view: ['list'], draft: null });
  } else if (ctx.fresh) {
    // the panel's link clicked while it is open: back to the search (kept), whatever sub-view was open
    Object.assign(memory, { view: ['list'], draft: null });
  }
  const search = memory.search;
  const remember = (...view) => { memory.view = view; };
  const nav = {
    list: () => { remember('list'); return renderList(root, ctx, nav, search, canWrite); },
    detail: (number, notice) => { remember('detail', number); return renderDetail(root, ctx, nav, number, canWrite, notice); },
    edit: (account, draft = { values: {} }) => {
      remember('edit', account);
      memory.draft = draft;
      return renderForm(root, ctx, nav, account, draft);
    },
    open: (ignored, draft = { values: {} }) => {
      remember('open');
      memory.draft = draft;
      return renderForm(root, ctx, nav, null, draft);
    },
    stations: (notice) => { remember('stations'); return renderStations(root, ctx, nav, canWrite, notice); },
    station: (station, notice) => { remember('station', station); return renderAreas(root, ctx, nav, station, canWrite, notice); },
  };
  const [view, arg] = memory.view;
  if (view === 'edit' || view === 'open') nav[view](arg, memory.draft || { values: {} });
  else nav[view](arg);
}

function ensureStyles() {
  const href = new URL('./panel.css', import.meta.url).href;
  if (!document.querySelector(`link[href="${href}"]`)) {
    document.head.append(h('link', { rel: 'stylesheet', href }));
  }
}
