import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Working the problem items (P5.13, P5.24): who has each item and since when, what was done,
 * the evidence, the verifier's decision, escalation of the overdue, the distribution rules, the
 * console's notifications, the e-mail outbox, and the console's file uploads (who sent the file,
 * and the lines too malformed to be a submission, so the rejections can be downloaded later).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const id = dialect === 'postgres' ? sql`bigserial` : sql`integer`;
  const autoIncrement = dialect === 'sqlite';
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  const primary = (c: import('kysely').ColumnDefinitionBuilder) =>
    autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey();

  for (const [name, type] of [
    ['assignee_id', 'integer'],
    ['distributed_on', 'text'],
    ['submitted_at', 'text'],
    ['investigator_id', 'integer'],
    ['resolution', 'text'],
    ['legitimate_reason', 'text'],
    ['verifier_id', 'integer'],
    ['closed_on', 'text'],
    ['escalated_on', 'text'],
    ['compliance_review', 'integer'],
    ['referred_on', 'text'],
  ] as const) {
    await db.schema.alterTable('problem_items').addColumn(name, type).execute();
  }
  await db.schema
    .createIndex('problem_items_status_due')
    .on('problem_items')
    .columns(['status', 'due_on', 'item_no'])
    .execute();
  // The list's default order (due day, then number): the first page is read off the index.
  await db.schema.createIndex('problem_items_due').on('problem_items').columns(['due_on', 'item_no']).execute();
  await db.schema.createIndex('problem_items_escalated').on('problem_items').columns(['escalated_on']).execute();
  await db.schema
    .createIndex('problem_items_assignee')
    .on('problem_items')
    .columns(['assignee_id', 'status'])
    .execute();
  await db.schema.createIndex('problem_items_policy').on('problem_items').columns(['policy_no', 'status']).execute();

  await db.schema.alterTable('problem_item_history').addColumn('actor_id', 'integer').execute();
  await db.schema.alterTable('problem_item_history').addColumn('detail_sealed', blob).execute();

  await db.schema.alterTable('users').addColumn('email', 'text').execute();

  await db.schema
    .createTable('distribution_rules')
    .addColumn('id', id, primary)
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('branch_prefix', 'text')
    .addColumn('agent_code', 'text')
    .addColumn('assignee_id', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('retired_by', 'text')
    .execute();

  await db.schema
    .createTable('item_evidence')
    .addColumn('id', id, primary)
    .addColumn('item_no', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('name_sealed', blob, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_id', 'integer')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_evidence_item').on('item_evidence').columns(['item_no']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', id, primary)
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_no', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addUniqueConstraint('notifications_once', ['user_id', 'kind', 'item_no'])
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at']).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', id, primary)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_unsent').on('mail_outbox').columns(['sent_at']).execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['next_attempt_at']).execute();

  await db.schema.alterTable('import_batches').addColumn('uploaded_by', 'text').execute();
  await db.schema
    .createTable('import_malformed')
    .addColumn('batch_id', 'integer', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('policy_no', 'text')
    .addPrimaryKeyConstraint('import_malformed_line', ['batch_id', 'line_no'])
    .execute();

  // The dashboard (P5.13): items cleared per day, and the gate's rejections of the last 30 days.
  await db.schema.createIndex('problem_items_closed').on('problem_items').columns(['closed_on']).execute();
  await db.schema.createIndex('submissions_received').on('submissions').columns(['received_at']).execute();
  // The console's per-record outcomes of an uploaded batch, in file order.
  await db.schema.createIndex('submissions_batch').on('submissions').columns(['batch_id', 'line_no']).execute();
}
