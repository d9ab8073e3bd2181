import { reactive, watchEffect } from 'vue';
import { afterEveryCommand, get } from './api.js';
import { lang, t } from './i18n.js';

/**
 * What waits for this reader's decision (the server counts it: /api/me/waiting), each with a link to
 * the page that decides it: for the lead office reports, completions, extensions, appeals and 抄告单
 * escalated unanswered; for
 * supervisors the rectifications reported and waiting to be verified, and the sampled records to
 * check or recheck; for a unit's staff its tasks (listed once each, as 我的待办 lists them), the 抄告单
 * it has to answer, the rectifications it has to report and its unread notifications.
 */
export const WAITING = {
  reports: { label: () => t('信息待审核', 'Reports to review'), to: '/info-review' },
  completions: { label: () => t('办结待审核', 'Completions to decide'), to: '/assignments?status=COMPLETION_SUBMITTED' },
  extensions: { label: () => t('延期待审批', 'Extensions asked'), to: '/assignments?extension=1' },
  appeals: { label: () => t('申诉待处理', 'Appeals filed'), to: '/adjustments?tab=appeals' },
  copyNotices: { label: () => t('抄告逾期未反馈', 'Copy notices escalated'), to: '/copy-notices?status=ESCALATED' },
  rectifications: { label: () => t('整改待核实', 'Rectifications to verify'), to: '/rectifications?status=REPORTED' },
  samples: { label: () => t('抽查待核查', 'Sampled records to check'), to: '/sampling' },
  tasks: { label: () => t('待办任务', 'Tasks to do'), to: '/inbox' },
  copyNoticesToAnswer: { label: () => t('抄告单待反馈', 'Copy notices to answer'), to: '/inbox' },
  rectificationsToReport: { label: () => t('整改待报送', 'Rectifications to report'), to: '/rectifications?status=ORDERED' },
  notifications: { label: () => t('未读通知', 'Unread notifications'), to: '/inbox?tab=notes' },
  processing: { label: () => t('数据处理出错', 'Processing failing'), to: '/status' },
};

/** The counts as the server gave them last, in its order: the overview's 待处理 and the menu's badges. */
export const waiting = reactive({ counts: [] });

let reading = null;
let readAgain = false;

/**
 * Reads the counts. Asked while a read is under way (a run of acts, such as several reports accepted
 * at once), it reads once more after that one, not once for each ask: the promise settles when
 * counts read after the ask are shown.
 */
export function loadWaiting() {
  if (reading) {
    readAgain = true;
    return reading;
  }
  reading = (async () => {
    try {
      do {
        readAgain = false;
        const counts = await get('/api/me/waiting');
        waiting.counts = counts.filter(w => WAITING[w.key]);
      } while (readAgain);
    } finally {
      reading = null;
    }
  })();
  return reading;
}

/** How many things wait on the page at this path: the counts whose link opens it (the menu's badge). */
export function waitingAt(path) {
  return waiting.counts.filter(w => WAITING[w.key].to.split('?')[0] === path).reduce((n, w) => n + w.count, 0);
}

/** Everything waiting for this reader: the phone's menu button and the tab's title count it. */
export function waitingTotal() {
  return waiting.counts.reduce((n, w) => n + w.count, 0);
}

// The tab's title counts what waits, so a clerk with the workbench in a background tab sees work arrive.
watchEffect(() => {
  const n = waitingTotal();
  const name = t('督办工作台', 'Duban workbench');
  document.title = !n ? name : lang() === 'en' ? `(${n}) ${name}` : `（${n}）${name}`;
});

/** How often the counts are read again while the reader is at the workbench. */
const EVERY = 60 * 1000;
/**
 * A tab nobody has touched for this long stops asking: each read keeps the session alive, and an
 * unattended workbench should end its session after the idle time as it would without the counts.
 */
const UNATTENDED_AFTER = 10 * 60 * 1000;
let lastTouched = Date.now();

/**
 * Keeps the counts fresh while the reader is here, so what others did (a report sent in, a task
 * issued) shows without moving to another screen: every minute while the tab is in view and was
 * touched in the last ten, and at once when the reader comes back to the tab.
 */
export function keepWaitingFresh() {
  for (const e of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
    addEventListener(e, () => { lastTouched = Date.now(); }, { capture: true, passive: true });
  }
  const refresh = () => loadWaiting().catch(() => {}); // a failed count has said why in its toast
  setInterval(() => {
    if (document.visibilityState === 'visible' && Date.now() - lastTouched < UNATTENDED_AFTER) {
      refresh();
    }
  }, EVERY);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      refresh();
    }
  });
}

// After each of the reader's own acts (a report accepted, a notice answered) the counts are read
// again, so the badges follow what the reader just did. A failed read has said why in its toast.
afterEveryCommand(() => loadWaiting().catch(() => {}));
