import type { Kysely, Selectable } from 'kysely';
import type { Database, NotificationTable } from '../../platform/db/schema.js';

type Q = Kysely<Database>;
export type NotificationRow = Selectable<NotificationTable>;

/** A user's own notifications, newest first. */
export async function notificationsOf(
  q: Q,
  userId: number,
  page: { limit: number; offset: number },
  unreadOnly: boolean,
): Promise<NotificationRow[]> {
  let query = q.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export async function countUnread(q: Q, userId: number): Promise<number> {
  const row = await q
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One of the user's own notifications: another user's reads as not there. */
export async function findOwn(q: Q, userId: number, id: number): Promise<NotificationRow | undefined> {
  return q
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function markRead(q: Q, userId: number, id: number, at: string): Promise<void> {
  await q
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}
