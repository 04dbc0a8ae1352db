import type { Kysely } from 'kysely';
import type { Database, ScanRunTable } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

export type ScanRunRow = Omit<ScanRunTable, 'id'> & { id: number };

/** Scan runs, newest first. */
export async function listScanRuns(
  q: Q,
  page: { limit: number; offset: number },
): Promise<{ rows: ScanRunRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    q.selectFrom('scan_runs').selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    q
      .selectFrom('scan_runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Whether a scan of that day has been run, in any mode (a full scan takes in what a daily one would). */
export async function scanRanOn(q: Q, asOf: string): Promise<boolean> {
  const row = await q.selectFrom('scan_runs').select('id').where('as_of', '=', asOf).limit(1).executeTakeFirst();
  return row !== undefined;
}
