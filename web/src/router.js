import { createRouter, createWebHashHistory } from 'vue-router';
import Dashboard from './views/Dashboard.vue';
import Assignments from './views/Assignments.vue';
import Score from './views/Score.vue';
import InfoReview from './views/InfoReview.vue';
import Replay from './views/Replay.vue';
import Inbox from './views/Inbox.vue';
import Report from './views/Report.vue';
import Records from './views/Records.vue';
import Compare from './views/Compare.vue';
import Sampling from './views/Sampling.vue';
import Statistics from './views/Statistics.vue';
import Schemes from './views/Schemes.vue';
import Users from './views/Users.vue';
import Rounds from './views/Rounds.vue';
import YearEnd from './views/YearEnd.vue';
import Adjustments from './views/Adjustments.vue';
import Rectifications from './views/Rectifications.vue';
import MutualInspection from './views/MutualInspection.vue';
import CopyNotices from './views/CopyNotices.vue';
import Units from './views/Units.vue';
import Archive from './views/Archive.vue';
import Audit from './views/Audit.vue';
import Webhooks from './views/Webhooks.vue';

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
    { path: '/schemes', component: Schemes },
    { path: '/statistics', component: Statistics },
    // An address the workbench does not know (an old bookmark, a mistyped link) opens the overview, not an empty page.
    { path: '/:unknown(.*)*', redirect: '/' },
  ],
});
