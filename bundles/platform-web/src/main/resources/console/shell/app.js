// The CountyGrid console shell: login, then a navigation built from the panels registered on the server right
// now (polled, so installing or removing a feature shows without reloading), each panel an ES module loaded
// on demand and given render(el, ctx). Chinese first, English second; every string exists in both.
import { api, setCsrfToken, whenSessionEnds } from './api.js';
import { h } from './kit/dom.js';
import * as home from './home.js';
import * as password from './password.js';
import { applyLanguage, language, t } from './i18n.js';
import { clearMessage, forgetMessage, messageArea, problemText, repeatMessage, showMessage } from './messages.js';

const POLL_MILLIS = 5000;
const HOME = 'home';
// the user's own password: a view of the shell's, reached from the top bar, not a panel
const PASSWORD = 'password';

const root = document.getElementById('app');
const state = {
  me: null,
  officeName: null,
  panels: [],
  // false from the login until the user's panels are read: a link followed meanwhile waits for them (enter routes)
  panelsRead: false,
  current: null,
  leave: null,
  poller: null,
  // the panel whose removal the message area tells, until the user moves on or the panel comes back
  goneNotice: null,
};

function languageSwitch() {
  return h('button', {
    id: 'lang-switch', type: 'button', className: 'link', 'data-testid': 'lang-switch',
    title: t('切换语言', 'Switch language'),
    onClick: () => {
      applyLanguage(language() === 'zh' ? 'en' : 'zh');
      if (state.me) {
        renderLayout();
        openView(state.current || HOME);
      } else {
        showLogin(null, document.getElementById('login-user')?.value);
      }
    },
  }, language() === 'zh' ? 'English' : '中文');
}

// ---- login

function showLogin(notice, typedUser) {
  stopPolling();
  leaveView();
  forgetMessage();
  state.me = null;
  state.current = null;
  state.panels = [];
  state.panelsRead = false;
  setCsrfToken(null);
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true, 'data-testid': 'login-user' });
  user.value = typedUser || '';
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password',
    required: true, 'data-testid': 'login-password' });
  const submit = h('button', { id: 'login-submit', type: 'submit', className: 'primary', 'data-testid': 'login-submit' }, t('登录', 'Log in'));
  const form = h('form', { id: 'login-form', className: 'login-card', 'data-testid': 'login-form', novalidate: true },
    h('h1', {}, 'CountyGrid'),
    h('p', { className: 'muted' }, t('县级供电营销与运维平台 · 控制台', 'County power supply platform · Console')),
    h('label', { for: 'login-user' }, t('用户名', 'User name')), user,
    h('label', { for: 'login-password' }, t('密码', 'Password')), password,
    submit,
    messageArea());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMessage();
    if (!user.value.trim() || !password.value) {
      showMessage('error', t('请输入用户名和密码。', 'Enter your user name and password.'));
      return;
    }
    submit.disabled = true;
    try {
      const me = await api('/api/auth/login', { method: 'POST', body: { username: user.value.trim(), password: password.value }, login: true });
      password.value = '';
      await enter(me);
    } catch (error) {
      submit.disabled = false;
      password.value = '';
      showMessage('error', error.status === 401 ? t('用户名或密码错误。', 'Wrong user name or password.') : problemText(error));
    }
  });
  root.replaceChildren(h('div', { className: 'login-page' }, h('div', { className: 'login-top' }, languageSwitch()), form));
  if (notice) {
    showMessage('info', notice);
  }
  (typedUser ? password : user).focus();
}

async function enter(me) {
  state.me = me;
  state.officeName = null; // the last user's, until this one's is read
  setCsrfToken(me.csrfToken);
  renderLayout();
  loadOfficeName();
  await refreshPanels(); // opens the address's view once the panels are read (or at the poll that first reads them)
  startPolling();
}

function sessionEnded() {
  if (state.me) {
    showLogin(t('由于长时间未操作，会话已结束，请重新登录。', 'Your session ended after a period of inactivity. Please log in again.'));
  }
}

async function logout() {
  try {
    await api('/api/auth/logout', { method: 'POST' });
  } catch (ignored) {
    // the cookie is cleared by the answer either way; nothing to tell the user
  }
  if (location.hash) {
    history.replaceState(null, '', location.pathname);
  }
  showLogin(t('您已退出。', 'You have logged out.'));
}

// ---- layout and navigation

function officeLabel() {
  return [state.me.office, state.officeName].filter(Boolean).join(' ');
}

// the node's office name is shown only beside its own code: a user of another office (served by this node's REST API
// and console) saw this node's name beside their office's code
function nodesOfficeName(health) {
  return state.me && health.office === state.me.office ? health.officeName : null;
}

async function loadOfficeName() {
  try {
    const health = await api('/api/health', { background: true });
    state.officeName = nodesOfficeName(health);
  } catch (error) {
    state.officeName = error.problem && nodesOfficeName(error.problem);
  }
  const office = document.getElementById('current-office');
  if (office && state.me) {
    office.textContent = officeLabel();
  }
}

