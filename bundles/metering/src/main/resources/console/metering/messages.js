// Labels in Chinese and English, and the Chinese for the server's fixed messages about work orders
// (internal/domain: Texts, WorkOrder; platform-api: Problem; platform-web: the role check). English shows what the
// server sent; a Chinese message the table does not know is shown as sent, after a sentence saying what happened.
import { fieldText, formatTime, isStale, label, problemText, translate } from '/console/kit/text.js';

export { formatTime, isStale, label };

export const STATUSES = {
  OPEN: ['待处理', 'Open'],
  SUSPENDED: ['已挂起', 'Suspended'],
  COMPLETED: ['已完成', 'Completed'],
  CANCELLED: ['已取消', 'Cancelled'],
};
/** An order still to be done (OPEN or SUSPENDED): only such an order waits for a worker to be assigned. */
export const underWay = (o) => o.status === 'OPEN' || o.status === 'SUSPENDED';
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
  'account-changed': ['客户档案变更', 'Account changed'],
};


const FIELD_EXACT = {
  'must be exactly 10 digits': '户号必须是10位数字',
  'must be exactly 22 digits': '条码必须是22位数字',
  'must be exactly 12 digits (BCD)': '通信地址必须是12位数字（BCD码）',
  "must be 1-30 letters, digits or '-'": '应为1到30位字母、数字或“-”',
  'must be an accuracy class: 0.2S, 0.5S, 1, 2 or A, B, C, D (active/reactive as 1/2)':
    '应为准确度等级：0.2S、0.5S、1、2 或 A、B、C、D（有功/无功写作 1/2）',
  'must be at most 99999999.99 kWh (no meter register holds more)': '不能超过 99999999.99 千瓦时（电能表示数没有更大的）',
  'appears twice in the file': '在文件中出现了两次',
  'has a quoted cell without its closing quote': '有一个引号没有配对（以"开头的单元格缺少结尾的"）',
  'has text after the closing quote of a quoted cell': '引号结束后还有其他字符（一个单元格只能整个加引号）',
  "is already in this office's stock": '已在本单位的库存中',
  'must hold at least one meter line': '至少要有一行表计',
  'must lie between the years 1900 and 2199': '须在1900年到2199年之间',
};

