import { CompiledQuery, type Kysely, sql } from 'kysely';

/**
 * Multi-row INSERT for the import hot path, written once per (table, columns, row count) and
 * executed with bound parameters: it skips building a query tree per row, and the SQLite
 * connection reuses the prepared statement (see database.ts). Raw SQL stays in the data layer.
 */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 500;
const statements = new Map<string, string>();

export interface BulkInsert {
  table: string;
  columns: readonly string[];
  /** SQL after VALUES, e.g. `on conflict (...) do update set ...`. */
  suffix?: string;
  returning?: readonly string[];
}

export async function insertMany<R = Record<string, unknown>>(
  q: Kysely<unknown>,
  spec: BulkInsert,
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const numbered = usesNumberedParameters(q);
  const perChunk = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / spec.columns.length)));
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const parameters: unknown[] = [];
    for (const row of chunk) for (const value of row) parameters.push(value);
    const text = statementFor(spec, chunk.length, numbered);
    const result = await q.executeQuery<R>(CompiledQuery.raw(text, parameters));
    out.push(...result.rows);
  }
  return out;
}

function statementFor(spec: BulkInsert, rowCount: number, numbered: boolean): string {
  const key = `${numbered}|${spec.table}|${spec.columns.join(',')}|${spec.suffix ?? ''}|${spec.returning?.join(',') ?? ''}|${rowCount}`;
  let text = statements.get(key);
  if (text === undefined) {
    const width = spec.columns.length;
    const tuples: string[] = [];
    for (let r = 0; r < rowCount; r++) {
      const marks: string[] = [];
      for (let c = 0; c < width; c++) marks.push(numbered ? `$${r * width + c + 1}` : '?');
      tuples.push(`(${marks.join(',')})`);
    }
    text = `insert into ${spec.table} (${spec.columns.join(', ')}) values ${tuples.join(',')}`;
    if (spec.suffix) text += ` ${spec.suffix}`;
    if (spec.returning) text += ` returning ${spec.returning.join(', ')}`;
    if (statements.size > 1000) statements.clear();
    statements.set(key, text);
  }
  return text;
}

const numberedByExecutor = new WeakMap<object, boolean>();

/** PostgreSQL numbers its parameters ($1, $2 …); SQLite takes `?`. */
function usesNumberedParameters(q: Kysely<unknown>): boolean {
  const executor = q.getExecutor();
  let numbered = numberedByExecutor.get(executor.adapter);
  if (numbered === undefined) {
    numbered = q.selectNoFrom(sql.val(1).as('x')).compile().sql.includes('$1');
    numberedByExecutor.set(executor.adapter, numbered);
  }
  return numbered;
}
