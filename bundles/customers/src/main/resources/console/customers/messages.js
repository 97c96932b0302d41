// Labels in Chinese and English, and the Chinese for the server's fixed messages (internal/domain: Texts,
// PhoneNumber, Account, Premise, Station, TransformerArea; internal: CustomerServiceImpl, SupplyNetwork; persistence:
// the repositories), in front of the platform's (/console/kit/text.js). Unknown messages are shown as sent, after a
// sentence saying what kind of failure it was.
import { fieldText, formatTime, isStale, label, problemText } from '/console/kit/text.js';

export { formatTime, isStale, label };

export const CATEGORIES = {
  RESIDENTIAL: ['居民', 'Residential'],
  COMMERCIAL: ['商业', 'Commercial'],
  INDUSTRIAL: ['工业', 'Industrial'],
  AGRICULTURAL: ['农业', 'Agricultural'],
};

export const VOLTAGES = { V220: ['220V', '220V'], V380: ['380V', '380V'], KV10: ['10kV', '10kV'], KV35: ['35kV', '35kV'], KV110: ['110kV', '110kV'] };

export const IMPORTANT_CLASSES = {
  NONE: ['非重要用户', 'Not important'],
  SPECIAL: ['特级重要用户', 'Special class'],
  FIRST: ['一级重要用户', 'First class'],
  SECOND: ['二级重要用户', 'Second class'],
  TEMPORARY: ['临时性重要用户', 'Temporary'],
};

export const STATUSES = { OPEN: ['正常', 'Open'], CLOSED: ['已销户', 'Closed'] };


const EXACT = {
  'must be exactly 10 digits': '户号必须是10位数字',
  'is already taken in this office': '本单位已有此户号',
  'is not a transformer area of this office': '不是本单位的台区',
  'a residential account is supplied at 220V or 380V': '居民用户只能是220V或380V供电',
  'must be a mobile number (11 digits, 1[3-9]…) or a landline like 0571-88888888': '应为11位手机号或带区号的固定电话，如0571-88888888',
  'must be 2-8 upper-case letters or digits': '应为2到8位大写字母或数字',
  "must be 2-16 upper-case letters, digits or '-', not starting with '-'": '应为2到16位大写字母、数字或“-”，且不以“-”开头',
  'is already used in this office': '本单位已在使用此编码',
  'is required (NONE for an account that is no important user)': '必填（非重要用户请选“非重要用户”）',
};

const FIELDS = { exact: EXACT, patterns: [] };

/** A field's message from a 400 answer in the current language. */
export function fieldMessage(ctx, message) {
  return fieldText(ctx, message, FIELDS);
}

const KINDS = { 'supply station': '供电所', 'transformer area': '台区' };

const DETAILS = {
  exact: {
    'the account was changed by someone else meanwhile; reload it and try again': '此户已被他人修改，请重新加载后再改。',
  },
  patterns: [
    [/^account (\d+) does not exist in your office$/, (m) => `本单位没有户号 ${m[1]}`],
    [/^supply station (\S+) does not exist in your office$/, (m) => `本单位没有供电所 ${m[1]}`],
    [/^transformer area (\S+) does not exist in your office$/, (m) => `本单位没有台区 ${m[1]}`],
    [/^account (\d+) was changed by someone else \(version (\d+), you had (\d+)\); reload it and try again$/,
      (m) => `户号 ${m[1]} 已被他人修改，请重新加载后再改。`],
    [/^account (\d+) is closed$/, (m) => `户号 ${m[1]} 已销户，不能再修改或销户。`],
    [/^account (\d+) could not be stored: the number was taken meanwhile$/,
      (m) => `户号 ${m[1]} 未能保存：此户号刚被他人占用，请换一个户号。`],
    [/^(supply station|transformer area) (\S+) could not be stored: the code was taken meanwhile$/,
      (m) => `${KINDS[m[1]]} ${m[2]} 未能保存：此编码刚被他人占用，请换一个编码。`],
  ],
};

/** A whole problem (403, 404, 409, 503, network, or a 400 without field errors) as one readable sentence. */
export function problemMessage(ctx, problem) {
  return problemText(ctx, problem, DETAILS, FIELDS);
}
