// Chinese first; English for those who ask (the choice is kept in the browser).
const KEY = 'duban.lang';

export function lang() {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
}

export function toggleLang() {
  localStorage.setItem(KEY, lang() === 'en' ? 'zh' : 'en');
  location.reload();
}

/** t(['中文', 'English']) or t('中文', 'English'). */
export function t(zh, en) {
  if (Array.isArray(zh)) {
    [zh, en] = zh;
  }
  return lang() === 'en' && en ? en : zh;
}

/** A count after a heading: 待签收（2） in Chinese, "To acknowledge (2)" in English. */
export function count(n) {
  return lang() === 'en' ? ` (${n})` : `（${n}）`;
}
