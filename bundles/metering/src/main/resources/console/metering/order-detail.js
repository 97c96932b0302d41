// One work order under the board: its facts, its history steps, and the forms for what the user may do with it
// now — hand over (转派), suspend (挂起) or resume (恢复), cancel (取消). `can` says which the roles allow.
import { h, problemOf } from './dom.js';
import { entryForm, staleNotice } from './entry-form.js';
import { WORKERS_LIST, cancel, handOver, resume, suspend } from './api.js';
import { PHASES, STATUSES, STEPS, TYPES, formatTime, isStale, label, noteText, problemMessage, underWay } from './messages.js';

export function orderDetail(ctx, o, { can, changed, reload, notice }) {
  const facts = [
    [['户号', 'Account'], o.accountNumber],
    [['地址', 'Address'], o.address],
    [['台区', 'Transformer area'], o.areaCode],
    [['施工人员', 'Worker'], o.worker || (underWay(o) ? ctx.t('待派工', 'Not assigned yet') : null)],
    [['相别', 'Phase'], o.phase ? label(ctx, PHASES, o.phase) : ctx.t('不限', 'Any')],
    [['旧表', 'Old meter'], o.oldMeter],
    [['新表', 'New meter'], o.newMeter],
    [['创建', 'Created'], `${formatTime(ctx, o.createdAt)} ${o.createdBy}`],
  ].filter(([, value]) => value);
  const history = h('ol', { id: 'order-history' }, o.history.map((s) => h('li', { dataset: { action: s.action } },
    h('time', {}, formatTime(ctx, s.at)), ' ', h('strong', {}, label(ctx, STEPS, s.action)), ` ${s.actor}`,
    s.note ? ` · ${noteText(ctx, s.note)}` : '')));
  const section = h('section', { id: 'order-detail', class: 'cg-order', dataset: { order: String(o.id), status: o.status } },
    h('h4', {}, `#${o.id} ${label(ctx, TYPES, o.type)} · ${label(ctx, STATUSES, o.status)}`),
    notice ? h('p', { id: 'order-notice', class: 'cg-banner cg-ok', role: 'status' }, notice) : null,
    h('dl', {}, facts.flatMap(([[zh, en], value]) => [h('dt', {}, ctx.t(zh, en)), h('dd', {}, value)])),
    h('h5', {}, ctx.t('处理记录', 'History')), history);
  if (o.status === 'OPEN' || o.status === 'SUSPENDED') {
    section.append(h('div', { class: 'cg-order-actions' }, actions(ctx, o, can, changed, reload)));
  }
  return section;
}

// reload: shows the order as it is now, offered when a move was refused because a colleague changed it meanwhile
function actions(ctx, o, can, changed, reload) {
  const forms = [];
  if (can.flow(o)) {
    forms.push(entryForm(ctx, {
      id: 'order-handover',
      title: ['转派', 'Hand over'],
      fields: [
        { name: 'worker', label: ['接手人员', 'To worker'], attrs: { maxlength: 60, list: WORKERS_LIST } },
        { name: 'note', label: ['说明', 'Note'], attrs: { maxlength: 200 } },
      ],
      submit: ['转派', 'Hand over'],
      send: (body) => handOver(ctx, o, body.worker, body.note),
      reload,
      done: (view) => changed(view, ctx.t(`已转派给 ${view.worker}`, `Handed over to ${view.worker}`)),
    }));
    if (o.status === 'OPEN') {
      forms.push(entryForm(ctx, {
        id: 'order-suspend',
        title: ['挂起', 'Suspend'],
        fields: [{ name: 'reason', label: ['挂起原因', 'Reason'], attrs: { maxlength: 200 } }],
        submit: ['挂起', 'Suspend'],
        send: (body) => suspend(ctx, o, body.reason),
        reload,
        done: (view) => changed(view, ctx.t('已挂起', 'Suspended')),
      }));
    } else {
      forms.push(resumeButton(ctx, o, changed, reload));
    }
  }
  if (can.dispatch) {
    forms.push(entryForm(ctx, {
      id: 'order-cancel',
      title: ['取消工单', 'Cancel the order'],
      fields: [{ name: 'reason', label: ['取消原因', 'Reason'], attrs: { maxlength: 200 } }],
      submit: ['取消工单', 'Cancel the order'],
      confirm: () => ctx.t(`确认取消工单 #${o.id}？`, `Cancel work order #${o.id}?`),
      send: (body) => cancel(ctx, o, body.reason),
      reload,
      done: (view) => changed(view, ctx.t('已取消', 'Cancelled')),
    }));
  }
  return forms;
}

function resumeButton(ctx, o, changed, reload) {
  const banner = h('p', { class: 'cg-banner', id: 'order-resume-problem', role: 'alert', hidden: true });
  const button = h('button', {
    id: 'order-resume',
    type: 'button',
    onclick: async () => {
      banner.hidden = true;
      button.disabled = true;
      try {
        changed(await resume(ctx, o), ctx.t('已恢复', 'Resumed'));
      } catch (failure) {
        const problem = problemOf(failure);
        banner.replaceChildren(...(isStale(problem) ? staleNotice(ctx, reload) : [problemMessage(ctx, problem)]));
        banner.hidden = false;
      } finally {
        button.disabled = false;
      }
    },
  }, ctx.t('恢复', 'Resume'));
  return h('div', { class: 'cg-entry' }, h('h4', {}, ctx.t('恢复', 'Resume')), banner, button);
}
