import { reactive } from 'vue';
import { api, readerIs } from './api.js';
import { lang, t } from './i18n.js';

/** Who is signed in, whether this is the demo, and the words for every code (GET /api/dictionary), read once. */
export const store = reactive({ me: null, about: null, units: [], words: {}, people: {}, schemes: [], ready: false });

let loading;

/** Reads them once; every caller waits for the same reading, and one that failed is tried again at the next call. */
export function load() {
  loading ??= read().catch(error => {
    loading = undefined;
    throw error;
  });
  return loading;
}

// Not toasted: what kept them from being read is said on the page that waits for them (App.vue).
const quietly = path => api('GET', path, undefined, undefined, { saysOwnError: true });

async function read() {
  const [me, about, dictionary, schemes] = await Promise.all([quietly('/api/me'), quietly('/api/about'), quietly('/api/dictionary'), quietly('/api/schemes')]);
  store.me = me;
  readerIs(me.username);
  store.about = about;
  store.units = dictionary.units;
  store.words = dictionary.words;
  store.people = dictionary.people;
  store.schemes = schemes;
  store.ready = true;
}

/** The words for a code: 已逾期 for light RED; the code itself only if the dictionary has none. */
export function word(group, code) {
  const w = store.words[group] && store.words[group][code];
  if (!w) {
    return code == null ? '' : String(code);
  }
  return lang() === 'en' ? w.en : w.zh;
}

/** A unit's name, never its id. */
export function unitName(id) {
  const u = store.units.find(x => x.id === id);
  return u ? u.name : id;
}

/**
 * A person by their display name, never their account; the platform's own actors (system:setup …) in
 * words; an act recorded in a unit's name (as the demo records the units' acts) by the unit's name.
 */
export function person(username) {
  if (store.people[username]) {
    return store.people[username];
  }
  const unit = store.units.find(u => u.id === username);
  if (unit) {
    return unit.name;
  }
  if (username && username.startsWith('system:')) {
    const known = word('systemActor', username);
    return known !== username ? known : t('系统', 'System');
  }
  return username;
}

/** The order people list units in: 街道 first, then 部门, each by name as Chinese sorts it (pinyin). */
export function streetsFirstByName(a, b) {
  return a.type === b.type ? a.name.localeCompare(b.name, 'zh-CN') : a.type === 'STREET' ? -1 : 1;
}

/** Who sent a 抄告单: the lead office sends in its own name (no unit), a department in its unit's. */
export function noticeSender(notice) {
  return notice.fromUnitId ? unitName(notice.fromUnitId) : t('流管中心', 'Lead office');
}

export function unitsOfType(type) {
  return store.units.filter(u => u.type === type && !u.retiredOn);
}

// The server's two-language messages, in the reader's language (kept with the other words in i18n.js).
export { said } from './i18n.js';

const BEIJING = 'Asia/Shanghai';

/** An instant as people in the district read it: YYYY-MM-DD HH:mm, Beijing time. */
export function instant(value) {
  if (!value) {
    return '';
  }
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: BEIJING, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(value));
  const p = Object.fromEntries(parts.map(x => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Today in the district (Beijing), YYYY-MM-DD. */
export function today() {
  return instant(new Date().toISOString()).substring(0, 10);
}

/**
 * For a date picker's disabled-date: a day after today in the district. A reported fact has
 * happened (the server refuses a training "held" tomorrow); the picker says so before sending.
 * The picker hands a local midnight of the day clicked; its calendar date is what counts.
 */
export function afterToday(date) {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return day > today();
}

/** The end of a day in Beijing, as the instant an as-of question asks about. */
export function endOfDay(date) {
  return new Date(date + 'T23:59:59+08:00').toISOString();
}

/** Element Plus tag type of a light: red danger, yellow warning, blue primary, green success. */
export function lightType(light) {
  return { RED: 'danger', YELLOW: 'warning', BLUE: 'primary', GREEN: 'success' }[light] || 'info';
}

export function can(...roles) {
  return store.me && roles.includes(store.me.role);
}

/** A record a unit reported, as a finding cites it: 培训 · 消防安全培训 · 2023-05-12. */
export function recordLabel(r) {
  return `${word('recordKind', r.kind)} · ${r.title || r.itemCode || ''}${r.on ? ' · ' + r.on : ''}`;
}
