import type { Insertable, Kysely } from 'kysely';
import type { Database, ItemEvidenceTable } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

export async function insertEvidence(q: Q, row: Insertable<ItemEvidenceTable>): Promise<number> {
  const inserted = await q.insertInto('item_evidence').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Whether the item already has this very file (by its SHA-256) as evidence of this kind. */
export async function hasSameEvidence(q: Q, itemNo: string, kind: string, sha256: string): Promise<boolean> {
  const row = await q
    .selectFrom('item_evidence')
    .select('id')
    .where('item_no', '=', itemNo)
    .where('kind', '=', kind)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row !== undefined;
}

export async function evidenceOf(q: Q, itemNo: string) {
  const rows = await q
    .selectFrom('item_evidence')
    .selectAll()
    .where('item_no', '=', itemNo)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function findEvidence(q: Q, itemNo: string, id: number) {
  const row = await q
    .selectFrom('item_evidence')
    .selectAll()
    .where('item_no', '=', itemNo)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { ...row, id: Number(row.id) };
}

export async function evidenceKindsOf(q: Q, itemNo: string): Promise<string[]> {
  const rows = await q.selectFrom('item_evidence').select('kind').distinct().where('item_no', '=', itemNo).execute();
  return rows.map((r) => r.kind);
}

/** One page of evidence rows after `afterId`, for key rotation. */
export async function pageOfEvidence(q: Q, afterId: number, limit: number) {
  const rows = await q
    .selectFrom('item_evidence')
    .select(['id', 'item_no', 'stored_name'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
