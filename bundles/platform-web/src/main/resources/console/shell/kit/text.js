// Text helpers of the console kit (served at /console/kit/text.js) for the panels' messages.js.

// A [zh, en] label from a table by key, in the current language; the key itself when the table lacks it.
export function label(ctx, table, key) {
  const pair = table[key];
  return pair ? ctx.t(pair[0], pair[1]) : (key ?? '');
}

// The Chinese of a server message: `exact` by the whole message, else the first of `patterns` ([regex, m => zh])
// that matches; null when none knows it.
export function translate(message, exact, patterns) {
  if (!message) return null;
  if (exact[message]) return exact[message];
  for (const [pattern, zh] of patterns) {
    const m = pattern.exec(message);
    if (m) return zh(m);
  }
  return null;
}

// The time zone of every time the console shows: the county's (China Standard Time), as the server's days, the
// work order form and the backups use it, whatever the zone of the PC the console runs on.
export const TIME_ZONE = 'Asia/Shanghai';

// An ISO instant as the user reads times, in the current language, 24-hour clock, China time.
export function formatTime(ctx, iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: TIME_ZONE });
}

// The Chinese of what any server answer may say, whatever the module (platform-web: the role, CSRF and JSON checks,
// the 500 and 503 answers; platform-api and platform-data: missing office, module restarting, a unique key taken).
// The panels add their module's own messages in front of these; a message nobody knows is shown as sent, after a
// sentence saying what kind of failure it was.
const JSON_TYPES = [
  [/^one of (.+)$/, (m) => `以下之一：${m[1]}`],
  [/^text$/, () => '文本'],
  [/^true or false$/, () => 'true 或 false'],
  [/^a number$/, () => '数字'],
  [/^a whole number$/, () => '整数'],
  [/^a date like (.+)$/, (m) => `日期，如 ${m[1]}`],
  [/^a date and time like (.+)$/, (m) => `日期时间，如 ${m[1]}`],
  [/^a list$/, () => '列表'],
  [/^an object$/, () => '对象'],
  [/^another kind of value$/, () => '其他类型的值'],
];
const jsonType = (type) => translate(type, {}, JSON_TYPES) || type;

const FIELD_EXACT = {
  'is required': '必填',
  'unknown field': '未知字段',
  'appears twice': '重复出现（同一字段只能给一次）',
  'invalid value': '值无效',
  'must be a whole number': '必须是整数',
  'must not contain control characters': '不能包含换行、制表符等控制字符',
  'must not contain broken characters (half of a surrogate pair)': '含有残缺的字符（不完整的代理对），请重新输入',
  // the password rule (staff:user-add, staff:user-password, a user's own new password)
  'enter your current password': '请输入当前密码',
  'enter the new password': '请输入新密码',
  'is not your current password': '与当前密码不符',
  'must differ from the current password': '不能与当前密码相同',
  'must not be blank or the user name': '不能为空或与用户名相同',
  "must not contain ',' or control characters": '不能包含逗号或控制字符',
  'must not contain the user name': '不能包含用户名',
  'must mix at least three of: capital letters, small letters, digits, other characters':
    '须包含大写字母、小写字母、数字、其他字符中的至少三类',
  'is one of the passwords tried first by anyone guessing': '是最常被猜测的密码之一，请换一个',
};

const FIELD_PATTERNS = [
  [/^must be at most (\d+) characters$/, (m) => `最多${m[1]}个字符`],
  [/^must be between (\d+) and (\d+)$/, (m) => `必须在${m[1]}到${m[2]}之间`],
  [/^must be at least (\d+)$/, (m) => `不能小于${m[1]}`],
  [/^at least (\d+) characters$/, (m) => `至少${m[1]}个字符`],
  [/^expected (.+)$/, (m) => `应为${jsonType(m[1])}`],
  [/^missing or not (.+)$/, (m) => `缺少或不是${jsonType(m[1])}`],
];

const DETAIL_EXACT = {
  'The X-CSRF-Token header is missing or wrong.':
    '本页面的登录已失效（可能已在另一窗口重新登录），请刷新页面后再试。',
  'The REST API is starting or being updated (a feature installed or removed); try again in a moment.':
    '系统正在启动或更新模块（安装或卸载功能），请稍后再试。',
  'There is nothing at this address.': '此功能已不存在（所属模块可能已被卸载），请刷新页面。',
  'The request needs a JSON body.': '请求缺少内容。',
  'The query string is not valid URL encoding: each % must be followed by two hexadecimal digits.':
    '地址中的查询参数编码无效（% 后应为两位十六进制数字）。',
  'the change conflicts with data already stored': '与已保存的数据冲突，请重新加载后再试。',
  'enter your user name': '请输入用户名。',
  'enter your password': '请输入密码。',
  'This node keeps no passwords it could change (the login realm has no user file); ask your administrator.':
    '本节点不保存可修改的密码（登录域没有用户文件），请联系系统管理员。',
  'This node stores no hashed passwords (etc/org.apache.karaf.jaas.cfg); ask your administrator.':
    '本节点未启用密码散列存储，请联系系统管理员。',
  "Your login is not in this node's user file; ask your administrator.": '您的登录名不在本节点的用户文件中，请联系系统管理员。',
  'The password could not be stored for certain. Log in again with the new password; if that fails, with the old one, and try again.':
    '未能确认新密码已保存。请用新密码重新登录；若失败，请用旧密码登录后再试。',
};

