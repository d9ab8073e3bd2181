import { effectScope, h, reactive } from 'vue';
import { ElMessageBox } from 'element-plus';
import { keepDraft } from './drafts.js';
import { t, paren } from './i18n.js';
import { instant } from './store.js';

/**
 * Asks for the reason (or note) an act records: 退回, 驳回, 不同意延期, a sampled record found untrue.
 * A box of several lines, since reasons run to sentences, that a click beside it does not close (a
 * stray click lost what was typed); Esc and 取消 still do. The length is checked before sending,
 * against the same limit the API holds (`max`), so what was typed is not refused after the fact.
 * Answers the words trimmed: '' when `required` is false and nothing was typed.
 *
 * With `draft` (what the reason is for, such as `info-reject.<reportId>`) the words are kept in this
 * browser as they are typed, as a form's are (drafts.js): a box closed by Esc or 取消, or a page left
 * meanwhile, gives them back the next time the same act is asked for, and saying so. They are dropped
 * once the box is confirmed.
 */
export async function askFor({ title, message, max, required = true, confirmText, type = 'warning', draft }) {
  const scope = effectScope();
  const typed = reactive({ text: '' });
  const kept = draft ? scope.run(() => keepDraft(`reason.${draft}`, typed, ['text'])) : null;
  const restored = kept?.savedAt.value;
  try {
    const { value } = await ElMessageBox.prompt(
      restored ? h('div', [h('p', message), h('p', { class: 'reason-restored', 'data-test': 'reason-restored' },
        t('已恢复上次未发送的内容', 'What was typed before and not sent is back') + paren(instant(restored)))]) : message,
      title, {
        type,
        inputType: 'textarea',
        inputValue: typed.text,
        customClass: 'reason-box',
        closeOnClickModal: false,
        confirmButtonText: confirmText || t('确定', 'OK'),
        cancelButtonText: t('取消', 'Cancel'),
        // Element Plus checks the words at every change: that is also when they are kept.
        inputValidator: v => {
          typed.text = v || '';
          const words = (v || '').trim();
          if (required && !words) {
            return t('请填写理由', 'A reason is required');
          }
          return words.length <= max || t(`最多 ${max} 字，现有 ${words.length} 字`, `At most ${max} characters; this has ${words.length}`);
        },
      });
    kept?.discard();
    return (value || '').trim();
  } finally {
    scope.stop();
  }
}
