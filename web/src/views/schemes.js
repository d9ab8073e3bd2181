import { store } from '../store.js';
import { get } from '../api.js';
import { t } from '../i18n.js';

/** The scheme a page opens with: the newest year's published one. */
export function defaultScheme() {
  const published = store.schemes.filter(s => s.status === 'PUBLISHED').sort((a, b) => b.year - a.year);
  return (published[0] || store.schemes[0] || {}).id;
}

/** Whether a scheme item assesses this unit: by its type, by name, or everyone. */
export function applies(item, unit) {
  const a = item.appliesTo || {};
  if (a.all) {
    return true;
  }
  if (a.units) {
    return a.units.includes(unit.id);
  }
  return !a.unitType || a.unitType === unit.type;
}

/** The items of a scheme that assess a unit, in the scheme's order, and the indicators their rules read. */
export async function itemsFor(schemeId, unitId) {
  const scheme = await get(`/api/schemes/${schemeId}`);
  const unit = store.units.find(u => u.id === unitId) || { id: unitId };
  const items = scheme.items.filter(i => applies(i, unit));
  const indicators = [...new Set(items.flatMap(i => (i.rules || []).map(r => r.indicator)).filter(Boolean))]
    .filter(k => k !== 'sampling_accuracy_rate');
  return { scheme, items, indicators };
}

/**
 * An item's code as people read it. A department's own duties are coded by the unit's id
 * ("zhzfj.1"); those read as 职责1, since the unit is named beside them anyway.
 */
export function codeOf(code) {
  const dot = code ? code.indexOf('.') : -1;
  if (dot > 0 && store.units.some(u => u.id === code.substring(0, dot))) {
    return t('职责', 'Duty ') + code.substring(dot + 1);
  }
  return code || '';
}

/** "S1.4 培训工作"; a department's duty by its title alone, which carries its number ("区综合执法局职责1"). */
export function itemName(item) {
  return (codeOf(item.code) === item.code ? `${item.code} ` : '') + item.title;
}

/** "S1.4 培训工作（6分）"; a department's duty by its title alone ("区综合执法局职责1（70分）"). */
export function itemLabel(item) {
  return `${itemName(item)}（${item.max}分）`;
}

/** The item of that code among a scheme's items, named by `name` (itemName or itemLabel); its code while the items are not read yet. */
export function itemNamed(items, code, name = itemName) {
  const item = (items || []).find(i => i.code === code);
  return item ? name(item) : codeOf(code);
}

/**
 * A unit's place in a scheme's ranking (rows best first, units of equal totals sharing a rank): its
 * row, how many units are ranked, and whether another shares its rank; null where the ranking
 * leaves the unit out.
 */
export function placeIn(rows, unitId) {
  const row = rows.find(r => r.unitId === unitId);
  return row ? { row, of: rows.length, tied: rows.some(r => r !== row && r.rank === row.rank) } : null;
}
