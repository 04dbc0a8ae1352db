import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Applications, customers, parties, contacts, agents, submissions and import batches (issue 2).
 * Every index here serves a query of this release; each index costs every imported row, so the
 * scan and the console add theirs with their queries.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const binary = dialect === 'postgres' ? sql`bytea` : sql`blob`;
  const id = dialect === 'postgres' ? sql`bigserial` : sql`integer`;
  const autoIncrement = dialect === 'sqlite';

  await db.schema
    .createTable('import_batches')
    .addColumn('id', id, (c) => (autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_digest', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lines_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('malformed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('submissions')
    .addColumn('id', id, (c) => (autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('policy_no', 'text', (c) => c.notNull())
    .addColumn('content_digest', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'bigint')
    .addColumn('line_no', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('error_codes', 'text', (c) => c.notNull())
    .addColumn('sealed', binary, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('submissions_policy').on('submissions').columns(['policy_no']).execute();

  await db.schema
    .createTable('applications')
    .addColumn('policy_no', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_submission_id', 'bigint', (c) => c.notNull())
    .addColumn('accepted_submission_id', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('agent_code', 'text')
    .addColumn('agency_code', 'text')
    .addColumn('branch_code', 'text')
    .addColumn('product_code', 'text')
    .addColumn('product_type', 'text')
    .addColumn('term_months', 'integer')
    .addColumn('applied_at', 'text')
    .addColumn('applied_on', 'text')
    .addColumn('receipt_signed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', id, (c) => (autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('id_type', 'text', (c) => c.notNull())
    .addColumn('id_bidx', 'bigint', (c) => c.notNull())
    .addColumn('data_digest', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submission_id', 'bigint', (c) => c.notNull())
    .addColumn('party_role', 'text', (c) => c.notNull())
    .addColumn('party_seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('customers_identity', ['id_bidx', 'id_type'])
    .execute();

  await db.schema
    .createTable('customer_versions')
    .addColumn('customer_id', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data_digest', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'bigint', (c) => c.notNull())
    .addColumn('party_role', 'text', (c) => c.notNull())
    .addColumn('party_seq', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_versions_pk', ['customer_id', 'version'])
    .execute();

  await db.schema
    .createTable('policy_parties')
    .addColumn('id', id, (c) => (autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('policy_no', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('customer_id', 'bigint')
    .addColumn('relation', 'text')
    .addColumn('share_pct', 'real')
    .addColumn('submission_id', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_parties_policy').on('policy_parties').columns(['policy_no']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('policy_no', 'text', (c) => c.notNull())
    .addColumn('party_role', 'text', (c) => c.notNull())
    .addColumn('party_seq', 'integer', (c) => c.notNull())
    .addColumn('customer_id', 'bigint')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('bidx', 'bigint', (c) => c.notNull())
    .execute();
  // Linkage looks values up by kind and blind index, and the full scan groups them with their holders.
  await db.schema.createIndex('contacts_value').on('contacts').columns(['kind', 'bidx', 'customer_id']).execute();
  await db.schema.createIndex('contacts_policy').on('contacts').columns(['policy_no']).execute();

  await db.schema
    .createTable('agents')
    .addColumn('agent_code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('agency_kind', 'text')
    .addColumn('branch_code', 'text')
    .addColumn('qualified_on', 'text')
    .addColumn('content_digest', 'text', (c) => c.notNull())
    .addColumn('sealed', binary, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agent_versions')
    .addColumn('agent_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_digest', 'text', (c) => c.notNull())
    .addColumn('sealed', binary, (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_versions_pk', ['agent_code', 'version'])
    .execute();

  await db.schema
    .createTable('agent_contacts')
    .addColumn('agent_code', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('bidx', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agent_contacts_value').on('agent_contacts').columns(['bidx', 'kind']).execute();
  await db.schema.createIndex('agent_contacts_agent').on('agent_contacts').columns(['agent_code']).execute();
}
