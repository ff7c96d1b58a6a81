export type Lang = 'zh' | 'en';
const storageKey = 'livegrid.lang';

const zh = {
  boardTitle: '网格化管理 · 城市运行指挥大屏',
  consoleTitle: '12345 热线受理台',
  workerTitle: '网格员工作台',
  reportsTitle: '考核与统计报表',
  reportsRefused: '统计报表仅供考核人员、指挥中心和管理员查看。',
  connected: '实时连接', connecting: '连接中', reconnecting: '重连中', disconnected: '已断开', polling: '轮询模式',
  open: '在办工单', overdue: '超期工单', onTimeRate: '今日按期办结率', satisfiedRate: '今日满意率', patrolCoverage: '今日巡查覆盖率',
  receivedToday: '今日受理', aging: '时限分布（按 SLA 阶段）', breachingNext: '即将超时', hotspots: '网格热力', overdueList: '超期督办',
  league: '街道排行', street: '街道', onTime: '按期率', supervise: '督办', escalate: '升级', ticket: '工单', category: '类别',
  grid: '网格', stage: '阶段', remaining: '剩余', deadline: '时限', status: '状态', title: '诉求', none: '暂无',
  under50: '<50%', from50To75: '50–75%', from75To100: '75–100%', overdueBucket: '已超时',
  done: '已提交', lang: 'EN', supervised: '已督办', escalated: '已升级',
  intake: '受理登记', callerName: '来电人', callerPhone: '联系电话', kind: '诉求类型', priority: '紧急程度', location: '位置',
  lng: '经度', lat: '纬度', description: '诉求内容', address: '地址', submit: '受理', pickOnMap: '点击地图选择位置',
  gridFound: '所属网格', noGrid: '未匹配网格', created: '已受理', dispatch: '派单', dispatched: '已派单', computedDeadline: '处置时限',
  duplicates: '疑似重复', merge: '合并', keep: '保留为新工单', callbackQueue: '回访队列', satisfied: '满意', basicallySatisfied: '基本满意',
  unsatisfied: '不满意', refresh: '刷新', normal: '普通', urgent: '紧急', assignee: '承办',
  workerId: '网格员编号', go: '进入', myTasks: '我的任务', patrols: '今日巡查', accept: '签收', arrive: '到场', resolve: '办结', notes: '处置说明',
  checkIn: '签到', finding: '上报问题', complete: '完成巡查', feed: '消息', window: '时段', checkpoints: '点位', findings: '发现',
  serverTime: '北京时间',
  signInTitle: '网格化管理平台 · 登录', userName: '用户名', password: '密码', signIn: '登录', signingIn: '登录中…', signOut: '退出登录',
  wrongPassword: '用户名或密码错误，请重新输入。', rateLimited: '登录尝试过于频繁，请在 {s} 秒后重试。', signInFailed: '登录失败：',
  signedInAs: '当前用户', alreadySignedIn: '您已登录为', continueAs: '继续使用此账号', signInRequired: '请先登录后再使用本系统。',
  refused: '无权访问：', refusedPage: '您的账号不能查看或操作此页面的内容，请换用有权限的账号登录。', forbidden: '您的账号无权执行此操作。', notAWorker: '此账号未绑定网格员，无法打开网格员工作台。',
  roleCommandCenter: '指挥中心', roleOperator: '话务员', roleUnitHandler: '承办单位', roleGridWorker: '网格员', roleAssessor: '考核', roleAdministrator: '系统管理员',
};

type Dict = typeof zh;
export type Key = keyof Dict;

