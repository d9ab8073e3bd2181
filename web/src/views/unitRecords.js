import { ref } from 'vue';
import { get } from '../api.js';
import { recordLabel } from '../store.js';
import { t } from '../i18n.js';

/**
 * Units' reported records as an inspection round's screens use them: each unit's read once, offered
 * when a finding is recorded, and named where a finding cites one of them. {@code unknown} is what
 * an evidence id not among them reads as ([中文, English]).
 */
export function useUnitRecords(unknown) {
  const records = ref({});

  async function load(unitId) {
    if (unitId && !records.value[unitId]) {
      records.value = { ...records.value, [unitId]: await get(`/api/records?unitId=${encodeURIComponent(unitId)}`) };
    }
    return records.value[unitId] || [];
  }

  /** Reads the records of each of these units ({unitId, findings}) whose findings cite any. */
  const loadCited = units => Promise.all([...new Set(units.filter(u => u.findings.some(f => f.evidence.length)).map(u => u.unitId))].map(load));

  const evidenceName = id => {
    const r = Object.values(records.value).flat().find(x => x.eventIds.includes(id));
    return r ? recordLabel(r) : t(unknown);
  };

  return { load, loadCited, evidenceName };
}
