import { ref } from 'vue';
import { t } from '../i18n.js';

/** What the mask says over a page whose answer scores every unit (rounds, year-end, a comparison). */
export const computingEveryUnit = () => t('正在计算各单位得分…', 'Computing every unit\'s score...');

/**
 * A page's state while it waits for an answer. `pending` is true from the request until its answer:
 * a table says "nothing here" only once it knows (at a city's scale the first reading of every unit's
 * results after a restart takes seconds, and the rounds page said 尚无督查轮次 meanwhile). `slow` turns
 * true only when the answer takes longer than a moment, so the 正在计算 mask does not flicker over a
 * page whose answers come at once (the replay's slider asks at every step).
 */
export function useSlowAnswer(after = 300) {
  const pending = ref(false);
  const slow = ref(false);
  let asked = 0;

  /** Runs `work` and returns its answer; hands it to `show` only if no later question was asked meanwhile. */
  async function awaiting(work, show = () => {}) {
    const mine = ++asked;
    pending.value = true;
    const timer = setTimeout(() => { if (mine === asked) slow.value = true; }, after);
    try {
      const answer = await work();
      if (mine === asked) {
        show(answer);
      }
      return answer;
    } finally {
      clearTimeout(timer);
      // Only the latest question ends the wait: an earlier answer arriving late leaves the mask up.
      if (mine === asked) {
        pending.value = false;
        slow.value = false;
      }
    }
  }

  return { pending, slow, awaiting };
}
