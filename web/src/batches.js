import { ref } from 'vue';
import { ElMessage, ElMessageBox } from 'element-plus';
import { post, told } from './api.js';

/**
 * Several acts sent at once from one page (reports accepted together, assignments urged, figures
 * imported from a workbook), in one request to the API's run of them (`/api/info-reports/acceptances`
 * and the like): each is still its own command, recorded and checked on its own, in the order shown,
 * and the run goes on on the server if this tab is closed meanwhile. One refused (another reviewer
 * decided it meanwhile) does not stop the rest; what was refused is said once, at the end, each with
 * the API's reason. `busy` drives the button that started it ("正在录用…").
 */
export function batchSender() {
  const busy = ref(false);
  return {
    busy,
    /**
     * Posts `body` to `path`, whose answer's `results` say, in the order of `items`, which went in.
     * When every one did, toasts `allDone(n)`; otherwise lists `named(item)`: reason for each refused
     * under `partly(sent, refused)`. A request refused whole (a 400, say) is said as any other command's
     * refusal and throws. Answers how many went in.
     */
    async send(path, body, items, { allDone, partly, named }) {
      busy.value = true;
      let answer;
      try {
        answer = await post(path, body);
      } finally {
        busy.value = false;
      }
      // Each refusal said as its own request's would be (told: the reader's language, the field named).
      const refused = answer.results.map((r, i) => r.error ? `${named(items[i])}${told(r.error, r.status)}` : null).filter(Boolean);
      if (!refused.length) {
        ElMessage.success(allDone(answer.done));
      } else {
        ElMessageBox.alert(refused.join('\n'), partly(answer.done, refused.length), { type: 'warning', customClass: 'message-lines' });
      }
      return answer.done;
    },
  };
}
