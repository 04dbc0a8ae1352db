import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

/** The routing rules in force (not retired), with their assignee's name. */
export async function activeRules(q: Q) {
  const rows = await q
    .selectFrom('distribution_rules')
    .leftJoin('users', 'users.id', 'distribution_rules.assignee_id')
    .select([
      'distribution_rules.id',
      'distribution_rules.priority',
      'distribution_rules.channel',
      'distribution_rules.branch_prefix',
      'distribution_rules.agent_code',
      'distribution_rules.assignee_id',
      'users.display_name as assignee_name',
    ])
    .where('distribution_rules.retired_at', 'is', null)
    .orderBy('distribution_rules.priority')
    .orderBy('distribution_rules.id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), assignee_id: Number(r.assignee_id) }));
}

/** P5.13: rules are never edited in place; the old set is retired, kept for the record. */
export async function retireRules(q: Q, by: string, at: string): Promise<number[]> {
  const retired = await q
    .updateTable('distribution_rules')
    .set({ retired_at: at, retired_by: by })
    .where('retired_at', 'is', null)
    .returning('id')
    .execute();
  return retired.map((r) => Number(r.id)).sort((a, b) => a - b);
}

export async function insertRules(
  q: Q,
  rules: ReadonlyArray<{
    priority: number;
    channel: string | null;
    branchPrefix: string | null;
    agentCode: string | null;
    assigneeId: number;
  }>,
  by: string,
  at: string,
): Promise<number[]> {
  const ids: number[] = [];
  for (const rule of rules) {
    const row = await q
      .insertInto('distribution_rules')
      .values({
        priority: rule.priority,
        channel: rule.channel,
        branch_prefix: rule.branchPrefix,
        agent_code: rule.agentCode,
        assignee_id: rule.assigneeId,
        created_by: by,
        created_at: at,
        retired_at: null,
        retired_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(Number(row.id));
  }
  return ids;
}
