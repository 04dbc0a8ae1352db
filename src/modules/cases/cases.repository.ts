import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Scope } from '../../platform/access/scope.js';
import { scopeCondition } from '../../platform/access/scope-sql.js';
import { chunkRows } from '../../platform/db/chunks.js';
import type { Database, ProblemItemHistoryTable, ProblemItemTable } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

/** What a step was decided on: the item moves only if it is still so. */
export interface ItemExpectation {
  status: string;
  /** Null-safe: an item nobody has must still be nobody's. */
  assigneeId: number | null;
  /** P5.24: a referral needs the item not referred yet. */
  unreferred?: boolean;
}

/**
 * Moves an item on, only if it is still in the status and with the assignee the step was decided
 * on: two people acting at once (a re-assignment and the old assignee's step) cannot both succeed.
 * Returns whether it moved.
 */
export async function updateItem(
  q: Q,
  itemNo: string,
  expected: ItemExpectation,
  changes: Updateable<ProblemItemTable>,
): Promise<boolean> {
  let query = q
    .updateTable('problem_items')
    .set(changes)
    .where('item_no', '=', itemNo)
    .where('status', '=', expected.status);
  query =
    expected.assigneeId === null
      ? query.where('assignee_id', 'is', null)
      : query.where('assignee_id', '=', expected.assigneeId);
  if (expected.unreferred) query = query.where('referred_on', 'is', null);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertHistory(q: Q, rows: readonly Insertable<ProblemItemHistoryTable>[]): Promise<void> {
  for (const chunk of chunkRows(rows)) await q.insertInto('problem_item_history').values(chunk).execute();
}

export async function historyOf(q: Q, itemNo: string) {
  return q
    .selectFrom('problem_item_history')
    .select(['id', 'at', 'actor', 'actor_id', 'action', 'from_status', 'to_status', 'note', 'detail_sealed'])
    .where('item_no', '=', itemNo)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function countHistory(q: Q, itemNo: string, action: string): Promise<number> {
  const row = await q
    .selectFrom('problem_item_history')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('item_no', '=', itemNo)
    .where('action', '=', action)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface MateRow {
  item_no: string;
  policy_no: string;
  status: string;
  assignee_id: number | null;
  assignee_name: string | null;
  cooling_off_ends_on: string | null;
  channel: string | null;
  branch_code: string | null;
  agent_code: string | null;
}

/** The other items of a link, within the scope (P5.21), optionally only those in one status. */
export async function linkMates(
  q: Q,
  linkId: string,
  exceptItemNo: string,
  scope: Scope,
  status?: string,
): Promise<MateRow[]> {
  let query = q
    .selectFrom('problem_items')
    .innerJoin('applications', 'applications.policy_no', 'problem_items.policy_no')
    .leftJoin('users', 'users.id', 'problem_items.assignee_id')
    .select([
      'problem_items.item_no',
      'problem_items.policy_no',
      'problem_items.status',
      'problem_items.assignee_id',
      'users.display_name as assignee_name',
      'problem_items.cooling_off_ends_on',
      'applications.channel',
      'applications.branch_code',
      'applications.agent_code',
    ])
    .where('problem_items.link_id', '=', linkId)
    .where('problem_items.item_no', '<>', exceptItemNo)
    .where((eb) => scopeCondition(eb, scope, { branch: 'applications.branch_code', channel: 'applications.channel' }));
  if (status) query = query.where('problem_items.status', '=', status);
  return query.orderBy('problem_items.item_no').execute();
}

/**
 * Locks the link's row until the transaction ends (PostgreSQL): two verifiers closing its last two
 * items at once take turns, so the second sees the first's item closed.
 */
export async function lockLink(q: Q, linkId: string): Promise<void> {
  await q.selectFrom('links').select('link_id').where('link_id', '=', linkId).forUpdate().executeTakeFirst();
}

/** Every item of the link, whatever the scope: whether the link as a whole is cleared. */
export async function linkOutcome(q: Q, linkId: string) {
  return q.selectFrom('problem_items').select(['status', 'resolution']).where('link_id', '=', linkId).execute();
}

/**
 * INTERCHANGE §5: a link cleared with evidence as legitimate is not raised again; it keeps the
 * members it had, so only a newcomer raises it (linkage/scan.service.ts).
 */
export async function clearLink(q: Q, linkId: string): Promise<void> {
  const link = await q.selectFrom('links').select('members').where('link_id', '=', linkId).executeTakeFirst();
  if (!link) return;
  await q
    .updateTable('links')
    .set({ status: 'cleared', cleared_members: link.members })
    .where('link_id', '=', linkId)
    .execute();
}

export interface StaffRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  scope: string;
  status: string;
}

/** Active users of these roles, with the items they have in hand (assigned, not closed). */
export async function activeStaffWithLoad(q: Q, roles: string[]): Promise<Array<StaffRow & { open_items: number }>> {
  const rows = await q
    .selectFrom('users')
    .leftJoin('problem_items', (join) =>
      join.onRef('problem_items.assignee_id', '=', 'users.id').on('problem_items.status', '<>', 'closed'),
    )
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.scope', 'users.status'])
    .select((eb) => eb.fn.count<number | string>('problem_items.item_no').as('open_items'))
    .where('users.status', '=', 'active')
    .where('users.role', 'in', roles)
    .groupBy(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.scope', 'users.status'])
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), open_items: Number(r.open_items) }));
}

/** The policy's current accepted submission, sealed: what a correction starts from. */
export async function acceptedRecordOf(q: Q, policyNo: string) {
  return q
    .selectFrom('applications')
    .innerJoin('submissions', 'submissions.id', 'applications.accepted_submission_id')
    .select(['submissions.id', 'submissions.policy_no', 'submissions.sealed'])
    .where('applications.policy_no', '=', policyNo)
    .executeTakeFirst();
}

/** Open item numbers after `after`, in item-number order: keyset pages that items leaving `open` do not shift. */
export async function openItemNos(q: Q, after: string, limit: number): Promise<string[]> {
  const rows = await q
    .selectFrom('problem_items')
    .select('item_no')
    .where('status', '=', 'open')
    .where('item_no', '>', after)
    .orderBy('item_no')
    .limit(limit)
    .execute();
  return rows.map((r) => r.item_no);
}
