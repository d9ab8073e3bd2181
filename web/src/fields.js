import { t } from './i18n.js';

/**
 * The API's names of what people fill in, in words. A refusal names its field as the API knows it
 * (`heldOn`, `materials[0]`): a clerk reads 培训日期 and 台账材料第1项 instead. Names of a pasted
 * scheme document's own keys (`perFailure`, `appliesTo`) are not here: whoever pasted it finds the
 * place by the path as written, so a path with any name not here is shown as it is.
 */
const FIELDS = {
  assignmentIds: ['任务', 'Assignments'],
  asOf: ['时点', 'As of'],
  attendees: ['参训人数', 'Attendees'],
  audience: ['培训对象', 'Audience'],
  category: ['类别', 'Category'],
  currentPassword: ['当前密码', 'Current password'],
  cutoff: ['基准时刻', 'Cut-off'],
  deadline: ['截止日期', 'Deadline'],
  denominator: ['分母', 'Denominator'],
  description: ['说明', 'Description'],
  displayName: ['姓名', 'Name'],
  dueOn: ['整改期限', 'Due on'],
  figures: ['指标数据', 'Figures'],
  file: ['文件', 'File'],
  from: ['开始日期', 'From'],
  fromUnitId: ['检查单位', 'Inspecting unit'],
  heldOn: ['培训日期', 'Date held'],
  hours: ['学时', 'Hours'],
  indicator: ['指标', 'Indicator'],
  inspectors: ['督查人员', 'Inspectors'],
  issuedOn: ['下发日期', 'Issued on'],
  itemCode: ['考核项目', 'Item'],
  items: ['项目', 'Items'],
  kind: ['类型', 'Kind'],
  launchedOn: ['启动日期', 'Launched on'],
  leadUnit: ['牵头单位', 'Lead unit'],
  level: ['级别', 'Level'],
  materials: ['台账材料', 'Files'],
  measure: ['计量项', 'Measure'],
  message: ['内容', 'Message'],
  name: ['名称', 'Name'],
  newPassword: ['新密码', 'New password'],
  note: ['说明', 'Note'],
  numerator: ['分子', 'Numerator'],
  on: ['日期', 'Date'],
  password: ['密码', 'Password'],
  period: ['期间', 'Period'],
  points: ['分值', 'Points'],
  quantity: ['数量', 'Quantity'],
  reason: ['理由', 'Reason'],
  reportIds: ['信息', 'Reports'],
  reports: ['信息', 'Reports'],
  requestedDeadline: ['申请延至', 'Requested deadline'],
  requirement: ['整改要求', 'Requirement'],
  responsibleUnits: ['责任单位', 'Responsible units'],
  role: ['角色', 'Role'],
  scheme: ['考核办法', 'Scheme'],
  schemeId: ['考核办法', 'Scheme'],
  score: ['分数', 'Score'],
  severity: ['程度', 'Severity'],
  size: ['抽取数量', 'Sample size'],
  subject: ['事由', 'Subject'],
  submittedOn: ['报送日期', 'Submitted on'],
  summary: ['工作总结', 'Summary'],
  text: ['正文', 'Text'],
  title: ['标题', 'Title'],
  to: ['结束日期', 'To'],
  toUnitId: ['被检查单位', 'Inspected unit'],
  topic: ['培训主题', 'Topic'],
  type: ['类型', 'Type'],
  unitId: ['单位', 'Unit'],
  unitIds: ['单位', 'Units'],
  units: ['单位', 'Units'],
  username: ['登录名', 'User name'],
  value: ['数值', 'Figure'],
  verdict: ['核实结论', 'Verdict'],
  year: ['年度', 'Year'],
};

const SEGMENT = /^([A-Za-z]+)(?:\[(\d+)])?$/;

/** A field the API names, in the reader's words where every part of it is known: `materials[0]` → 台账材料第1项. */
export function fieldSaid(path) {
  const parts = path.split('.').map(part => SEGMENT.exec(part));
  if (parts.some(m => !m || !FIELDS[m[1]])) {
    return path;
  }
  return parts.map(([, name, index]) => {
    const [zh, en] = FIELDS[name];
    return index === undefined ? t(zh, en) : t(`${zh}第${Number(index) + 1}项`, `${en} ${Number(index) + 1}`);
  }).join(t('·', ' · '));
}