const en: Dict = {
  boardTitle: 'Grid Management · City Command Board',
  consoleTitle: '12345 Hotline Console',
  workerTitle: 'Grid Worker',
  reportsTitle: 'Assessment and Reports',
  reportsRefused: 'Reports are for assessors, the command center and administrators.',
  connected: 'Live', connecting: 'Connecting', reconnecting: 'Reconnecting', disconnected: 'Disconnected', polling: 'Polling',
  open: 'Open tickets', overdue: 'Overdue', onTimeRate: 'On-time today', satisfiedRate: 'Satisfied today', patrolCoverage: 'Patrol coverage',
  receivedToday: 'Received today', aging: 'Aging by SLA bucket', breachingNext: 'Breaching next', hotspots: 'Grid hotspots', overdueList: 'Overdue — supervise',
  league: 'Street league', street: 'Street', onTime: 'On-time', supervise: 'Supervise', escalate: 'Escalate', ticket: 'Ticket', category: 'Category',
  grid: 'Grid', stage: 'Stage', remaining: 'Left', deadline: 'Deadline', status: 'Status', title: 'Request', none: 'None',
  under50: '<50%', from50To75: '50–75%', from75To100: '75–100%', overdueBucket: 'Overdue',
  done: 'Sent', lang: '中文', supervised: 'Supervised', escalated: 'Escalated',
  intake: 'Intake', callerName: 'Caller', callerPhone: 'Phone', kind: 'Request kind', priority: 'Priority', location: 'Location',
  lng: 'Longitude', lat: 'Latitude', description: 'Description', address: 'Address', submit: 'Create ticket', pickOnMap: 'Click the map to set the location',
  gridFound: 'Grid', noGrid: 'No grid here', created: 'Created', dispatch: 'Dispatch', dispatched: 'Dispatched', computedDeadline: 'Deadline',
  duplicates: 'Possible duplicates', merge: 'Merge', keep: 'Keep as new', callbackQueue: 'Callback queue', satisfied: 'Satisfied',
  basicallySatisfied: 'Basically satisfied', unsatisfied: 'Unsatisfied', refresh: 'Refresh', normal: 'Normal', urgent: 'Urgent', assignee: 'Assignee',
  workerId: 'Worker id', go: 'Open', myTasks: 'My tasks', patrols: "Today's patrols", accept: 'Accept', arrive: 'Arrive', resolve: 'Resolve', notes: 'Notes',
  checkIn: 'Check in', finding: 'Report finding', complete: 'Complete', feed: 'Messages', window: 'Window', checkpoints: 'Checkpoints', findings: 'Findings',
  serverTime: 'Beijing time',
  signInTitle: 'Grid Management · Sign in', userName: 'User name', password: 'Password', signIn: 'Sign in', signingIn: 'Signing in…', signOut: 'Sign out',
  wrongPassword: 'Wrong user name or password. Please try again.', rateLimited: 'Too many sign-in attempts. Try again in {s} s.', signInFailed: 'Sign-in failed: ',
  signedInAs: 'Signed in', alreadySignedIn: 'You are signed in as', continueAs: 'Continue with this account', signInRequired: 'Please sign in to use LiveGrid.',
  refused: 'Not allowed: ', refusedPage: 'your account may not see or act on this page. Sign in with an account that may.', forbidden: 'Your account may not do this.', notAWorker: 'This account is not a grid worker: the worker view has nothing to show.',
  roleCommandCenter: 'Command center', roleOperator: 'Operator', roleUnitHandler: 'Unit handler', roleGridWorker: 'Grid worker', roleAssessor: 'Assessor', roleAdministrator: 'Administrator',
};

const statusZh: Record<string, string> = {
  Received: '已受理', Classified: '已分类', Dispatched: '已派单', Accepted: '已签收', OnSite: '已到场', Resolved: '已办结',
  CalledBack: '已回访', Closed: '已结案', Returned: '已退单', Suspended: '已挂起', Merged: '已合并',
  Scheduled: '待巡查', InProgress: '巡查中', Completed: '已完成', Missed: '已错过',
  Dispatch: '派单', Accept: '签收', OnSiteStage: '到场', Resolve: '办结', CallBack: '回访',
  Inquiry: '咨询', Help: '求助', Complaint: '投诉', Report: '举报', Suggestion: '建议', Praise: '表扬',
};

export function lang(): Lang {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
}

export function t(key: Key): string {
  return (lang() === 'en' ? en : zh)[key];
}

/** A server enum value (status, stage, kind) in the current language. */
export function tv(value: string | null | undefined): string {
  if (!value) return '—';
  return lang() === 'en' ? value : statusZh[value] ?? value;
}

export function toggleLang(): void {
  localStorage.setItem(storageKey, lang() === 'en' ? 'zh' : 'en');
  location.reload();
}
