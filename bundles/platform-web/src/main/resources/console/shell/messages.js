// The message area: readable text only (a problem's detail), never raw JSON or a stack trace.
import { h } from './kit/dom.js';
import { language, t } from './i18n.js';
import { problemText as kitProblemText } from './kit/text.js';

let notice = null;

export function messageArea() {
  return h('div', { id: 'message', 'data-testid': 'message', role: 'status', 'aria-live': 'polite', hidden: true });
}

export function showMessage(kind, text) {
  notice = { kind, text };
  const area = document.getElementById('message');
  if (!area) {
    return;
  }
  area.className = 'message ' + kind;
  area.replaceChildren(h('span', {}, text),
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
  if (!error.problem && error.status === undefined) {
    return error.message || t('未知错误。', 'Unknown error.'); // not a call: the browser's own error
  }
  return kitProblemText({ t, lang: language() }, error.problem || { status: error.status });
}
