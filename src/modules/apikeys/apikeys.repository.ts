import type { Kysely, Transaction } from 'kysely';
import type { ApiKeyTable, Database } from '../../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;
export type ApiKeyRow = Omit<ApiKeyTable, 'id'> & { id: number };

export async function insertApiKey(db: Executor, row: Omit<ApiKeyTable, 'id'>): Promise<number> {
  const inserted = await db.insertInto('api_keys').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function findLiveKeyByHash(db: Executor, keyHash: string): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function findKey(db: Executor, id: number): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listKeys(db: Executor): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().orderBy('id').execute();
}

export async function revokeKey(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
}
