import { store, word } from '../store.js';
import { t, comma, colon } from '../i18n.js';

/**
 * An information report's category (类别): chosen from these or typed, and kept as written. The
 * suggested ones are said in the reader's language; one a person typed is shown as it is.
 */
export const INFO_CATEGORIES = { 工作动态: 'Work update', 经验做法: 'Good practice', 问题建议: 'Problem and suggestion' };
export function categorySaid(category) {
  return INFO_CATEGORIES[category] ? t(category, INFO_CATEGORIES[category]) : category;
}

/** A record's title in the reader's words: an appeal by its item, an indicator figure by its indicator. */
export function recordTitle(r) {
  if (r.kind === 'APPEAL') {
    return t('申诉', 'Appeal') + ' ' + (r.itemCode || '');
  }
  if (r.kind === 'INDICATOR') {
    return word('indicator', r.indicator); // in the reader's language, as the report form names it
  }
  return r.title || t('（无标题）', '(untitled)');
}

/** What a clerk checks of a record, in words: a training's kind, audience and figures; a report's category and level; a figure. */
export function recordDetails(r) {
  const parts = [];
  if (r.kind === 'TRAINING') {
    parts.push(word('trainingKind', r.trainingKind));
    if (r.audience) parts.push(r.audience);
    if (r.attendees) parts.push(t(`${r.attendees}人`, `${r.attendees} attendees`));
    if (r.hours && Number(r.hours)) parts.push(t(`${r.hours}学时`, `${r.hours} h`));
  } else if (r.kind === 'INFO_REPORT') {
    if (r.category) parts.push(categorySaid(r.category));
    if (r.level) parts.push(word('infoLevel', r.level));
  } else if (r.kind === 'INDICATOR') {
    const rate = !(store.words.countIndicator || {})[r.indicator];
    parts.push(t(`${r.year}年度：`, `${r.year}: `) + r.value + (rate ? '%' : ''));
    if (r.numerator != null && r.denominator != null) parts.push(`${r.numerator}/${r.denominator}`);
  } else if (r.kind === 'ACHIEVEMENT') {
    parts.push(word('factKind', r.achievementKind), word('achievementLevel', r.level));
  } else if (r.kind === 'CAMPAIGN') {
    parts.push(word('campaignKind', r.campaignKind));
    Object.entries(r.totals || {}).forEach(([m, q]) => parts.push(`${word('measure', m)}${colon()}${q}`));
  } else if (r.kind === 'APPEAL' && r.text) {
    parts.push(r.text);
  }
  return parts.filter(Boolean).join(comma());
}
