// Labels in Chinese and English, and the Chinese for the server's fixed validation messages
// (internal/domain: Texts, PhoneNumber, Account, Premise, Station, TransformerArea). Unknown messages are shown as sent.
import { formatTime, label, translate } from '/console/kit/text.js';

export { formatTime, label };

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
  'is required': '必填',
  'must be exactly 10 digits': '户号必须是10位数字',
  'is already taken in this office': '本单位已有此户号',
  'is not a transformer area of this office': '不是本单位的台区',
  'a residential account is supplied at 220V or 380V': '居民用户只能是220V或380V供电',
  'must be a mobile number (11 digits, 1[3-9]…) or a landline like 0571-88888888': '应为11位手机号或带区号的固定电话，如0571-88888888',
  'must be 2-8 upper-case letters or digits': '应为2到8位大写字母或数字',
  "must be 2-16 upper-case letters, digits or '-', not starting with '-'": '应为2到16位大写字母、数字或“-”，且不以“-”开头',
  'is already used in this office': '本单位已在使用此编码',
  'must be a whole number': '必须是整数',
};

const PATTERNS = [
  [/^must be at most (\d+) characters$/, (m) => `最多${m[1]}个字符`],
  [/^must be between (\d+) and (\d+)$/, (m) => `必须在${m[1]}到${m[2]}之间`],
];

export function fieldMessage(ctx, message) {
  return ctx.lang !== 'zh' ? message : translate(message, EXACT, PATTERNS) || message;
}

