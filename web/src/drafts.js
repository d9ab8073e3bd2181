import { ref, watch } from 'vue';
import { store } from './store.js';

/**
 * The words of a form not yet sent, kept in this browser as they are typed, so that a long report is
 * not lost to a closed tab, a dropped connection, a drawer clicked shut or a session that ended
 * meanwhile: when the form opens again they are back, with when they were typed. They are kept per
 * user (another person signed in on the same computer does not get them) and dropped once the form
 * is sent or the reader discards them. Only typed words are kept: uploaded files belong to a unit and
 * are chosen again.
 *
 * A form that stands for one thing among many (a rectification's report, a campaign's closing) names
 * it in its kind, given as a function, and calls `load()` each time it opens for another one: each
 * keeps its own draft.
 *
 * @param kind   which form ('info', 'appeal'), or a function giving it (`rectification.<id>`), null while none is open
 * @param model  the form's reactive object
 * @param fields the model's fields that hold typed words
 * @returns {{ savedAt: import('vue').Ref<string|null>, load: Function, discard: Function }}
 *          savedAt: when the restored draft was typed, else null
 */
export function keepDraft(kind, model, fields) {
  const keyOf = () => {
    const name = typeof kind === 'function' ? kind() : kind;
    return name ? `duban.draft.${name}.${store.me.username}` : null;
  };
  const savedAt = ref(null);
  const typed = () => JSON.stringify(fields.map(f => model[f] ?? ''));
  const empty = () => fields.every(f => !String(model[f] ?? '').trim());
  // What the browser holds for the current key: a change back to it (or a load) writes nothing, so a
  // draft keeps the time it was typed.
  let kept = typed();

  /** Fills the form's words from the current key's draft, or empties them where there is none. */
  function load() {
    const key = keyOf();
    fields.forEach(f => { model[f] = ''; });
    savedAt.value = null;
    if (key) {
      try {
        const draft = JSON.parse(localStorage.getItem(key) || 'null');
        if (draft && draft.fields) {
          fields.forEach(f => { if (typeof draft.fields[f] === 'string') model[f] = draft.fields[f]; });
          savedAt.value = empty() ? null : draft.at;
        }
      } catch {
        localStorage.removeItem(key); // unreadable (written by another version): nothing to restore
      }
    }
    kept = typed();
  }

  watch(() => fields.map(f => model[f]), () => {
    const key = keyOf();
    if (!key || typed() === kept) {
      return;
    }
    kept = typed();
    if (empty()) {
      localStorage.removeItem(key);
    } else {
      localStorage.setItem(key, JSON.stringify({ at: new Date().toISOString(), fields: Object.fromEntries(fields.map(f => [f, model[f]])) }));
    }
  });
  if (typeof kind !== 'function') {
    load();
  }
  return {
    savedAt,
    load,
    /** Drops the kept words from the form and the browser: after sending, or when the reader discards them. */
    discard() {
      const key = keyOf();
      fields.forEach(f => { model[f] = ''; });
      kept = typed();
      if (key) {
        localStorage.removeItem(key);
      }
      savedAt.value = null;
    },
  };
}
