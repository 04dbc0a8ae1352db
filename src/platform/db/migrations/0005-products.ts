import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Per-product terms the rules need: the cooling-off period (犹豫期), with its history. */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('product_terms')
    .addColumn('product_code', 'text', (c) => c.primaryKey())
    .addColumn('cooling_off_days', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('product_term_versions')
    .addColumn('product_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('cooling_off_days', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_term_versions_pk', ['product_code', 'version'])
    .execute();
}
