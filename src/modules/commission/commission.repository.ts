import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/access/scope.js';
import { scopeCondition } from '../../platform/access/scope-sql.js';
import type { Database } from '../../platform/db/schema.js';
import { NOT_CLOSED } from '../cases/case-rules.js';

type Q = Kysely<Database>;

export interface HoldFilter {
  channel?: string;
  /** A branch and its sub-branches. */
  branchCode?: string;
  agentCode?: string;
}

export interface HoldRow {
  policy_no: string;
  channel: string | null;
  branch_code: string | null;
  agent_code: string | null;
  open_items: number | string;
  oldest_due_on: string;
}

/** The items not closed, within the scope: what holds a policy's commission (缓发手续费). */
function holdingItems(q: Q, scope: Scope, filter: HoldFilter) {
  let query = q
    .selectFrom('problem_items')
    .innerJoin('applications', 'applications.policy_no', 'problem_items.policy_no')
    .where('problem_items.status', 'in', [...NOT_CLOSED])
    .where((eb) => scopeCondition(eb, scope, { branch: 'applications.branch_code', channel: 'applications.channel' }));
  if (filter.channel) query = query.where('applications.channel', '=', filter.channel);
  if (filter.agentCode) query = query.where('applications.agent_code', '=', filter.agentCode);
  const { branchCode } = filter;
  if (branchCode) {
    query = query.where((eb) =>
      eb.or([
        eb('applications.branch_code', '=', branchCode),
        eb('applications.branch_code', 'like', `${branchCode.replace(/[\\%_]/g, '')}-%`),
      ]),
    );
  }
  return query;
}

/**
 * One page of the held policies, by policy number: `after` continues from the last one (keyset,
 * for the export), `offset` skips (for the console's pages).
 */
export async function listHolds(
  q: Q,
  scope: Scope,
  filter: HoldFilter,
  page: { limit: number; offset?: number; after?: string },
): Promise<HoldRow[]> {
  let query = holdingItems(q, scope, filter)
    .select((eb) => [
      'problem_items.policy_no',
      'applications.channel',
      'applications.branch_code',
      'applications.agent_code',
      eb.fn.countAll<number | string>().as('open_items'),
      eb.fn.min('problem_items.due_on').as('oldest_due_on'),
    ])
    .groupBy(['problem_items.policy_no', 'applications.channel', 'applications.branch_code', 'applications.agent_code'])
    .orderBy('problem_items.policy_no');
  if (page.after !== undefined) query = query.where('problem_items.policy_no', '>', page.after);
  return query
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
}

export async function countHolds(q: Q, scope: Scope, filter: HoldFilter): Promise<number> {
  const row = await holdingItems(q, scope, filter)
    .select((eb) => eb.fn.count<number | string>('problem_items.policy_no').distinct().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
