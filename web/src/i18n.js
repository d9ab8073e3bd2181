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

/**
 * A message the server words in both languages, "中文 / English", perhaps followed by its data after
 * a colon ("催办 / urged：出租房屋排查"), in the reader's language: the Chinese half, or the English
 * half, capitalised, with the data after an English colon. Text that is not such a message (what a person wrote)
 * is shown as it is. The server reads the same pattern (cn.duban.kernel.Bilingual).
 */
const BILINGUAL = /^([^A-Za-z]*?) \/ ([A-Za-z][^：]*)(?:：([\s\S]*))?$/;
export function said(text) {
  const m = text ? BILINGUAL.exec(text) : null;
  if (!m) {
    return text || '';
  }
  const [, zh, en, data] = m;
  if (lang() === 'en') {
    // Written in the middle of a sentence ("… / overdue"); shown alone, it begins one.
    return en.charAt(0).toUpperCase() + en.slice(1) + (data != null ? ': ' + data : '');
  }
  return zh + (data != null ? '：' + data : '');
}
