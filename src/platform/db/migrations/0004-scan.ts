import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The T+1 scan (P5.7, P5.11, P5.14): which applications it has taken in, the links it found
 * (one per shared value), the problem items with their history, and its runs.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const id = dialect === 'postgres' ? sql`bigserial` : sql`integer`;
  const autoIncrement = dialect === 'sqlite';

  await db.schema.alterTable('applications').addColumn('scanned_on', 'text').execute();
  // Only what is waiting for the scan: small, whatever the size of the book.
  await db.schema
    .createIndex('applications_waiting_for_scan')
    .on('applications')
    .columns(['applied_on'])
    .where(sql.ref('scanned_on'), 'is', null)
    .execute();
  await db.schema.createIndex('applications_agent').on('applications').columns(['agent_code']).execute();
  await db.schema.createIndex('applications_agency').on('applications').columns(['agency_code']).execute();
  await db.schema.alterTable('agents').addColumn('id_bidx', 'bigint').execute();

  await db.schema
    .createTable('links')
    .addColumn('link_id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('cleared_members', 'text')
    .addColumn('first_detected_on', 'text', (c) => c.notNull())
    .addColumn('last_detected_on', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('problem_items')
    .addColumn('item_no', 'text', (c) => c.primaryKey())
    .addColumn('policy_no', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('related_policy_nos', 'text', (c) => c.notNull())
    .addColumn('detected_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('cooling_off_ends_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('deadline_warnings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('problem_items_clue', ['policy_no', 'rule', 'link_id'])
    .execute();
  await db.schema.createIndex('problem_items_link').on('problem_items').columns(['link_id']).execute();
  await db.schema.createIndex('problem_items_detected').on('problem_items').columns(['detected_on']).execute();

  await db.schema
    .createTable('problem_item_history')
    .addColumn('id', id, (c) => (autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('item_no', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('problem_item_history_item').on('problem_item_history').columns(['item_no']).execute();

  await db.schema
    .createTable('scan_runs')
    .addColumn('id', id, (c) => (autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('applications', 'integer', (c) => c.notNull())
    .addColumn('items_raised', 'integer', (c) => c.notNull())
    .execute();
}
