import { ElMessageBox } from 'element-plus';
import { t } from './i18n.js';

/**
 * Asks for the reason (or note) an act records: 退回, 驳回, 不同意延期, a sampled record found untrue.
 * A box of several lines, since reasons run to sentences, that a click beside it does not close (a
 * stray click lost what was typed); Esc and 取消 still do. The length is checked before sending,
 * against the same limit the API holds (`max`), so what was typed is not refused after the fact.
 * Answers the words trimmed: '' when `required` is false and nothing was typed.
 */
export async function askFor({ title, message, max, required = true, confirmText, type = 'warning' }) {
  const { value } = await ElMessageBox.prompt(message, title, {
    type,
    inputType: 'textarea',
    customClass: 'reason-box',
    closeOnClickModal: false,
    confirmButtonText: confirmText || t('确定', 'OK'),
    cancelButtonText: t('取消', 'Cancel'),
    inputValidator: v => {
      const words = (v || '').trim();
      if (required && !words) {
        return t('请填写理由', 'A reason is required');
      }
      return words.length <= max || t(`最多 ${max} 字，现有 ${words.length} 字`, `At most ${max} characters; this has ${words.length}`);
    },
  });
  return (value || '').trim();
}
