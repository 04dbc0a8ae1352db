import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './notifications.repository.js';

/** What the console's bell shows: never a personal value (`data` holds codes, numbers and days). */
export interface Notification {
  id: number;
  kind: string;
  itemNo: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

function toNotification(row: repo.NotificationRow): Notification {
  return {
    id: Number(row.id),
    kind: row.kind,
    itemNo: row.item_no,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** The caller's own notifications, newest first, and how many are unread. */
export async function listNotifications(
  deps: Deps,
  userId: number,
  options: { limit: number; offset: number; unread?: boolean },
): Promise<{ notifications: Notification[]; unread: number }> {
  const q = deps.db.kysely;
  const [rows, unread] = await Promise.all([
    repo.notificationsOf(q, userId, options, options.unread ?? false),
    repo.countUnread(q, userId),
  ]);
  return { notifications: rows.map(toNotification), unread };
}

/** Marks one of the caller's own notifications read; someone else's does not exist for them. */
export async function readNotification(deps: Deps, userId: number, id: number): Promise<Notification> {
  const q = deps.db.kysely;
  const row = await repo.findOwn(q, userId, id);
  if (!row) {
    throw new AppError('NOT_FOUND', { zh: `通知 ${id} 不存在`, en: `notification ${id} does not exist` });
  }
  if (row.read_at === null) await repo.markRead(q, userId, id, deps.clock.now().toISOString());
  return toNotification((await repo.findOwn(q, userId, id)) ?? row);
}
