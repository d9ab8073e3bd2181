// Chinese first; English on request, remembered in this browser.
window.DubanI18n = (function () {
  const dict = {
    subtitle: ['目标责任制考核与督查', 'Target-responsibility assessment and supervision'],
    username: ['用户名', 'User name'], password: ['密码', 'Password'], signIn: ['登录', 'Sign in'],
    signInFailed: ['用户名或密码不正确，或尝试过多请稍后再试', 'Wrong user name or password, or too many attempts: wait and retry'],
    signedOut: ['已退出登录', 'Signed out'],
    starting: ['系统正在启动…请稍候，启动完成后即可登录', 'Duban is starting… you can sign in as soon as it is ready'], signOut: ['退出', 'Sign out'],
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
    error: ['出错了', 'Something went wrong'],
    progress: ['进展情况', 'Progress'], acknowledge: ['签收', 'Acknowledge'], rectifications: ['整改', 'Rectifications'],
    rectificationReport: ['整改情况', 'What was rectified'], ORDERED: ['待整改', 'To rectify'], REPORTED: ['待核实', 'To verify'],
    VERIFIED: ['已核实', 'Verified'], campaign: ['专项整治', 'Campaign'], campaignKind: ['整治类型', 'Kind'],
    GROUP_RENTAL: ['群租整治', 'Group rentals'], ILLEGAL_CONSTRUCTION: ['违建整治', 'Illegal construction'], SAFETY: ['安全隐患整治', 'Safety hazards'],
    launchedOn: ['启动日期', 'Launched on'], indicator: ['指标', 'Indicator'], registration_rate: ['登记率', 'Registration rate'],
    accuracy_rate: ['准确率', 'Accuracy rate'], crime_rate: ['发案率', 'Crime rate'], year: ['年度', 'Year'], value: ['数值（%）', 'Value (%)'],
    selfAssessment: ['自评', 'Self-assessment'], note: ['说明', 'Note'], assignments: ['交办督办', 'Assignments'], issue: ['交办任务', 'Issue'],
    leadUnit: ['牵头单位', 'Lead unit'], responsibleUnits: ['责任单位（逗号分隔）', 'Responsible units (comma-separated)'], target: ['目标', 'Target'],
    urge: ['催办', 'Urge'], urgeMessage: ['催办内容', 'Message'], assess: ['考核评分', 'Assess'], adjustment: ['扣分与加分', 'Deductions and bonuses'],
    points: ['分数（扣分为负）', 'Points (negative deducts)'], schemes: ['考核方案', 'Schemes'], publish: ['发布', 'Publish'],
    PUBLISHED: ['已发布', 'Published'], DRAFT: ['草稿', 'Draft'], loadBeilun: ['载入北仑2023方案', 'Load Beilun 2023 scheme'],
    loadRoster: ['载入北仑单位名册', 'Load Beilun roster'], import: ['导入方案（JSON）', 'Import a scheme (JSON)'], review: ['方案审阅', 'Review'],
    standard: ['评分标准', 'Standard'], compare: ['对比', 'Compare'], from: ['起', 'From'], to: ['止', 'To'], view: ['口径', 'View'],
    RECORDING: ['按录入时间', 'As recorded'], EFFECTIVE: ['按发生时间', 'As happened'], delta: ['变化', 'Change'],
    openRound: ['开启督查', 'Open a round'], kind: ['类别', 'Kind'], MID_YEAR: ['年中督查', 'Mid-year'], YEAR_END: ['年终督查', 'Year-end'],
    SPECIAL: ['专项督查', 'Special'], severity: ['严重程度', 'Severity'], MINOR: ['一般', 'Minor'], MAJOR: ['较重', 'Major'], SERIOUS: ['严重', 'Serious'],
    closeRound: ['关闭本轮', 'Close the round'], requirement: ['整改要求', 'Requirement'], orderRectification: ['限期整改', 'Order rectification'],
    OPEN: ['进行中', 'Open'], CLOSED: ['已关闭', 'Closed'], sampling: ['抽查', 'Sampling'], drawSample: ['抽取样本', 'Draw a sample'],
    samples: ['抽查样本', 'Samples'], TRAINING: ['培训', 'Trainings'], INFO_REPORT: ['信息', 'Information reports'],
    INDICATOR_REPORT: ['指标数据', 'Indicator figures'], CAMPAIGN_PROGRESS: ['整治进展', 'Campaign progress'], size: ['抽取数量', 'Size'],
    record: ['记录', 'Record'], check: ['核查', 'Check'], recheck: ['复核', 'Recheck'],
    isFlagged: ['认定该记录不实吗？（确定＝不实，取消＝属实）', 'Is the record untrue? (OK = untrue, Cancel = true)'],
    flagReason: ['不实的理由', 'Why it is untrue'], DRAWN: ['待核查', 'To check'], CHECKED: ['待复核', 'To recheck'], FLAGGED: ['不实', 'Untrue'],
    verify: ['核实通过', 'Verify'], grantRole: ['授予角色', 'Grant role'], disable: ['停用', 'Disable'], disabled: ['已停用', 'disabled'],
    campaignProgress: ['整治进展', 'Campaign progress'], measure: ['计量项', 'Measure'], quantity: ['数量', 'Quantity'], on: ['日期', 'Date'],
    communities_rectified: ['已整治小区数', 'Communities rectified'], inspections: ['检查次数', 'Inspections'], shops_closed: ['关停场所数', 'Places closed'],
    myPassword: ['修改密码', 'Password'], changePassword: ['修改密码', 'Change your password'],
    currentPassword: ['当前密码', 'Current password'], newPassword: ['新密码（至少10位）', 'New password (10 or more characters)'],
    allUnits: ['全部单位（同一时点）', 'All units at that instant'], COMPLETED: ['已办结', 'Completed'], CANCELLED: ['已撤销', 'Cancelled']
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
