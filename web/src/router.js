import { createRouter, createWebHashHistory } from 'vue-router';
import { ElMessage } from 'element-plus';
import { t } from './i18n.js';
import { store, load } from './store.js';
import { RETURN_TO } from './api.js';
import { offers } from './menu.js';
import Dashboard from './views/Dashboard.vue';

// The overview is every role's first screen and comes with the workbench's first script; every other
// screen is fetched when first opened, so that opening the workbench on a slow office line waits for
// one screen's code, not every screen's.
const Assignments = () => import('./views/Assignments.vue');
const Score = () => import('./views/Score.vue');
const InfoReview = () => import('./views/InfoReview.vue');
const Replay = () => import('./views/Replay.vue');
const Inbox = () => import('./views/Inbox.vue');
const Report = () => import('./views/Report.vue');
const Records = () => import('./views/Records.vue');
const Compare = () => import('./views/Compare.vue');
const Sampling = () => import('./views/Sampling.vue');
const Statistics = () => import('./views/Statistics.vue');
const Schemes = () => import('./views/Schemes.vue');
const Users = () => import('./views/Users.vue');
const Rounds = () => import('./views/Rounds.vue');
const YearEnd = () => import('./views/YearEnd.vue');
const Adjustments = () => import('./views/Adjustments.vue');
const Rectifications = () => import('./views/Rectifications.vue');
const MutualInspection = () => import('./views/MutualInspection.vue');
const CopyNotices = () => import('./views/CopyNotices.vue');
const Units = () => import('./views/Units.vue');
const Archive = () => import('./views/Archive.vue');
const Audit = () => import('./views/Audit.vue');
const Webhooks = () => import('./views/Webhooks.vue');
const Status = () => import('./views/Status.vue');

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', component: Dashboard },
    { path: '/assignments', component: Assignments },
    { path: '/score', component: Score },
    { path: '/info-review', component: InfoReview },
    { path: '/replay', component: Replay },
    { path: '/inbox', component: Inbox },
    { path: '/report', component: Report },
    { path: '/records', component: Records },
    { path: '/compare', component: Compare },
    { path: '/sampling', component: Sampling },
    { path: '/rectifications', component: Rectifications },
    { path: '/copy-notices', component: CopyNotices },
    { path: '/adjustments', component: Adjustments },
    { path: '/year-end', component: YearEnd },
    { path: '/rounds', component: Rounds },
    { path: '/mutual-inspection', component: MutualInspection },
    { path: '/units', component: Units },
    { path: '/users', component: Users },
    { path: '/archive', component: Archive },
    { path: '/audit', component: Audit },
    { path: '/webhooks', component: Webhooks },
    { path: '/status', component: Status },
    { path: '/schemes', component: Schemes },
    { path: '/statistics', component: Statistics },
    // An address the workbench does not know (an old bookmark, a mistyped link) opens the overview, not an empty page.
    { path: '/:unknown(.*)*', redirect: '/' },
  ],
});

// A screen the reader's menu does not offer (a link sent by another role, a bookmark kept from a former
// role) opens the overview instead, saying why: shown, each of its reads would be refused in a toast
// and its buttons would lead nowhere. Every role's menu offers the overview.
router.beforeEach(async to => {
  await load();
  if (!offers(store.me.role, to.path)) {
    ElMessage.warning(t('该页面不对您的角色开放，已转到考核总览', 'That screen is not open to your role; here is the overview'));
    return '/';
  }
});

// vue-router follows the address only once its first navigation is done, and that navigation (which
// waits above for who is signed in) then writes its own address back over the window's: an address
// given meanwhile (a link followed or a bookmark chosen as the workbench opens) was dropped and the
// overview shown. One given in that time is gone to once the first has ended.
let givenWhileOpening = null;
const noteGiven = () => { givenWhileOpening = location.hash.replace(/^#/, '') || '/'; };
window.addEventListener('hashchange', noteGiven);
// Signed in again after a session lapsed, the reader comes back to the screen they were on (kept for this
// tab with who they are, api.js), and another person signing in at the tab gets the overview; a screen's
// address given while signed out (a bookmark) is opened for whoever signs in (login.js). The sign-in
// itself opens the workbench at its first screen.
const cameBack = (() => {
  try {
    return JSON.parse(sessionStorage.getItem(RETURN_TO));
  } catch {
    return null;
  } finally {
    sessionStorage.removeItem(RETURN_TO);
  }
})();
const openedAtFirstScreen = !location.hash || location.hash === '#/';
router.isReady().then(() => {
  window.removeEventListener('hashchange', noteGiven);
  const backTo = openedAtFirstScreen && typeof cameBack?.path === 'string' && cameBack.path.startsWith('/')
    && (!cameBack.user || cameBack.user === store.me.username) ? cameBack.path : null;
  const target = givenWhileOpening || backTo;
  if (target && target !== router.currentRoute.value.fullPath) {
    router.replace(target);
  }
}, () => {
  // Not opened (the page says why, App.vue): the screen to come back to waits for 重新加载.
  window.removeEventListener('hashchange', noteGiven);
  if (cameBack) sessionStorage.setItem(RETURN_TO, JSON.stringify(cameBack));
});

/** How Chromium, Firefox and Safari say that a screen's script could not be fetched, and how Vite says it of its styles. */
const SCREEN_NOT_FETCHED = /dynamically imported module|Importing a module script failed|Unable to preload CSS/i;
const RELOADED_AT = 'duban.reloadedForScreen';

// A tab left open while the platform is upgraded still runs the old build, whose screens' scripts the
// server no longer has: opening a screen not yet opened fails. Loading the page again brings the new
// build, on the same screen. Once a minute at most, so a screen whose script cannot be fetched at
// all (the network is down) says so instead of loading the page over and over.
router.onError((error, to) => {
  if (!SCREEN_NOT_FETCHED.test(String(error?.message))) {
    console.error(error); // as the router logs a failed navigation when nobody listens
    return;
  }
  const last = Number(sessionStorage.getItem(RELOADED_AT) || 0);
  if (Date.now() - last > 60_000) {
    sessionStorage.setItem(RELOADED_AT, String(Date.now()));
    history.replaceState(history.state, '', '#' + to.fullPath);
    window.location.reload();
    return;
  }
  ElMessage.error(t('页面未能打开，请检查网络后刷新重试', 'The page could not be opened: check the connection and reload'));
});
