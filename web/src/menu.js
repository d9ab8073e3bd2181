import { t } from './i18n.js';

// Which screens each role works in, grouped as the district's work is: the unit's own work,
// assessment, 督办, 督查, and administration. The side menu shows a reader their role's screens, and
// the router opens no other (router.js); the server decides what each request may do either way.
const ALL = ['LEAD_OFFICE', 'UNIT_STAFF', 'SUPERVISOR', 'LEADER'];
const READERS = ['LEAD_OFFICE', 'SUPERVISOR', 'LEADER'];
const LEAD = ['LEAD_OFFICE'];
const GROUPS = [
  { title: t('本单位', 'Our unit'), items: [
    { path: '/inbox', label: t('我的待办', 'My tasks'), roles: ['UNIT_STAFF'] },
    { path: '/report', label: t('工作填报', 'Report'), roles: ['UNIT_STAFF'] },
    { path: '/records', label: t('填报记录', 'Our records'), roles: ['UNIT_STAFF'] },
    { path: '/mutual-inspection', label: t('单位互查', 'Mutual inspection'), roles: ['UNIT_STAFF'] },
  ] },
  { title: t('考核', 'Assessment'), items: [
    { path: '/', label: t('考核总览', 'Overview'), roles: ALL },
    { path: '/score', label: t('单位得分', 'Unit scores'), roles: ALL },
    { path: '/info-review', label: t('信息审核', 'Information review'), roles: LEAD },
    { path: '/adjustments', label: t('加减分与申诉', 'Adjustments, appeals'), roles: LEAD },
    { path: '/report', label: t('代录填报', 'Enter for a unit'), roles: LEAD },
    { path: '/records', label: t('填报台账', 'Reported records'), roles: READERS },
    { path: '/year-end', label: t('年终考核', 'Year-end'), roles: READERS },
  ] },
  { title: t('督办', 'Assignments'), items: [
    { path: '/assignments', label: t('交办督办', 'Assignments'), roles: READERS },
    { path: '/statistics', label: t('督办统计', 'Statistics'), roles: READERS },
  ] },
  { title: t('督查', 'Supervision'), items: [
    { path: '/rounds', label: t('督查轮次', 'Rounds'), roles: READERS },
    { path: '/rectifications', label: t('限期整改', 'Rectifications'), roles: ALL },
    { path: '/copy-notices', label: t('抄告单', 'Copy notices'), roles: ALL },
    { path: '/sampling', label: t('抽查核实', 'Sampling'), roles: READERS },
    { path: '/replay', label: t('历史回放', 'Replay'), roles: READERS },
    { path: '/compare', label: t('两日对比', 'Compare'), roles: READERS },
    { path: '/audit', label: t('操作留痕', 'Audit trail'), roles: READERS },
  ] },
  { title: t('系统', 'Administration'), items: [
    { path: '/units', label: t('考核单位', 'Units'), roles: LEAD },
    // Supervisors and leaders read the rules and try a draft (试算); only the lead office drafts and publishes.
    { path: '/schemes', label: t('考核方案', 'Schemes'), roles: READERS },
    { path: '/users', label: t('用户管理', 'Users'), roles: LEAD },
    { path: '/webhooks', label: t('消息推送', 'Robot messages'), roles: LEAD },
    { path: '/archive', label: t('数据存档', 'Archive'), roles: ['LEAD_OFFICE', 'SUPERVISOR'] },
    { path: '/status', label: t('系统状态', 'System status'), roles: LEAD },
  ] },
];

/** The menu's groups as a role sees them: only its screens, only the groups with one. */
export function menuOf(role) {
  return GROUPS.map(g => ({ ...g, items: g.items.filter(i => i.roles.includes(role)) })).filter(g => g.items.length);
}

/** Whether a role's menu offers the screen at this path: the menu it is shown, asked again. */
export function offers(role, path) {
  return menuOf(role).some(g => g.items.some(i => i.path === path));
}
