import type { Kysely, Selectable } from 'kysely';
import { isWholeCompany, type Scope, WHOLE_COMPANY } from '../../platform/access/scope.js';
import { scopeCondition } from '../../platform/access/scope-sql.js';
import { chunkValues } from '../../platform/db/chunks.js';
import type { Database, ProblemItemTable } from '../../platform/db/schema.js';
import { NOT_CLOSED, OWED } from '../cases/case-rules.js';

type Q = Kysely<Database>;

export interface ItemFilter {
  /** One status, or `active`: any but closed. */
  status?: string;
  rule?: string;
  detectedOn?: string;
  /** A branch and its sub-branches: GD covers GD-GZ. */
  branchCode?: string;
  channel?: string;
  agentCode?: string;
  dueFrom?: string;
  dueTo?: string;
  detectedFrom?: string;
  detectedTo?: string;
  /** Prefix of the item number or the policy number. */
  q?: string;
  /** The user who has the item. */
  assigneeId?: number;
  /** P5.13: overdue as of this China date (still owed, due before it). */
  overdueAsOf?: string;
  /** Due on this China date and still owed. */
  dueToday?: string;
  /** Escalated to channel management and compliance. */
  escalated?: boolean;
  linkId?: string;
}

export type ItemSort = { by: 'dueOn' | 'detectedOn' | 'itemNo'; direction: 'asc' | 'desc' };

export interface ListedItem extends Selectable<ProblemItemTable> {
  channel: string | null;
  branch_code: string | null;
  agent_code: string | null;
  /** The assignee's display name, when the item has one. */
  assignee_name?: string | null;
}

const SORT_COLUMN = {
  dueOn: 'problem_items.due_on',
  detectedOn: 'problem_items.detected_on',
  itemNo: 'problem_items.item_no',
} as const;

/**
 * Items matching the filter within the scope: the scope is a WHERE condition, never a later filter
 * (P5.21). A count that asks nothing of the policy skips the join to it: every item's policy is in
 * the book (the scan raises items from accepted applications only, and those are never removed).
 */
function filteredItems(q: Q, filter: ItemFilter, scope: Scope, policyColumns: boolean) {
  const prefix = (value: string) => `${value.replace(/[\\%_]/g, '')}%`;
  // SQLite keeps a CROSS JOIN's order: the items' due-day index is walked and a page stops early,
  // instead of sorting every item of a channel. A seller's few policies are better read first.
  const joined = filter.agentCode
    ? q.selectFrom('problem_items').innerJoin('applications', 'applications.policy_no', 'problem_items.policy_no')
    : q
        .selectFrom('problem_items')
        .crossJoin('applications')
        .whereRef('applications.policy_no', '=', 'problem_items.policy_no');
  const needsPolicy =
    policyColumns || !isWholeCompany(scope) || Boolean(filter.channel || filter.agentCode || filter.branchCode);
  // Without the join, no condition below names `applications`: the type only keeps one builder.
  let query = needsPolicy ? joined : (q.selectFrom('problem_items') as unknown as typeof joined);
  if (!isWholeCompany(scope)) {
    query = query.where((eb) =>
      scopeCondition(eb, scope, { branch: 'applications.branch_code', channel: 'applications.channel' }),
    );
  }
  if (filter.status === 'active') query = query.where('problem_items.status', 'in', [...NOT_CLOSED]);
  else if (filter.status) query = query.where('problem_items.status', '=', filter.status);
  if (filter.rule) query = query.where('problem_items.rule', '=', filter.rule);
  if (filter.detectedOn) query = query.where('problem_items.detected_on', '=', filter.detectedOn);
  if (filter.detectedFrom) query = query.where('problem_items.detected_on', '>=', filter.detectedFrom);
  if (filter.detectedTo) query = query.where('problem_items.detected_on', '<=', filter.detectedTo);
  if (filter.dueFrom) query = query.where('problem_items.due_on', '>=', filter.dueFrom);
  if (filter.dueTo) query = query.where('problem_items.due_on', '<=', filter.dueTo);
  if (filter.channel) query = query.where('applications.channel', '=', filter.channel);
  if (filter.agentCode) query = query.where('applications.agent_code', '=', filter.agentCode);
  if (filter.assigneeId !== undefined) query = query.where('problem_items.assignee_id', '=', filter.assigneeId);
  if (filter.linkId) query = query.where('problem_items.link_id', '=', filter.linkId);
  if (filter.escalated) query = query.where('problem_items.escalated_on', 'is not', null);
  if (filter.overdueAsOf) {
    query = query.where('problem_items.status', 'in', OWED).where('problem_items.due_on', '<', filter.overdueAsOf);
  }
  if (filter.dueToday) {
    query = query.where('problem_items.status', 'in', OWED).where('problem_items.due_on', '=', filter.dueToday);
  }
  const { branchCode, q: text } = filter;
  if (branchCode) {
    query = query.where((eb) =>
      eb.or([
        eb('applications.branch_code', '=', branchCode),
        eb('applications.branch_code', 'like', prefix(`${branchCode}-`)),
      ]),
    );
  }
  if (text) {
    query = query.where((eb) =>
      eb.or([eb('problem_items.item_no', 'like', prefix(text)), eb('problem_items.policy_no', 'like', prefix(text))]),
    );
  }
  return query;
}

/** Problem items with their policy's channel, branch and seller, in pages; newest first unless sorted. */
export async function listItems(
  q: Q,
  filter: ItemFilter,
  page: { limit: number; offset: number },
  options: { scope?: Scope; sort?: ItemSort } = {},
): Promise<ListedItem[]> {
  const sort = options.sort ?? { by: 'itemNo', direction: 'desc' };
  let query = filteredItems(q, filter, options.scope ?? WHOLE_COMPANY, true)
    .leftJoin('users', 'users.id', 'problem_items.assignee_id')
    .selectAll('problem_items')
    .select(['applications.channel', 'applications.branch_code', 'applications.agent_code'])
    .select('users.display_name as assignee_name')
    .orderBy(SORT_COLUMN[sort.by], sort.direction);
  if (sort.by !== 'itemNo') query = query.orderBy('problem_items.item_no', 'asc');
  return query.limit(page.limit).offset(page.offset).execute();
}

export async function countItems(q: Q, filter: ItemFilter, scope: Scope = WHOLE_COMPANY): Promise<number> {
  const row = await filteredItems(q, filter, scope, false)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The policies among these with an item not closed: their commission is held (缓发手续费). */
export async function policiesHoldingCommission(q: Q, policyNos: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const chunk of chunkValues(policyNos)) {
    const rows = await q
      .selectFrom('problem_items')
      .select('policy_no')
      .distinct()
      .where('policy_no', 'in', chunk)
      .where('status', 'in', NOT_CLOSED)
      .execute();
    for (const r of rows) out.add(r.policy_no);
  }
  return out;
}
