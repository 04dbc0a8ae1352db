import { type Role, roleMay } from '../../shared/roles.js';
import { mayVerify, stepAllowed } from './case-rules.js';

/** What the console may offer on an item: one button each. */
export const ITEM_ACTIONS = [
  'distribute',
  'assign',
  'work',
  'evidence',
  'correct',
  'submit',
  'verify',
  'compliance',
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

/**
 * What this caller may do on the item now (P5.13, P5.24): the role's permission, the item's status,
 * and the object rules — only the assignee works an item, and whoever investigated may not verify it.
 */
export function allowedActions(
  item: { status: string; assigneeId: number | null },
  caller: { userId: number | null; role: Role | null },
  investigatorIds: readonly number[],
): ItemAction[] {
  const { role, userId } = caller;
  if (role === null) return [];
  const may = (permission: Parameters<typeof roleMay>[1]) => roleMay(role, permission);
  const mine = userId !== null && item.assigneeId === userId;
  const out: ItemAction[] = [];
  if (may('items.distribute') && stepAllowed('distribute', item.status)) out.push('distribute');
  if (may('items.distribute') && (stepAllowed('distribute', item.status) || stepAllowed('reassign', item.status))) {
    out.push('assign');
  }
  if (may('items.work') && mine && stepAllowed('work', item.status)) out.push('work', 'evidence', 'correct');
  if (may('items.work') && mine && stepAllowed('submit', item.status)) out.push('submit');
  if (
    may('items.verify') &&
    stepAllowed('accept', item.status) &&
    userId !== null &&
    mayVerify(userId, investigatorIds)
  ) {
    out.push('verify');
  }
  if (may('items.compliance') && stepAllowed('compliance', item.status)) out.push('compliance');
  return out;
}
