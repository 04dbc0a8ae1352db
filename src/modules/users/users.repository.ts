import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, SessionTable, UserTable } from '../../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;
export type UserRow = Selectable<UserTable>;

export async function findUserByName(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Executor, row: Insertable<UserTable>): Promise<number> {
  const inserted = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function updateUser(
  db: Executor,
  id: number,
  changes: Partial<Pick<UserTable, 'status' | 'password_hash' | 'updated_at'> & { email: string | null }>,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function listUsers(db: Executor): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSession(db: Executor, row: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findLiveSession(
  db: Executor,
  id: string,
): Promise<(SessionTable & { user: UserRow }) | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.username',
      'users.display_name',
      'users.role',
      'users.scope',
      'users.password_hash',
      'users.status',
      'users.created_at',
      'users.updated_at',
      'users.email',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.session_id,
    user_id: row.user_id,
    csrf_token: row.csrf_token,
    created_at: row.session_created_at,
    last_seen_at: row.last_seen_at,
    expires_at: row.expires_at,
    revoked_at: row.revoked_at,
    user: {
      id: row.user_id,
      username: row.username,
      display_name: row.display_name,
      role: row.role,
      scope: row.scope,
      password_hash: row.password_hash,
      status: row.status,
      created_at: row.created_at,
      updated_at: row.updated_at,
      email: row.email,
    },
  };
}

export async function touchSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(db: Executor, id: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeSessionsOf(db: Executor, userId: number, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function findThrottle(db: Executor, key: string) {
  return db.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveThrottle(
  db: Executor,
  row: { key: string; failures: number; locked_until: string | null; last_failure_at: string },
): Promise<void> {
  await db
    .insertInto('sign_in_throttle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        locked_until: row.locked_until,
        last_failure_at: row.last_failure_at,
      }),
    )
    .execute();
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
