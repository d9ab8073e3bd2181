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

// Punctuation around words follows the reader's language: full-width marks in Chinese, ASCII marks
// and spaces in English. A string mixing English words with 「：」 or 「（」 reads as a defect.

/** Something in brackets after a word: 待签收（2） in Chinese, "To acknowledge (2)" in English. */
export function paren(x) {
  return lang() === 'en' ? ` (${x})` : `（${x}）`;
}

/** The mark between a name and its value: ： in Chinese, ": " in English. */
export function colon() {
  return lang() === 'en' ? ': ' : '：';
}

/** A field's name before its value: 牵头： in Chinese, "Lead: " in English. */
export function field(zh, en) {
  return t(zh, en) + colon();
}

/** Items in a run: 甲、乙 in Chinese, "A, B" in English; `strong` separates clauses (；/ "; "). */
export function joined(items, strong = false) {
  const en = lang() === 'en';
  return items.join(strong ? (en ? '; ' : '；') : (en ? ', ' : '、'));
}

/** Two clauses: 甲，乙 in Chinese, "A, B" in English. */
export function comma() {
  return lang() === 'en' ? ', ' : '，';
}