function renderLayout() {
  const header = h('header', { className: 'topbar' },
    h('span', { className: 'brand' }, 'CountyGrid'),
    h('span', { className: 'spacer' }),
    h('span', { className: 'who' },
      h('span', { id: 'current-user', 'data-testid': 'current-user' }, state.me.user),
      h('span', { className: 'sep' }, '·'),
      h('span', { id: 'current-office', 'data-testid': 'current-office' }, officeLabel())),
    languageSwitch(),
    h('a', { id: 'password-link', href: '#' + PASSWORD, className: 'link', 'data-testid': 'password-link' }, t('修改密码', 'Change password')),
    h('button', { id: 'logout', type: 'button', className: 'link', 'data-testid': 'logout', onClick: logout }, t('退出', 'Log out')));
  const nav = h('nav', { id: 'nav', 'data-testid': 'nav', 'aria-label': t('导航', 'Navigation') });
  const view = h('main', { id: 'view', 'data-testid': 'view' });
  root.replaceChildren(header, h('div', { className: 'frame' }, nav, h('div', { className: 'content' }, messageArea(), view)));
  renderNav();
  // a language switch rebuilds the page; what the user was told stays
  repeatMessage();
}

function renderNav() {
  const nav = document.getElementById('nav');
  if (!nav) {
    return;
  }
  const entries = [{ id: HOME, title: { zh: '首页', en: 'Home' } }, ...state.panels];
  nav.replaceChildren(...entries.map((entry) => h('a', {
    href: '#/' + encodeURIComponent(entry.id),
    'data-panel': entry.id,
    'data-testid': 'nav-' + entry.id,
    className: entry.id === state.current ? 'active' : '',
    onClick: () => {
      refreshPanels();
      // the link of the panel already open changes no address, so no hashchange: open it at its start page
      if (entry.id === state.current) {
        clearMessage();
        openView(entry.id, { fresh: true });
      }
    },
  }, language() === 'en' ? entry.title.en : entry.title.zh)));
}

function panelById(id) {
  return state.panels.find((panel) => panel.id === id);
}

async function refreshPanels() {
  let panels;
  try {
    panels = await api('/api/console/panels', { background: true });
  } catch (error) {
    return; // a 401 already led to the login page; otherwise the server is busy restarting: keep what we have
  }
  if (!state.me || !Array.isArray(panels)) {
    return;
  }
  if (!state.panelsRead) {
    // the first read since the login: now the address's panel can be opened (or refused)
    state.panelsRead = true;
    state.panels = panels;
    renderNav();
    route();
    return;
  }
  const changed = JSON.stringify(panels) !== JSON.stringify(state.panels);
  const before = state.current && panelById(state.current);
  state.panels = panels;
  if (!changed) {
    return;
  }
  renderNav();
  if (state.goneNotice && panelById(state.goneNotice)) {
    // the panel whose removal was told is back (the feature installed again): the notice would now be wrong
    state.goneNotice = null;
    clearMessage();
  }
  if (state.current && state.current !== HOME && !panelById(state.current)) {
    const current = state.current;
    const gone = () => (before ? t(before.title.zh, before.title.en) : current);
    // replaceState fires no hashchange, whose handler would clear the message at once
    history.replaceState(null, '', '#/' + HOME);
    openView(HOME);
    state.goneNotice = current;
    showMessage('info', () => t('面板“' + gone() + '”已不可用（功能已卸载或无权访问）。',
      'The panel "' + gone() + '" is no longer available (feature removed or no access).'));
  }
}

function startPolling() {
  stopPolling();
  state.poller = setInterval(refreshPanels, POLL_MILLIS);
}

function stopPolling() {
  if (state.poller) {
    clearInterval(state.poller);
    state.poller = null;
  }
}

function route() {
  if (!state.me || !state.panelsRead) {
    return;
  }
  const id = decodeURIComponent((location.hash || '').replace(/^#\/?/, '')) || HOME;
  state.goneNotice = null;
  if (id !== HOME && id !== PASSWORD && !panelById(id)) {
    showMessage('error', () => t('没有这个面板，或您无权查看。', 'There is no such panel, or you may not see it.'));
    openView(HOME);
    return;
  }
  openView(id);
}

function leaveView() {
  if (state.leave) {
    state.leave.abort();
    state.leave = null;
  }
}

// fresh: the user asked for the panel itself (its link while it is open), not the same view again (the language switch)
async function openView(id, { fresh = false } = {}) {
  leaveView();
  const leaving = new AbortController();
  state.leave = leaving;
  state.current = id;
  renderNav();
  const view = document.getElementById('view');
  const element = h('section', { className: 'panel', 'data-view': id, 'data-testid': 'panel-' + id });
  view.replaceChildren(element);
  const ctx = {
    lang: language(),
    api,
    t,
    caller: { user: state.me.user, office: state.me.office, roles: [...state.me.roles] },
    signal: leaving.signal,
    fresh,
  };
  try {
    const module = id === HOME ? home : id === PASSWORD ? password : await import(panelById(id).script);
    if (!leaving.signal.aborted) {
      await module.render(element, ctx);
    }
  } catch (error) {
    if (!leaving.signal.aborted) {
      showMessage('error', () => t('面板加载失败：', 'The panel failed to load: ') + problemText(error));
    }
  }
}

// ---- start

window.addEventListener('hashchange', () => {
  clearMessage();
  route();
});
whenSessionEnds(sessionEnded);
applyLanguage(language());
api('/api/auth/me', { login: true }).then(enter, () => showLogin());
