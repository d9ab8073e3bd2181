import { ref } from 'vue';
import { ElMessage, ElMessageBox } from 'element-plus';
import { api, recorded, told } from './api.js';
import { t } from './i18n.js';

/** How many of the acts a stopped run did not send are named; the rest are counted. */
const SHOWN_NOT_SENT = 5;

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
     * refusal and throws. A run a fault stopped (a 500 that says what each act came to) is said as
     * one with refusals, the fault's act and the first acts not sent among them. Answers how many went in.
     */
    async send(path, body, items, { allDone, partly, named }) {
      busy.value = true;
      let answer;
      try {
        answer = await api('POST', path, body, undefined, { saysOwnError: true });
      } catch (error) {
        if (!error.body || !Array.isArray(error.body.results)) {
          ElMessage.error(error.message);
          throw error;
        }
        // A fault stopped the run (500): the acts before it went in and are said as any run's are.
        answer = error.body;
        if (answer.done) recorded();
      } finally {
        busy.value = false;
      }
      // Each refusal said as its own request's would be (told: the reader's language, the field named).
      const said = (r, i) => `${named(items[i])}${told(r.error, r.status)}`;
      const refused = answer.results.map((r, i) => r.error && r.error.error !== 'NOT_SENT' ? said(r, i) : null).filter(Boolean);
      if (!refused.length) {
        ElMessage.success(allDone(answer.done));
      } else if (answer.error !== 'INTERNAL') { // refusals only: the run went to its end
        ElMessageBox.alert(refused.join('\n'), partly(answer.done, refused.length), { type: 'warning', customClass: 'message-lines' });
      } else {
        // The acts not sent are named too (the first few: a workbook's hundreds would bury the rest), so they can be sent again.
        const notSent = answer.results.map((r, i) => r.error && r.error.error === 'NOT_SENT' ? said(r, i) : null).filter(Boolean);
        const lines = [...refused, ...notSent.slice(0, SHOWN_NOT_SENT)];
        if (notSent.length > SHOWN_NOT_SENT) {
          lines.push(t(`……共 ${notSent.length} 项未提交`, `… ${notSent.length} not sent in all`));
        }
        ElMessageBox.alert(lines.join('\n'), partly(answer.done, answer.results.length - answer.done)
          + t('（服务器出错，本批中途停止）', ' (a server fault stopped the run)'), { type: 'error', customClass: 'message-lines' });
      }
      return answer.done;
    },
  };
}
