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

// An ISO instant as the user reads times, in the current language, 24-hour clock.
export function formatTime(ctx, iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
