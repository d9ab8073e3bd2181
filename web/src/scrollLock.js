/**
 * Takes off a scroll lock Element Plus left behind on <body>.
 *
 * A dialog, drawer or confirmation locks the page's scroll with a class on <body> and takes it off
 * 200 ms after closing, but only if it was the one that put it there. Opened again within those
 * 200 ms (a clerk who cancels and at once thinks better of it), it finds the class still there, takes
 * it for another's, and neither its first closing nor its second takes it off: the page stays locked,
 * and the foot of a long form (提交自评 under the self-assessment's items) can no longer be scrolled to.
 * Seen in Element Plus 2.9.11 and still so in 2.14.9 (hooks/use-lockscreen).
 *
 * So once the page has been still for a moment, a lock with no dialog, drawer or confirmation showing
 * is taken off, with the width the lock gave <body> to make up for its hidden scroll bar.
 */
const LOCK = 'el-popup-parent--hidden';
const SETTLED_MS = 400;

export function releaseLeftScrollLock(body = document.body) {
  let timer;
  const check = () => {
    clearTimeout(timer);
    if (!body.classList.contains(LOCK)) return;
    timer = setTimeout(() => {
      if (!body.classList.contains(LOCK) || anOverlayShows(body)) return;
      body.classList.remove(LOCK);
      if (body.style.width.startsWith('calc(')) body.style.width = '';
    }, SETTLED_MS);
  };
  // Overlays show and hide by their style (v-show); the lock is a class of <body> itself.
  new MutationObserver(check).observe(body, { attributes: true, attributeFilter: ['class', 'style'], subtree: true });
}

/** Every modal dialog, drawer and confirmation of Element Plus lies on an .el-overlay, hidden when closed. */
function anOverlayShows(body) {
  return Array.from(body.querySelectorAll('.el-overlay')).some(o => getComputedStyle(o).display !== 'none');
}
