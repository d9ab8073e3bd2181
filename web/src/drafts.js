import { ref, watch } from 'vue';
import { store } from './store.js';

/**
 * The words of a form not yet sent, kept in this browser as they are typed, so that a long report is
 * not lost to a closed tab, a dropped connection or a session that ended meanwhile: when the form
 * opens again they are back, with when they were typed. They are kept per user (another person
 * signed in on the same computer does not get them) and dropped once the form is sent or the reader
 * discards them. Only typed words are kept: uploaded files belong to a unit and are chosen again.
 *
 * @param kind   which form (info, appeal …)
 * @param model  the form's reactive object
 * @param fields the model's fields that hold typed words
 * @returns {{ savedAt: import('vue').Ref<string|null>, discard: Function }} savedAt: when the restored draft was typed, else null
 */
export function keepDraft(kind, model, fields) {
  const key = `duban.draft.${kind}.${store.me.username}`;
  const savedAt = ref(null);
  const empty = () => fields.every(f => !String(model[f] ?? '').trim());
  try {
    const kept = JSON.parse(localStorage.getItem(key) || 'null');
    if (kept && kept.fields) {
      fields.forEach(f => { if (typeof kept.fields[f] === 'string') model[f] = kept.fields[f]; });
      savedAt.value = empty() ? null : kept.at;
    }
  } catch {
    localStorage.removeItem(key); // unreadable (written by another version): nothing to restore
  }
  watch(() => fields.map(f => model[f]), () => {
    if (empty()) {
      localStorage.removeItem(key);
    } else {
      localStorage.setItem(key, JSON.stringify({ at: new Date().toISOString(), fields: Object.fromEntries(fields.map(f => [f, model[f]])) }));
    }
  });
  return {
    savedAt,
    /** Drops the kept words from the form and the browser: after sending, or when the reader discards them. */
    discard() {
      fields.forEach(f => { model[f] = ''; });
      localStorage.removeItem(key);
      savedAt.value = null;
    },
  };
}
