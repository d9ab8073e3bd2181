import { store } from '../store.js';

/** The scheme a page opens with: the newest year's published one. */
export function defaultScheme() {
  const published = store.schemes.filter(s => s.status === 'PUBLISHED').sort((a, b) => b.year - a.year);
  return (published[0] || store.schemes[0] || {}).id;
}
