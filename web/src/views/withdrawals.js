import { t } from '../i18n.js';
import { instant, person } from '../store.js';

/**
 * What withdrawing (撤回) a record of each kind does, in words, as the dialog that asks for the reason
 * says it: one text per kind wherever that kind is withdrawn (填报记录, 工作填报).
 */
export function withdrawalExplanation(kind) {
  return {
    INFO_REPORT: t('撤回后该信息退出审核队列，不再计分。', 'It leaves the review queue and no longer counts.'),
    APPEAL: t('撤回后流管中心不再处理该申诉；如仍有异议，可重新提出申诉。', 'The lead office no longer decides it; a new appeal may be filed if there is still disagreement.'),
    ACHIEVEMENT: t('撤回后该成果不再加分，撤回前的历史得分不变。', 'It earns no bonus any more; earlier scores stay as they were.'),
    CAMPAIGN: t('撤回后该专项整治的启动、全部进展和完成都不再计分，也不能再报送进展，撤回前的历史得分不变。只是某条进展填错的，请在“进展”中只撤回那一条。',
      'Its launch, every step and its closing no longer count, and it takes no more progress; earlier scores stay as they were. If only one step is wrong, withdraw that step under its steps instead.'),
    INDICATOR: t('撤回后以此前报送的同一指标、同一年度数据为准（如有）。报错的数据也可直接重新报送，以最新一次为准。',
      'The figure reported before it for the same indicator and year, if any, counts again. A wrong figure can also be corrected by reporting the right one: the latest counts.'),
  }[kind] || t('撤回后该培训不再计分，撤回前的历史得分不变。', 'It no longer counts; earlier scores stay as they were.');
}

/** When, by whom and why a record (or a campaign's step) was withdrawn: 2023-05-02 09:05 由新碶街道联络员撤回：日期填错. */
export function withdrawalNote(r) {
  return t(`${instant(r.withdrawnAt)} 由${person(r.withdrawnBy)}撤回：${r.reason}`, `Withdrawn ${instant(r.withdrawnAt)} by ${person(r.withdrawnBy)}: ${r.reason}`);
}
