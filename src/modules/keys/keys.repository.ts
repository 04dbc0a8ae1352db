import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/**
 * Every sealed column of the store, with the associated data (AAD) it was sealed under and a
 * stable row key for paging. A new sealed column must be added here or `keys rotate` misses it.
 */
export interface SealedColumn {
  table: keyof Database;
  key: string[];
  aad: (row: Record<string, unknown>) => string;
  /** The sealed column's name, when not `sealed`. */
  column?: string;
  /** Columns the AAD is made of, read beside the sealed value. */
  aadColumns?: string[];
}

export const SEALED_COLUMNS: SealedColumn[] = [
  { table: 'submissions', key: ['id'], aadColumns: ['policy_no'], aad: (r) => `submission:${r.policy_no}` },
  { table: 'agents', key: ['agent_code'], aad: () => 'agent' },
  { table: 'agent_versions', key: ['agent_code', 'version'], aad: () => 'agent' },
  { table: 'complaints', key: ['complaint_no'], aad: () => 'complaint' },
  { table: 'complaint_versions', key: ['complaint_no', 'version'], aad: () => 'complaint' },
  {
    table: 'problem_item_history',
    key: ['id'],
    column: 'detail_sealed',
    aadColumns: ['item_no'],
    aad: (r) => `item-history:${r.item_no}`,
  },
  {
    table: 'item_evidence',
    key: ['id'],
    column: 'name_sealed',
    aadColumns: ['item_no'],
    aad: (r) => `evidence-name:${r.item_no}`,
  },
];

type Row = Record<string, unknown> & { sealed: Uint8Array | null };

/** One page of rows after `after` (row-key order). */
export async function pageOfSealed(
  q: Kysely<Database>,
  column: SealedColumn,
  after: unknown[] | undefined,
  limit: number,
): Promise<Row[]> {
  const keys = sql.join(column.key.map((k) => sql.ref(k)));
  const afterClause = after ? sql`and (${keys}) > (${sql.join(after)})` : sql``;
  const extra = sql.join(
    (column.aadColumns ?? []).map((c) => sql`, ${sql.ref(c)}`),
    sql``,
  );
  const sealed = sql.ref(column.column ?? 'sealed');
  const result = await sql<Row>`select ${keys}${extra}, ${sealed} as sealed from ${sql.table(column.table)}
    where ${sealed} is not null ${afterClause} order by ${keys} limit ${limit}`.execute(q);
  return result.rows;
}

export async function updateSealed(
  q: Kysely<Database>,
  column: SealedColumn,
  row: Row,
  sealed: Uint8Array,
): Promise<void> {
  const where = sql.join(
    column.key.map((k) => sql`${sql.ref(k)} = ${row[k]}`),
    sql` and `,
  );
  await sql`update ${sql.table(column.table)} set ${sql.ref(column.column ?? 'sealed')} = ${sealed} where ${where}`.execute(
    q,
  );
}