const FIELD_PATTERNS = [
  [/^must have (\d+) comma-separated columns, has (\d+)$/, (m) => `应有${m[1]}列（逗号分隔），实有${m[2]}列`],
  [/^must hold at most (\d+) meters$/, (m) => `一个文件最多${m[1]}块表`],
  [/^must be one of (.+)$/, (m) => `应为以下之一：${m[1]}`],
  [/^must lie between 2000-01-01 and today \((.+)\)$/, (m) => `须在2000-01-01到今天（${m[1]}）之间`],
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
  [/^work order (\d+) is not one of yours/, (m) => `您名下没有工单 #${m[1]}（可能已转派给他人）`],
  [/^meter (\d+) does not exist in your office$/, (m) => `本单位没有表计 ${m[1]}`],
  [/^supply station (\S+) does not exist in your office$/, (m) => `本单位没有供电所 ${m[1]}`],
  [/^transformer area (\S+) does not exist in your office$/, (m) => `本单位没有台区 ${m[1]}`],
  [/^account (\d+) has had no meter in this office$/, (m) => `户号 ${m[1]} 在本单位没有装过表`],
  [/^the work order was changed by someone else meanwhile; reload it and try again$/, () => '工单刚被他人修改，请刷新后再试。'],
  [/^meter (\d{22}) was changed by someone else meanwhile; reload it and try again$/, (m) => `表计 ${m[1]} 刚被他人修改，请刷新后再试。`],
  [/^terminal (\S+) was changed by someone else meanwhile; reload it and try again$/, (m) => `终端 ${m[1]} 刚被他人修改，请刷新后再试。`],
  [/^the topology of terminal (\S+) was changed by someone else meanwhile; reload it and try again$/,
    (m) => `终端 ${m[1]} 的挂接关系刚被他人修改，请刷新后再试。`],
  [/^account (\d+) has meter (\d+) installed already; create a REPLACE order$/,
    (m) => `户号 ${m[1]} 已装有表计 ${m[2]}，请改建换表工单`],
  [/^account (\d+) is closed; only a REMOVE order can be made for it$/, (m) => `户号 ${m[1]} 已销户，只能建拆表工单`],
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

const FILE_KINDS = { OLD_METER_PHOTO: '旧表照片', NEW_METER_PHOTO: '新表照片', SIGNATURE: '客户签名', FORM: '工单表单' };
const readings = (total, err) => `总示数 ${total} kWh${err ? `，故障代码 ${err}` : ''}`;

// A history step's note as the server wrote it (internal/domain WorkOrder: created, handed-over, readings, photo;
// the work order requests' origin); notes staff typed are shown as typed.
const NOTE_PATTERNS = [
  [/^not assigned yet$/, () => '待派工'],
  [/^assigned to (\S+?)(?:: ([\s\S]*))?$/, (m) => `派给 ${m[1]}${m[2] ? `：${m[2]}` : ''}`],
  [/^from (\S+) to (\S+?)(?:: ([\s\S]*))?$/, (m) => `由 ${m[1]} 转派给 ${m[2]}${m[3] ? `：${m[3]}` : ''}`],
  [/^total ([\d.]+) kWh(?:, ERR (.+))?$/, (m) => readings(m[1], m[2])],
  [/^(\d{22}): total ([\d.]+) kWh(?:, ERR (.+))?$/, (m) => `${m[1]}：${readings(m[2], m[3])}`],
  [/^(\w+) of (\d{22}) sha256 ([0-9a-f]{64})(?:; the signature of ([\s\S]+) is void: the customer signs again)?$/,
    (m) => `${FILE_KINDS[m[1]] || m[1]} ${m[2]}（SHA-256 ${m[3].slice(0, 12)}…）${m[4] ? `，${m[4]} 的签名已作废，须重新签字` : ''}`],
  [/^销户 account closed$/, () => '客户已销户'],
  [/^([\s\S]*) \(from ([\w.-]+#\d+)\)$/, (m) => `${noteZh(m[1])}（来自事件 ${m[2]}）`],
  // WorkOrder.followAccount (after the line above, which takes the origin off first): the account's address and/or
  // transformer area changed while the order was under way
  [/^address ([\s\S]+?) → ([\s\S]+?)(?:; area (\S+) → (\S+))?$/,
    (m) => `地址 ${m[1]} → ${m[2]}${m[3] ? `；台区 ${m[3]} → ${m[4]}` : ''}`],
  [/^area (\S+) → (\S+)$/, (m) => `台区 ${m[1]} → ${m[2]}`],
];
const noteZh = (note) => translate(note, {}, NOTE_PATTERNS) || note;

/** A work order history step's note in the current language. */
export function noteText(ctx, note) {
  return ctx.lang === 'en' ? note : noteZh(note);
}

// A meter's or terminal's audit row detail (MeterServiceImpl, TopologyServiceImpl, OrderCompletion,
// InstalledBaseWriter); a scrapping reason staff typed is shown as typed.
const AUDIT_PATTERNS = [
  [/^delivery (.+) into warehouse (.+)$/, (m) => `到货批次 ${m[1]} 入库 ${m[2]}`],
  [/^registered into warehouse (.+)$/, (m) => `登记入库 ${m[1]}`],
  [/^verified on (\d{4}-\d{2}-\d{2})$/, (m) => `检定日期 ${m[1]}`],
  [/^cabinet (.+) to station (.+)$/, (m) => `由周转柜 ${m[1]} 预领到供电所 ${m[2]}`],
  [/^pre-issued to station (.+)$/, (m) => `预领到供电所 ${m[1]}`],
  [/^received at station (.+)$/, (m) => `在供电所 ${m[1]} 领用`],
  [/^to warehouse (.+)$/, (m) => `调拨到库房 ${m[1]}`],
  [/^back to warehouse: (.+)$/, (m) => `退库：${m[1]}`],
  [/^work order (\d+) at account (\d+)$/, (m) => `工单 #${m[1]}，户号 ${m[2]}`],
  [/^installed base taken over: account (\d+)$/, (m) => `存量接收：户号 ${m[1]}`],
  [/^installed base taken over: area (.+)$/, (m) => `存量接收：台区 ${m[1]}`],
];

/** A meter's history detail in the current language. */
export function auditText(ctx, detail) {
  return ctx.lang === 'en' ? detail : translate(detail, {}, AUDIT_PATTERNS) || detail;
}

const COLUMNS = {
  barcode: ['条码', 'barcode'], assetNumber: ['资产编号', 'asset number'], commAddress: ['通信地址', 'comm. address'],
  phase: ['相别', 'phase'], feeControl: ['费控方式', 'fee control'], manufacturer: ['厂家', 'manufacturer'],
  accuracyClass: ['准确度等级', 'accuracy class'], columns: ['列数', 'columns'], body: ['文件', 'file'],
  batch: ['批次号', 'batch'], warehouseCode: ['库房', 'warehouse'],
};

/** A delivery file's error field ("line 3.commAddress", "batch") in the current language. */
export function columnText(ctx, field) {
  const m = /^line (\d+)\.(\w+)$/.exec(field || '');
  if (m) {
    return ctx.t(`第${m[1]}行 ${COLUMNS[m[2]] ? COLUMNS[m[2]][0] : m[2]}`, `line ${m[1]}, ${COLUMNS[m[2]] ? COLUMNS[m[2]][1] : m[2]}`);
  }
  return COLUMNS[field] ? ctx.t(...COLUMNS[field]) : field;
}

// Why a reading failed validation, and its flags (internal/domain Vee).
export const READING_REASONS = {
  FUTURE: ['时间在未来', 'from the future'],
  UNKNOWN_METER: ['未知表计', 'unknown meter'],
  NOT_INSTALLED: ['当时未安装', 'not installed then'],
  ROLLBACK: ['示数倒走', 'rollback'],
  SPIKE: ['突增', 'spike'],
  GAP_BEFORE: ['之前有缺数', 'gap before'],
};

/** A whole problem (404, 409, 403, network, or a 400 without field errors) as one readable sentence. */
export function problemMessage(ctx, problem) {
  return problemText(ctx, problem, { patterns: DETAIL_PATTERNS }, { exact: FIELD_EXACT, patterns: FIELD_PATTERNS });
}
