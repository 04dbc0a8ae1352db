import type { Insertable, Kysely } from 'kysely';
import { chunkRows } from '../../platform/db/chunks.js';
import type { Database, NotificationTable } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

export interface OverdueRow {
  item_no: string;
  policy_no: string;
  rule: string;
  due_on: string;
  status: string;
  channel: string | null;
  branch_code: string | null;
}

/** Items in an overdue status, past their due day and not escalated yet, oldest due first. */
export async function overdueNotEscalated(
  q: Q,
  statuses: readonly string[],
  today: string,
  limit: number,
): Promise<OverdueRow[]> {
  return q
    .selectFrom('problem_items')
    .innerJoin('applications', 'applications.policy_no', 'problem_items.policy_no')
    .select([
      'problem_items.item_no',
      'problem_items.policy_no',
      'problem_items.rule',
      'problem_items.due_on',
      'problem_items.status',
      'applications.channel',
      'applications.branch_code',
    ])
    .where('problem_items.status', 'in', [...statuses])
    .where('problem_items.due_on', '<', today)
    .where('problem_items.escalated_on', 'is', null)
    .orderBy('problem_items.due_on')
    .orderBy('problem_items.item_no')
    .limit(limit)
    .execute();
}

/** Marks the items escalated, only those still not; returns the ones this call marked. */
export async function markEscalated(q: Q, itemNos: readonly string[], day: string, now: string): Promise<string[]> {
  if (itemNos.length === 0) return [];
  const rows = await q
    .updateTable('problem_items')
    .set({ escalated_on: day, updated_at: now })
    .where('item_no', 'in', [...itemNos])
    .where('escalated_on', 'is', null)
    .returning('item_no')
    .execute();
  return rows.map((r) => r.item_no);
}

export interface StaffRow {
  id: number;
  display_name: string;
  role: string;
  scope: string;
  email: string | null;
}

/** Active staff of these roles: whom an escalation may reach. */
export async function activeStaffOf(q: Q, roles: readonly string[]): Promise<StaffRow[]> {
  const rows = await q
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'scope', 'email'])
    .where('status', '=', 'active')
    .where('role', 'in', [...roles])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Adds notifications; one per person, kind and item however often it is tried. */
export async function insertNotifications(q: Q, rows: readonly Insertable<NotificationTable>[]): Promise<void> {
  for (const chunk of chunkRows(rows)) {
    await q
      .insertInto('notifications')
      .values(chunk)
      .onConflict((oc) => oc.columns(['user_id', 'kind', 'item_no']).doNothing())
      .execute();
  }
}

// The items' timeline has one writer, shared with the workflow.
