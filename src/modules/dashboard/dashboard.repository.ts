import { type Kysely, sql } from 'kysely';
import type { Scope } from '../../platform/access/scope.js';
import { scopeCondition } from '../../platform/access/scope-sql.js';
import type { Database } from '../../platform/db/schema.js';

type Q = Kysely<Database>;
const ON_POLICY = { branch: 'applications.branch_code', channel: 'applications.channel' };

export interface CountsRow {
  channel: string | null;
  branch_code: string | null;
  open: number | string;
  due_today: number | string;
  overdue: number | string;
  cleared: number | string;
}

/** Items of the scope, joined to their policy (where channel and branch live). */
function itemsInScope(q: Q, scope: Scope) {
  return q
    .selectFrom('problem_items')
    .innerJoin('applications', 'applications.policy_no', 'problem_items.policy_no')
    .where((eb) => scopeCondition(eb, scope, ON_POLICY));
}

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * One pass over the items not closed and those closed this week, counted per channel and branch:
 * the totals and both breakdowns are sums of these few groups.
 */
export async function countsByChannelAndBranch(
  q: Q,
  scope: Scope,
  at: { today: string; weekStart: string; notClosed: readonly string[]; owed: readonly string[] },
): Promise<CountsRow[]> {
  const status = sql.ref('problem_items.status');
  const due = sql.ref('problem_items.due_on');
  const closed = sql.ref('problem_items.closed_on');
  const owed = sql`${status} in (${inList(at.owed)})`;
  return itemsInScope(q, scope)
    .where((eb) =>
      eb.or([
        eb('problem_items.status', 'in', [...at.notClosed]),
        eb.and([eb('problem_items.status', '=', 'closed'), eb('problem_items.closed_on', '>=', at.weekStart)]),
      ]),
    )
    .select([
      'applications.channel',
      'applications.branch_code',
      sql<number>`sum(case when ${status} in (${inList(at.notClosed)}) then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when ${owed} and ${due} = ${at.today} then 1 else 0 end)`.as('due_today'),
      sql<number>`sum(case when ${owed} and ${due} < ${at.today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when ${status} = 'closed' and ${closed} >= ${at.weekStart} and ${closed} <= ${at.today} then 1 else 0 end)`.as(
        'cleared',
      ),
    ])
    .groupBy(['applications.channel', 'applications.branch_code'])
    .execute();
}

/** Items raised per detection day, from `from` to `to` (China dates). */
export async function raisedPerDay(q: Q, scope: Scope, from: string, to: string) {
  return itemsInScope(q, scope)
    .select((eb) => ['problem_items.detected_on as day', eb.fn.countAll<number | string>().as('n')])
    .where('problem_items.detected_on', '>=', from)
    .where('problem_items.detected_on', '<=', to)
    .groupBy('problem_items.detected_on')
    .execute();
}

/** Items closed per day, from `from` to `to`. */
export async function closedPerDay(q: Q, scope: Scope, from: string, to: string) {
  const rows = await itemsInScope(q, scope)
    .select((eb) => ['problem_items.closed_on as day', eb.fn.countAll<number | string>().as('n')])
    .where('problem_items.status', '=', 'closed')
    .where('problem_items.closed_on', '>=', from)
    .where('problem_items.closed_on', '<=', to)
    .groupBy('problem_items.closed_on')
    .execute();
  return rows.flatMap((r) => (r.day === null ? [] : [{ day: r.day, n: r.n }]));
}

/** Submissions the gate did not accept since an instant, grouped by their set of error codes. */
export async function rejectionsSince(q: Q, scope: Scope, since: string) {
  return q
    .selectFrom('submissions')
    .innerJoin('applications', 'applications.policy_no', 'submissions.policy_no')
    .select((eb) => ['submissions.error_codes as codes', eb.fn.countAll<number | string>().as('n')])
    .where('submissions.received_at', '>=', since)
    .where('submissions.accepted', '=', 0)
    .where((eb) => scopeCondition(eb, scope, ON_POLICY))
    .groupBy('submissions.error_codes')
    .execute();
}
