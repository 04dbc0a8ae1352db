import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The complaints register (INTERCHANGE §2a, P5.14). In the clear only what the two-in-a-year rule
 * and the lists need; the whole record, whose summary is free text that may name people, is sealed.
 * Each version is kept in complaint_versions, as for agents.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const binary = dialect === 'postgres' ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('complaints')
    .addColumn('complaint_no', 'text', (c) => c.primaryKey())
    .addColumn('agent_code', 'text', (c) => c.notNull())
    .addColumn('policy_no', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('verified_on', 'text')
    .addColumn('content_digest', 'text', (c) => c.notNull())
    .addColumn('sealed', binary, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // P5.14: verified misleading-sales complaints by verification day, the seller read from the index.
  await db.schema
    .createIndex('complaints_recheck')
    .on('complaints')
    .columns(['kind', 'verified', 'verified_on', 'agent_code'])
    .execute();

  await db.schema
    .createTable('complaint_versions')
    .addColumn('complaint_no', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_digest', 'text', (c) => c.notNull())
    .addColumn('sealed', binary, (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('complaint_versions_pk', ['complaint_no', 'version'])
    .execute();
}
