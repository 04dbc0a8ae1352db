import { parseScope } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import type { Role } from '../../shared/roles.js';
import { countUsers } from '../users/users.repository.js';
import { addUser } from '../users/users.service.js';

/** The demo's staff: one per department, so every screen can be tried. Demo only. */
export const DEMO_PASSWORD = 'Veracity-2026-demo';

export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; role: Role; scope: string[] }> = [
  { username: 'admin', displayName: '系统管理员', role: 'administrator', scope: [] },
  { username: 'kefu', displayName: '客服 王敏', role: 'customer_service', scope: [] },
  { username: 'qudao', displayName: '渠道管理 赵强', role: 'channel_management', scope: ['channel:agent'] },
  {
    username: 'neiqin',
    displayName: '个险内勤 李娜',
    role: 'channel_back_office',
    scope: ['channel:agent', 'branch:GD'],
  },
  {
    username: 'neiqin2',
    displayName: '个险内勤 黄磊',
    role: 'channel_back_office',
    scope: ['channel:agent', 'branch:BJ', 'branch:SH', 'branch:ZJ', 'branch:JS', 'branch:SC', 'branch:HB'],
  },
  { username: 'yinbao', displayName: '银保内勤 陈静', role: 'channel_back_office', scope: ['channel:bancassurance'] },
  { username: 'zhongjie', displayName: '中介内勤 林芳', role: 'channel_back_office', scope: ['channel:agency'] },
  { username: 'hegui', displayName: '合规 孙伟', role: 'compliance', scope: [] },
  { username: 'yewu', displayName: '业务支持 周洁', role: 'business_support', scope: [] },
  { username: 'yunwei', displayName: 'IT 运维 吴刚', role: 'it_operations', scope: [] },
  { username: 'shenji', displayName: '审计 郑红', role: 'auditor', scope: [] },
  { username: 'xinxi', displayName: '信息室 冯磊', role: 'information_office', scope: [] },
];

/** Adds the demo staff to a store that has no users yet; returns how many were added. */
export async function addDemoUsers(deps: Deps, context: AuditContext): Promise<number> {
  if ((await countUsers(deps.db.kysely)) > 0) return 0;
  for (const u of DEMO_USERS) {
    await addUser(deps, context, {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      scope: parseScope(u.scope),
      password: DEMO_PASSWORD,
      // Escalations are mailed (P5.13); `.invalid` never reaches anyone if SMTP is configured.
      email: `${u.username}@demo.veracity.invalid`,
    });
  }
  return DEMO_USERS.length;
}
