import { type Kysely, sql, type Transaction } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { AuditEventTable, Database } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Serialises appends on PostgreSQL so two transactions never chain onto the same tail. SQLite
 * has one writer already.
 */
export async function lockChain(trx: Executor, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7031100)`.execute(trx);
}

export async function chainTail(trx: Executor): Promise<{ seq: number; hash: string } | undefined> {
  return trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertEvents(trx: Executor, rows: AuditEventTable[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('audit_events').values(rows).execute();
}

export async function eventsAfter(db: Executor, seq: number, limit: number): Promise<AuditEventTable[]> {
  return db.selectFrom('audit_events').selectAll().where('seq', '>', seq).orderBy('seq').limit(limit).execute();
}

export interface AuditQuery {
  type?: string;
  actor?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

export async function listEvents(
  db: Executor,
  query: AuditQuery,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditEventTable[]; total: number }> {
  let q = db.selectFrom('audit_events');
  if (query.type) q = q.where('type', '=', query.type);
  if (query.actor) q = q.where('actor', '=', query.actor);
  if (query.objectType) q = q.where('object_type', '=', query.objectType);
  if (query.objectId) q = q.where('object_id', '=', query.objectId);
  if (query.from) q = q.where('at', '>=', query.from);
  if (query.to) q = q.where('at', '<', query.to);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('seq', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
