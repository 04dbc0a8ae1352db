import type { Insertable, Kysely, Selectable } from 'kysely';
import { chunkRows } from '../../platform/db/chunks.js';
import type { Database, MailOutboxTable } from '../../platform/db/schema.js';

type Q = Kysely<Database>;
export type OutboxRow = Selectable<MailOutboxTable>;
export type NewMail = Pick<Insertable<MailOutboxTable>, 'kind' | 'dedupe_key' | 'to_address' | 'subject' | 'body'>;

/** Queues mail; a dedupe key already in the outbox is kept as it is (a re-run sends nothing twice). */
export async function queueMail(q: Q, mails: readonly NewMail[], now: string): Promise<void> {
  const rows = mails.map((m) => ({
    ...m,
    created_at: now,
    sent_at: null,
    attempts: 0,
    last_error: null,
    next_attempt_at: now,
  }));
  for (const chunk of chunkRows(rows)) {
    await q
      .insertInto('mail_outbox')
      .values(chunk)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}

/** Unsent mail whose next attempt is due, oldest first. */
export async function dueMail(q: Q, now: string, limit: number): Promise<OutboxRow[]> {
  return q
    .selectFrom('mail_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Takes a mail for one attempt: moves its next attempt past the lease and counts the attempt, only
 * if no other sender took it since it was read (several processes on one PostgreSQL store).
 */
export async function claimMail(q: Q, row: OutboxRow, leaseUntil: string): Promise<boolean> {
  const result = await q
    .updateTable('mail_outbox')
    .set({ next_attempt_at: leaseUntil, attempts: row.attempts + 1 })
    .where('id', '=', row.id)
    .where('attempts', '=', row.attempts)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markSent(q: Q, id: number, at: string): Promise<void> {
  await q
    .updateTable('mail_outbox')
    .set({ sent_at: at, next_attempt_at: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(q: Q, id: number, error: string, nextAttemptAt: string | null): Promise<void> {
  await q
    .updateTable('mail_outbox')
    .set({ last_error: error.slice(0, 500), next_attempt_at: nextAttemptAt })
    .where('id', '=', id)
    .execute();
}

export async function countUnsent(q: Q): Promise<number> {
  const row = await q
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('sent_at', 'is', null)
    .where('next_attempt_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
