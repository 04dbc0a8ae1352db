import type { Kysely } from 'kysely';
import { chunkValues } from '../../platform/db/chunks.js';
import type { Database } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

export async function listCoolingOff(q: Q): Promise<Array<{ productCode: string; days: number; version: number }>> {
  const rows = await q.selectFrom('product_terms').selectAll().orderBy('product_code').execute();
  return rows.map((r) => ({ productCode: r.product_code, days: r.cooling_off_days, version: r.version }));
}

export async function coolingOffOf(q: Q, productCodes: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const chunk of chunkValues(productCodes)) {
    const rows = await q
      .selectFrom('product_terms')
      .select(['product_code', 'cooling_off_days'])
      .where('product_code', 'in', chunk)
      .execute();
    for (const r of rows) out.set(r.product_code, r.cooling_off_days);
  }
  return out;
}

/** Sets the period; the previous one stays in the history. Returns the new version. */
export async function saveCoolingOff(q: Q, productCode: string, days: number, now: string): Promise<number> {
  const current = await q
    .selectFrom('product_terms')
    .select(['version', 'cooling_off_days'])
    .where('product_code', '=', productCode)
    .executeTakeFirst();
  if (current?.cooling_off_days === days) return current.version;
  const version = (current?.version ?? 0) + 1;
  await q
    .insertInto('product_terms')
    .values({ product_code: productCode, cooling_off_days: days, version, updated_at: now })
    .onConflict((oc) => oc.column('product_code').doUpdateSet({ cooling_off_days: days, version, updated_at: now }))
    .execute();
  await q
    .insertInto('product_term_versions')
    .values({ product_code: productCode, version, cooling_off_days: days, recorded_at: now })
    .execute();
  return version;
}
