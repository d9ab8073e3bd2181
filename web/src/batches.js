import { ref } from 'vue';
import { ElMessage, ElMessageBox } from 'element-plus';
import { postQuietly } from './api.js';

/**
 * Several acts sent at once from one page (reports accepted together, figures imported from a
 * workbook): each is still its own command, recorded and checked on its own, sent one after another
 * so they are recorded in the order shown. One refused (another reviewer decided it meanwhile) does
 * not stop the rest; what was refused is said once, at the end, each with the API's reason.
 * `busy` and `done` drive the button that started it ("正在录用 3/6").
 */
export function batchSender() {
  const busy = ref(false);
  const done = ref(0);
  return {
    busy,
    done,
    /**
     * Posts `command(item)` ({ path, body }) for each item in turn. When every one went in, toasts
     * `allDone(n)`; otherwise lists `named(item)`: reason for each refused under `partly(sent, refused)`.
     * Answers how many went in.
     */
    async send(items, command, { allDone, partly, named }) {
      busy.value = true;
      done.value = 0;
      const refused = [];
      try {
        for (const item of items) {
          const { path, body } = command(item);
          try {
            await postQuietly(path, body);
          } catch (e) {
            refused.push(`${named(item)}${e.message}`);
          }
          done.value++;
        }
      } finally {
        busy.value = false;
      }
      const sent = items.length - refused.length;
      if (!refused.length) {
        ElMessage.success(allDone(sent));
      } else {
        ElMessageBox.alert(refused.join('\n'), partly(sent, refused.length), { type: 'warning', customClass: 'message-lines' });
      }
      return sent;
    },
  };
}
