import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, ImportBatchTable } from '../../platform/db/schema.js';

type Q = Kysely<Database>;
export type BatchRow = Selectable<ImportBatchTable>;
export type RecordOutcome = 'accepted' | 'rejected' | 'malformed';
/** What a listing selects: one outcome, every line not accepted (the rejections file), or all. */
type Selection = RecordOutcome | 'not_accepted' | undefined;

export async function recentBatches(q: Q, uploadedBy: string | undefined, limit: number): Promise<BatchRow[]> {
  let query = q.selectFrom('import_batches').selectAll().where('kind', '=', 'applications');
  if (uploadedBy !== undefined) query = query.where('uploaded_by', '=', uploadedBy);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function findBatch(q: Q, id: number): Promise<BatchRow | undefined> {
  return q
    .selectFrom('import_batches')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', 'applications')
    .executeTakeFirst();
}

export interface RecordRow {
  line_no: number;
  policy_no: string | null;
  status: string;
  errors: string;
}

/**
 * A batch's records in file order: its submissions (accepted or rejected by the gate) and its
 * lines that became none (malformed, or refused as outside the uploader's scope, listed as rejected).
 */
function records(q: Q, batchId: number, outcome: Selection) {
  const stored = q
    .selectFrom('submissions')
    .select([
      sql<number>`submissions.line_no`.as('line_no'),
      sql<string | null>`submissions.policy_no`.as('policy_no'),
      sql<string>`case when submissions.accepted = 1 then 'accepted' else 'rejected' end`.as('status'),
      'submissions.errors',
    ])
    .where('submissions.batch_id', '=', batchId);
  const unstored = q
    .selectFrom('import_malformed')
    .select([
      sql<number>`import_malformed.line_no`.as('line_no'),
      sql<string | null>`import_malformed.policy_no`.as('policy_no'),
      sql<string>`case when import_malformed.outcome = 'refused' then 'rejected' else 'malformed' end`.as('status'),
      'import_malformed.errors',
    ])
    .where('import_malformed.batch_id', '=', batchId);
  if (outcome === 'accepted') return stored.where('submissions.accepted', '=', 1);
  if (outcome === 'malformed') return unstored.where('import_malformed.outcome', '=', 'malformed');
  if (outcome === 'rejected') {
    return stored
      .where('submissions.accepted', '=', 0)
      .unionAll(unstored.where('import_malformed.outcome', '=', 'refused'));
  }
  if (outcome === 'not_accepted') return stored.where('submissions.accepted', '=', 0).unionAll(unstored);
  return stored.unionAll(unstored);
}

export async function batchRecords(
  q: Q,
  batchId: number,
  outcome: Selection,
  page: { limit: number; offset?: number; afterLine?: number },
): Promise<RecordRow[]> {
  let query = q.selectFrom(records(q, batchId, outcome).as('r')).selectAll();
  if (page.afterLine !== undefined) query = query.where('r.line_no', '>', page.afterLine);
  return query
    .orderBy('r.line_no')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
}

export async function countBatchRecords(q: Q, batchId: number, outcome: RecordOutcome | undefined): Promise<number> {
  const row = await q
    .selectFrom(records(q, batchId, outcome).as('r'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
