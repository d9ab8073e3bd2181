/**
 * Every command carries an Idempotency-Key. One whose answer never came (the line dropped on the way
 * back) may have been recorded all the same: sent again as it was (the form still filled in, the same
 * button pressed), it carries the same key, and the platform answers it as it answered the first
 * instead of recording it twice. The keys of such commands are kept for the tab's life, so a reload
 * before sending again keeps them too; a command answered either way forgets its key.
 */
const UNANSWERED = 'duban.unanswered';
const KEPT_UNANSWERED = 20;

/** The kept commands and their keys, oldest first, as [command, key] pairs. */
function unanswered() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(UNANSWERED));
    return Array.isArray(kept) ? kept : [];
  } catch {
    return [];
  }
}

/**
 * What identifies a command sent again as it was: a 53-bit hash of its method, path and body (a
 * scheme's document can be large, and only a handful of such commands are kept).
 */
export function sameCommand(method, path, sent) {
  const text = `${method} ${path}\n${sent ?? ''}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The key to send a command with: the one it was first sent with if its answer never came, else a new one. */
export function keyFor(request) {
  const kept = unanswered().find(([r]) => r === request);
  return kept ? kept[1] : 'wb-' + Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

/** Keeps the key of a command whose answer never came, for its next sending; the oldest kept go first. */
export function keepUnanswered(request, key) {
  const kept = unanswered().filter(([r]) => r !== request);
  kept.push([request, key]);
  sessionStorage.setItem(UNANSWERED, JSON.stringify(kept.slice(-KEPT_UNANSWERED)));
}

/** Forgets a command's key once it was answered, done or refused: a new press is a new command. */
export function forgetUnanswered(request) {
  const kept = unanswered();
  const left = kept.filter(([r]) => r !== request);
  if (left.length !== kept.length) {
    sessionStorage.setItem(UNANSWERED, JSON.stringify(left));
  }
}
