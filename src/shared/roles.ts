/**
 * Roles are the policies' own departments (P1.2, P5.2–3, P5.13, P5.21). What each may do is a
 * permission; every route names the permission it needs, and the console hides what a role lacks.
 */
export const ROLES = {
  customer_service: { zh: '客户服务部', en: 'Customer service' },
  channel_management: { zh: '销售渠道管理部门', en: 'Channel management' },
  channel_back_office: { zh: '渠道内勤', en: 'Channel back office' },
  compliance: { zh: '合规', en: 'Compliance' },
  business_support: { zh: '业务支持部', en: 'Business support' },
  training: { zh: '培训部', en: 'Training' },
  general_office: { zh: '综合办公室', en: 'General office' },
  information_office: { zh: '信息室', en: 'Information office' },
  information_officer: { zh: '信息员', en: 'Information officer' },
  quality: { zh: '质量管理部门', en: 'Quality department' },
  it_operations: { zh: 'IT 运维', en: 'IT operations' },
  auditor: { zh: '审计（只读）', en: 'Auditor (read-only)' },
  administrator: { zh: '系统管理员', en: 'Administrator' },
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export const PERMISSIONS = {
  /** Run the gate on an application without storing it (P5.5–6). */
  'applications.check': { zh: '资料校验', en: 'Check an application' },
  /** Submit an application: stored when accepted, kept with its errors when not. */
  'applications.submit': { zh: '提交投保资料', en: 'Submit an application' },
  'items.read': { zh: '查看问题件', en: 'Read problem items' },
  'items.export': { zh: '导出问题件', en: 'Export problem items' },
  /** P5.13: customer service sorts and distributes the list, re-assigns, keeps the routing rules. */
  'items.distribute': { zh: '分发问题件', en: 'Distribute problem items' },
  /**
   * P5.13: the back office investigates: records work, attaches evidence, corrects data, submits.
   * Only on an item assigned to the user: customer service and compliance investigate themselves
   * by taking the item over.
   */
  'items.work': { zh: '处理问题件', en: 'Work problem items' },
  /** P5.13: compliance and customer service verify the results. */
  'items.verify': { zh: '核实问题件', en: 'Verify problem items' },
  /** P5.13, P5.24: compliance investigates itself, issues opinions, refers to the committee. */
  'items.compliance': { zh: '合规处理', en: 'Compliance actions on items' },
  'customers.read': { zh: '查看客户（脱敏）', en: 'Read customers (masked)' },
  /** See one personal value in the clear, with a stated reason (P5.21). */
  'pii.reveal': { zh: '查看明文个人信息', en: 'Reveal a personal value' },
  'scans.read': { zh: '查看扫描记录', en: 'Read scan runs' },
  'scans.run': { zh: '执行扫描', en: 'Run a scan' },
  'users.manage': { zh: '用户管理', en: 'Manage users' },
  'apikeys.manage': { zh: '接口密钥管理', en: 'Manage API keys' },
  'audit.read': { zh: '查看审计日志', en: 'Read the audit trail' },
} as const;
export type Permission = keyof typeof PERMISSIONS;

const READ_ONLY: Permission[] = ['items.read', 'items.export', 'customers.read', 'scans.read', 'audit.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // P5.13: customer service distributes items and may verify them.
  customer_service: [
    'applications.check',
    'items.read',
    'items.export',
    'items.distribute',
    'items.work',
    'items.verify',
    'customers.read',
    'pii.reveal',
    'scans.read',
  ],
  channel_management: ['applications.check', 'items.read', 'items.export', 'customers.read'],
  // P5.13: the back office investigates, calls the customer, corrects data.
  channel_back_office: [
    'applications.check',
    'applications.submit',
    'items.read',
    'items.work',
    'customers.read',
    'pii.reveal',
  ],
  // P5.13, P5.24: compliance verifies and investigates on its own.
  compliance: [
    'applications.check',
    'items.read',
    'items.export',
    'items.work',
    'items.verify',
    'items.compliance',
    'customers.read',
    'pii.reveal',
    'scans.read',
    'audit.read',
  ],
  business_support: ['applications.check', 'applications.submit', 'customers.read'],
  training: [],
  general_office: [],
  information_office: ['audit.read'],
  information_officer: [],
  quality: [],
  it_operations: ['scans.read', 'scans.run', 'apikeys.manage'],
  auditor: READ_ONLY,
  administrator: ['users.manage', 'apikeys.manage', 'scans.read', 'scans.run', 'audit.read'],
};

/** What a core system's API key may do: the gate, nothing else. */
export const API_KEY_PERMISSIONS: readonly Permission[] = ['applications.check', 'applications.submit'];

export function roleMay(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles whose members belong to a channel or branch: they must be given a data scope. */
export const SCOPED_ROLES: readonly Role[] = ['channel_back_office', 'channel_management'];