const DETAIL_PATTERNS = [
  [/^User (.+) needs one of the roles (.+)\.$/, (m) => `用户 ${m[1]} 无权执行此操作，需要以下角色之一：${m[2]}`],
  [/^user (.+) needs one of the roles (.+)$/, (m) => `用户 ${m[1]} 无权执行此操作，需要以下角色之一：${m[2]}`],
  [/^Too many failed logins: user (.+) is locked for (\d+) more minute\(s\)\. Try again then, or ask an admin to unlock it\.$/,
    (m) => `密码错误次数过多，用户 ${m[1]} 已被锁定，请 ${m[2]} 分钟后再试，或请管理员解锁。`],
  [/^Something went wrong on the server\. Quote error id (\w+) to your administrator\.$/,
    (m) => `服务器出错，请将错误编号 ${m[1]} 告知系统管理员。`],
  [/^the (\S+) module is restarting; try again in a moment$/, (m) => `${m[1]} 模块正在重启，请稍后再试。`],
  // platform-data: the database gone away (SqlStates.UNAVAILABLE_DETAIL)
  [/^The database does not answer at the moment; nothing was changed\. Try again in a minute; if it lasts, tell your administrator\.$/,
    () => '数据库暂时无法连接，未做任何修改。请稍后再试；若持续出现，请联系系统管理员。'],
  // platform-web: an address no module serves while the node waits for a part (its database, a module being installed)
  [/^Nothing answers at this address while the node is not ready: .*\. Try again in a moment; GET \/api\/health says what is missing\.$/,
    () => '系统尚未就绪（数据库暂不可用或模块正在安装），暂时无法处理。请稍后再试；若持续出现，请联系系统管理员。'],
  [/^user (.+) belongs to no office; give it the role office\.<code>$/,
    (m) => `用户 ${m[1]} 未归属任何单位，请管理员为其添加角色 office.<单位编码>。`],
  [/^user (.+) has the role (.+), which names no office \(a code of 2-12 upper-case letters or digits\); an administrator must correct it$/,
    (m) => `用户 ${m[1]} 的角色 ${m[2]} 不是有效的单位（单位编码应为2到12位大写字母或数字），请管理员更正。`],
  [/^Query parameter '(.*)' is given more than once; give it once\.$/, (m) => `查询参数 ${m[1]} 出现了多次，只能给一次。`],
  [/^user (.+) belongs to more than one office; an administrator must remove all but one of its office\.<code> roles$/,
    (m) => `用户 ${m[1]} 同时归属多个单位，请管理员只保留一个 office.<单位编码> 角色。`],
  [/^The request body is larger than (\d+) bytes, the most this node accepts \(maxRequestKilobytes of org\.countygrid\.platform\.web\)\.$/,
    (m) => `请求内容超过 ${m[1]} 字节，超出本节点允许的上限。`],
  [/^office code must be 2-12 upper-case letters or digits, got: (.*)$/,
    (m) => `单位编码应为2到12位大写字母或数字，当前为：${m[1]}`],
  [/^The Content-Type names a charset this node does not know: '(.*)'\. Send UTF-8, or name a charset such as GBK\.$/,
    (m) => `请求声明的字符集 ${m[1]} 无法识别，请使用 UTF-8 或 GBK 等字符集。`],
  [/^The request body is not valid JSON \(line (\d+), column (\d+)\)\.$/, (m) => `请求内容不是有效的 JSON（第${m[1]}行第${m[2]}列）。`],
  [/^The request body is not valid JSON\.$/, () => '请求内容不是有效的 JSON。'],
  [/^The request body must be (.+)\.$/, (m) => `请求内容应为${jsonType(m[1])}。`],
  [/^Unknown field '(.+)'\.$/, (m) => `未知字段 ${m[1]}`],
  [/^Field '(.+)': expected (.+)\.$/, (m) => `字段 ${m[1]} 应为${jsonType(m[2])}`],
  [/^Field '(.+)': missing or not (.+)\.$/, (m) => `字段 ${m[1]} 缺少或不是${jsonType(m[2])}`],
  [/^Field '(.+)' has an invalid value\.$/, (m) => `字段 ${m[1]} 的值无效`],
  [/^A path or query parameter has an invalid value: not a number: "?([^"]*)"?$/, (m) => `参数值不是数字：${m[1]}`],
  [/^A path or query parameter has an invalid value(?::.*|\.)$/, () => '地址或查询参数的值无效。'],
];

