// The console's language: Chinese first, English second, remembered in this browser.

const LANG_KEY = 'countygrid.lang';

let current = stored();

function stored() {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch (unavailable) {
    return 'zh';
  }
}

/** 'zh' or 'en'. */
export function language() {
  return current;
}

/** The text in the current language; every visible string is given in both. */
export function t(zh, en) {
  return current === 'en' ? en : zh;
}

export function applyLanguage(lang) {
  current = lang === 'en' ? 'en' : 'zh';
  try {
    localStorage.setItem(LANG_KEY, current);
  } catch (unavailable) {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
  document.title = t('CountyGrid 控制台', 'CountyGrid Console');
}
