// The built-in "Change password" view: a user's own new password (POST /api/auth/password). The current password
// proves who is at the keyboard; the new one must pass the node's password rule; the user's other logins end, and
// this console goes on in a new session (its CSRF token comes with the answer).
import { setCsrfToken } from './api.js';
import { h, problemOf } from './kit/dom.js';
import { showProblem } from './kit/entry-form.js';

export function render(el, ctx) {
  const { t } = ctx;
  const fields = {};
  const field = (name, zh, en, autocomplete) => {
    const input = h('input', { id: `password-${name}`, name, type: 'password', autocomplete, required: true });
    const error = h('span', { class: 'cg-field-error', id: `password-${name}-error`, dataset: { errorFor: name } });
    fields[name] = { input, error };
    return h('div', { class: 'cg-field' }, h('label', { for: `password-${name}` }, t(zh, en)), input, error);
  };
  const banner = h('p', { class: 'cg-banner', id: 'password-problem', role: 'alert', hidden: true });
  const done = h('p', { class: 'cg-banner cg-ok', id: 'password-done', role: 'status', hidden: true });
  const submit = h('button', { id: 'password-submit', type: 'submit', className: 'primary' }, t('修改密码', 'Change password'));
  const form = h('form', { id: 'password-form', class: 'cg-entry', novalidate: true, onsubmit: send },
    field('currentPassword', '当前密码', 'Current password', 'current-password'),
    field('newPassword', '新密码', 'New password', 'new-password'),
    field('repeat', '再次输入新密码', 'New password again', 'new-password'),
    h('p', { className: 'muted' }, t('至少 8 个字符，须包含大写字母、小写字母、数字、其他字符中的至少三类，且不能包含用户名。修改后，您在其他设备或窗口上的登录将结束。',
      'At least 8 characters mixing three of: capital letters, small letters, digits, other characters, not containing your user name. Your logins on other devices or windows end when it changes.')),
    banner, submit);
  el.replaceChildren(h('h2', {}, t('修改密码', 'Change password')), done, form);
  fields.currentPassword.input.focus();

  async function send(event) {
    event.preventDefault();
    Object.values(fields).forEach((f) => { f.error.textContent = ''; });
    banner.hidden = true;
    done.hidden = true;
    const body = { currentPassword: fields.currentPassword.input.value, newPassword: fields.newPassword.input.value };
    if (!body.currentPassword) fields.currentPassword.error.textContent = t('请输入当前密码', 'enter your current password');
    if (!body.newPassword) fields.newPassword.error.textContent = t('请输入新密码', 'enter the new password');
    if (body.newPassword && fields.repeat.input.value !== body.newPassword) {
      fields.repeat.error.textContent = t('两次输入的新密码不一致', 'the two new passwords differ');
    }
    if (Object.values(fields).some((f) => f.error.textContent)) return;
    submit.disabled = true;
    try {
      const answer = await ctx.api('/api/auth/password', { method: 'POST', body });
      if (answer && answer.csrfToken) setCsrfToken(answer.csrfToken);
      form.reset();
      done.textContent = t('密码已修改。您在其他设备或窗口上的登录已结束。', 'Your password has been changed. Your logins on other devices or windows have ended.');
      done.hidden = false;
    } catch (failure) {
      show(problemOf(failure));
    } finally {
      submit.disabled = false;
    }
  }

  function show(problem) {
    showProblem(ctx, problem, Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.error])), banner);
  }
}
