// The message area: readable text only (a problem's detail), never raw JSON or a stack trace.
import { h } from './kit/dom.js';
import { language, t } from './i18n.js';
import { problemText as kitProblemText } from './kit/text.js';

let notice = null;

export function messageArea() {
  return h('div', { id: 'message', 'data-testid': 'message', role: 'status', 'aria-live': 'polite', hidden: true });
}

// text: a string, or a function making it in the current language — then a message shown again after the
// language switch (repeatMessage) reads in the new language.
export function showMessage(kind, text) {
  notice = { kind, text };
  const area = document.getElementById('message');
  if (!area) {
    return;
  }
  area.className = 'message ' + kind;
  area.replaceChildren(h('span', {}, typeof text === 'function' ? text() : text),
    h('button', { type: 'button', className: 'close', 'aria-label': t('关闭', 'Close'), onClick: clearMessage }, '×'));
  area.hidden = false;
}

export function clearMessage() {
  notice = null;
  const area = document.getElementById('message');
  if (area) {
    area.hidden = true;
    area.replaceChildren();
  }
}

/** Shows the last message again in a freshly built page. */
export function repeatMessage() {
  if (notice) {
    showMessage(notice.kind, notice.text);
  }
}

export function forgetMessage() {
  notice = null;
}

/** A failed call's problem as a sentence in the console's language (the kit's translations of server messages). */
export function problemText(error) {
  if (!error) {
    return t('未知错误。', 'Unknown error.');
  }
  if (!error.problem && error.status === undefined) { // not a call: the browser's own error, e.g. a script not loaded
    return t('浏览器出错，请刷新页面后重试', 'The browser failed; reload the page and try again')
      + (error.message ? t('（', ' (') + error.message + t('）', ')') : '') + t('。', '.');
  }
  return kitProblemText({ t, lang: language() }, error.problem || { status: error.status });
}
