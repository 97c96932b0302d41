// Labels in Chinese and English, and the Chinese for the server's fixed messages about work orders
// (internal/domain: Texts, WorkOrder; platform-api: Problem; platform-web: the role check). English shows what the
// server sent; a Chinese message the table does not know is shown as sent, after a sentence saying what happened.
import { fieldText, formatTime, label, problemText } from '/console/kit/text.js';

export { formatTime, label };

export const STATUSES = {
  OPEN: ['待处理', 'Open'],
  SUSPENDED: ['已挂起', 'Suspended'],
  COMPLETED: ['已完成', 'Completed'],
  CANCELLED: ['已取消', 'Cancelled'],
};
export const TYPES = { INSTALL: ['装表', 'Install'], REMOVE: ['拆表', 'Remove'], REPLACE: ['换表', 'Replace'] };
export const PHASES = { SINGLE: ['单相', 'Single-phase'], THREE: ['三相', 'Three-phase'] };
export const STEPS = {
  created: ['创建', 'Created'],
  'meter-scanned': ['扫码绑定新表', 'New meter scanned'],
  'final-readings': ['录入旧表止码', 'Final readings'],
  'infrared-reading': ['红外抄读新表', 'Infrared reading'],
  photo: ['拍照', 'Photo'],
  signed: ['客户签字', 'Signed'],
  completed: ['完成', 'Completed'],
  suspended: ['挂起', 'Suspended'],
  resumed: ['恢复', 'Resumed'],
  'handed-over': ['转派', 'Handed over'],
  cancelled: ['取消', 'Cancelled'],
};


const FIELD_EXACT = {
  'must be exactly 10 digits': '户号必须是10位数字',
};

const FIELD_PATTERNS = [
  [/^must be one of (.+)$/, (m) => `应为以下之一：${m[1]}`],
  [/^is not a field worker of office (\w+) \(a login with the role field\): (.+)$/,
    (m) => `${m[2]} 不是 ${m[1]} 的施工人员（须为具有 field 角色的登录账号）`],
];

/** A field's message from a 400 answer in the current language. */
export function fieldMessage(ctx, message) {
  return fieldText(ctx, message, { exact: FIELD_EXACT, patterns: FIELD_PATTERNS });
}

const TYPE_WORDS = { INSTALL: '装表', REMOVE: '拆表', REPLACE: '换表' };
const STATUS_WORDS = { SUSPENDED: '已挂起', COMPLETED: '已完成', CANCELLED: '已取消', OPEN: '待处理' };

const DETAIL_PATTERNS = [
  [/^account (\d+) does not exist in your office$/, (m) => `本单位没有户号 ${m[1]}`],
  [/^work order (\d+) does not exist in your office$/, (m) => `本单位没有工单 #${m[1]}`],
  [/^account (\d+) has meter (\d+) installed already; create a REPLACE order$/,
    (m) => `户号 ${m[1]} 已装有表计 ${m[2]}，请改建换表工单`],
  [/^account (\d+) has no installed meter to (remove|replace)$/,
    (m) => `户号 ${m[1]} 没有已安装的表计可${m[2] === 'remove' ? '拆' : '换'}`],
  [/^account (\d+) has work order (\d+) \((\w+), (\w+)\) under way; finish or cancel it first$/,
    (m) => `户号 ${m[1]} 已有进行中的工单 #${m[2]}（${TYPE_WORDS[m[3]] || m[3]}，${STATUS_WORDS[m[4]] || m[4]}），请先完成或取消`],
  [/^work order (\d+) refused: it is not assigned to a worker yet$/, (m) => `工单 #${m[1]} 尚未派工`],
  [/^work order (\d+) refused: it is assigned to (.+) already$/, (m) => `工单 #${m[1]} 已经派给 ${m[2]}`],
  [/^work order (\d+) refused: it is SUSPENDED; resume it first$/, (m) => `工单 #${m[1]} 已挂起，请先恢复`],
  [/^work order (\d+) refused: it is (\w+), not suspended$/,
    (m) => `工单 #${m[1]} 状态为“${STATUS_WORDS[m[2]] || m[2]}”，未挂起`],
  [/^work order (\d+) refused: it is (\w+)$/, (m) => `工单 #${m[1]} ${STATUS_WORDS[m[2]] || m[2]}，不能再操作`],
  [/^work order (\d+) is assigned to (.+), not to (.+)$/, (m) => `工单 #${m[1]} 派给的是 ${m[2]}，不是 ${m[3]}`],
  [/^work order (\d+) is not assigned to a worker yet, so not to (.+)$/, (m) => `工单 #${m[1]} 尚未派工，不是派给 ${m[2]} 的`],
];

/** A whole problem (404, 409, 403, network, or a 400 without field errors) as one readable sentence. */
export function problemMessage(ctx, problem) {
  return problemText(ctx, problem, { patterns: DETAIL_PATTERNS }, { exact: FIELD_EXACT, patterns: FIELD_PATTERNS });
}
