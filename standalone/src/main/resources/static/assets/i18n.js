// Chinese first; English on request, remembered in this browser.
window.DubanI18n = (function () {
  const dict = {
    subtitle: ['目标责任制考核与督查', 'Target-responsibility assessment and supervision'],
    username: ['用户名', 'User name'], password: ['密码', 'Password'], signIn: ['登录', 'Sign in'],
    signInFailed: ['用户名或密码不正确，或尝试过多请稍后再试', 'Wrong user name or password, or too many attempts: wait and retry'],
    signedOut: ['已退出登录', 'Signed out'], signOut: ['退出', 'Sign out'],
    LEAD_OFFICE: ['流管中心', 'Lead office'], UNIT_STAFF: ['单位人员', 'Unit staff'], SUPERVISOR: ['督查组', 'Supervisor'], LEADER: ['领导查看', 'Leader'],
    dashboard: ['总览', 'Dashboard'], reports: ['信息审核', 'Reports'], users: ['用户管理', 'Users'], listed: ['挂牌督办', 'Listed supervision'],
    inbox: ['待办', 'Inbox'], report: ['填报', 'Report'], myScore: ['本单位得分', 'Our score'],
    replay: ['历史回放', 'Replay'], rounds: ['督查轮次', 'Rounds'],
    scheme: ['考核方案', 'Scheme'], unit: ['单位', 'Unit'], rank: ['名次', 'Rank'], total: ['总分', 'Total'], regular: ['基本分', 'Regular'], bonus: ['加分', 'Bonus'],
    item: ['考核内容', 'Item'], max: ['分值', 'Max'], score: ['得分', 'Score'], why: ['依据', 'Why'],
    accept: ['采用', 'Accept'], reject: ['退回', 'Reject'], level: ['采用级别', 'Level'], reason: ['理由', 'Reason'],
    GENERAL: ['一般', 'General'], TYPICAL: ['典型', 'Typical'],
    submittedOn: ['报送日期', 'Submitted on'], submittedBy: ['报送人', 'Submitted by'], none: ['暂无', 'None'],
    training: ['业务培训', 'Training'], heldOn: ['培训日期', 'Held on'], topic: ['主题', 'Topic'], attendees: ['参训人数', 'Attendees'], hours: ['课时', 'Hours'],
    infoReport: ['信息报送', 'Information report'], title: ['标题', 'Title'], submit: ['提交', 'Submit'], saved: ['已保存', 'Saved'],
    toAcknowledge: ['待签收', 'To acknowledge'], toReport: ['待报送', 'To report'], overdue: ['已逾期', 'Overdue'], deadline: ['截止', 'Deadline'],
    asOf: ['截至', 'As of'], timeline: ['得分走势', 'Score over time'], dueOn: ['整改期限', 'Due'], finding: ['督查发现', 'Finding'],
    create: ['新建', 'Create'], displayName: ['姓名', 'Name'], role: ['角色', 'Role'], grants: ['授权记录', 'Grants'],
    status: ['状态', 'Status'], cutoff: ['截止时点', 'Cutoff'], baseline: ['基准分', 'Baseline'], inspectionScore: ['督查分', 'Inspection score'],
    error: ['出错了', 'Something went wrong']
  };
  let current = localStorage.getItem('duban.lang') || 'zh';
  function t(key) {
    const entry = dict[key];
    return entry ? entry[current === 'zh' ? 0 : 1] : key;
  }
  function apply(root) {
    root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  }
  function toggle() {
    current = current === 'zh' ? 'en' : 'zh';
    localStorage.setItem('duban.lang', current);
  }
  /** Server messages come as "中文 / English": show the half of the chosen language. */
  function message(text) {
    if (!text) return '';
    const parts = String(text).split(' / ');
    return parts.length === 2 ? (current === 'zh' ? parts[0] : parts[1]) : text;
  }
  return { t, apply, toggle, message, lang: () => current };
})();