// What a proxy between the browser and the node answers by itself, without a problem document.
const NOT_FROM_THE_NODE = {
  502: ['服务器暂时无法访问（网关出错），请稍后再试。', 'The server cannot be reached just now (bad gateway); try again later.'],
  503: ['服务器暂时不可用，请稍后再试。', 'The server is unavailable just now; try again later.'],
  504: ['服务器响应超时（网关超时），请稍后再试。', 'The server did not answer in time (gateway timeout); try again later.'],
};

const STATUS_SENTENCES = {
  0: ['无法连接服务器，请检查网络后重试。', 'Cannot reach the server: check the connection and try again.'],
  400: ['输入有误：', 'Invalid input: '],
  401: ['请先登录：', 'Log in first: '],
  403: ['无权执行此操作：', 'Not allowed: '],
  404: ['未找到：', 'Not found: '],
  409: ['操作被拒绝：', 'Refused: '],
  413: ['内容过大：', 'Too large: '],
  429: ['请求过多：', 'Too many requests: '],
  503: ['暂时无法处理：', 'Unavailable for a moment: '],
};

// own: the module's { exact, patterns } (its own server messages), tried before the platform's.
function known(message, own, exact, patterns) {
  return translate(message, { ...exact, ...(own && own.exact) }, [...((own && own.patterns) || []), ...patterns]);
}

// A field's message from a 400 answer, in the current language.
export function fieldText(ctx, message, own) {
  return ctx.lang === 'en' ? message : known(message, own, FIELD_EXACT, FIELD_PATTERNS) || message;
}

/** The problem type (platform-api Problem.STALE) of a 409 meaning "changed by someone else since you read it". */
export const STALE = 'urn:countygrid:problem:stale';

/** A refused write whose way out is to read the thing again: recognised by its type, never by its wording. */
export function isStale(problem) {
  return !!problem && problem.status === 409 && problem.type === STALE;
}

// The Chinese of the request fields the server names in a 400 answer (query parameters, body fields, headers), for
// a message that has no input of its own to stand under; a module adds its own as `names` of its field table.
const FIELD_NAMES = {
  q: '查询内容', limit: '每页条数', offset: '起始位置', before: '起始编号', body: '请求内容', 'If-Match': '版本',
  version: '版本', number: '户号', accountNumber: '户号', barcode: '条码', areaCode: '台区编号', stationCode: '供电所编号',
  worker: '施工人员', reason: '原因', note: '说明', from: '开始时间', to: '结束时间', kind: '类型', status: '状态',
  deviceId: '设备编号', location: '位置', currentPassword: '当前密码', newPassword: '新密码',
};

// A request field's name as the user reads it: in Chinese from the module's `names`, then the platform's table; the
// name itself in English or when neither knows it.
export function fieldName(ctx, field, own) {
  if (ctx.lang === 'en') return field;
  return (own && own.names && own.names[field]) || FIELD_NAMES[field] || field;
}

// A whole problem (problem+json body, or { status: 0 } for a failed connection) as one sentence in the current
// language. own: { exact, patterns } for the problem's detail, fields: { exact, patterns, names } for field
// messages and field names.
export function problemText(ctx, problem, own, fields) {
  const p = problem || { status: 0 };
  if (p.status === 0 || p.status === undefined) return ctx.t(...STATUS_SENTENCES[0]);
  // an answer that is no problem document (a proxy's own error page): its status alone, as a whole sentence
  if (!p.detail && !p.type && NOT_FROM_THE_NODE[p.status]) return ctx.t(...NOT_FROM_THE_NODE[p.status]);
  const detail = p.detail || p.title || '';
  if (ctx.lang !== 'en') {
    const zh = known(detail, own, DETAIL_EXACT, DETAIL_PATTERNS);
    if (zh) return zh;
    if (p.errors && p.errors.length > 0) {
      return STATUS_SENTENCES[400][0] + p.errors.map((e) => `${fieldName(ctx, e.field, fields)}：${fieldText(ctx, e.message, fields)}`).join('；');
    }
  }
  const [zh, en] = STATUS_SENTENCES[p.status] || ['操作失败：', 'Failed: '];
  return ctx.t(zh, en) + detail;
}
