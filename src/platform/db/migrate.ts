import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { AppError } from '../errors.js';
import type { Db, DialectName } from './database.js';
import * as foundation from './migrations/0001-foundation.js';
import * as complaints from './migrations/0002-complaints.js';
import * as calendar from './migrations/0003-calendar.js';
import * as scan from './migrations/0004-scan.js';
import * as products from './migrations/0005-products.js';
import * as access from './migrations/0006-access.js';
import * as cases from './migrations/0007-cases.js';

type DialectMigration = { up(db: Kysely<unknown>, dialect: DialectName): Promise<void> };

/** In code, not read from a folder: the built CLI and the tests see the same list. */
const MIGRATIONS: Record<string, DialectMigration> = {
  '0001-foundation': foundation,
  '0002-complaints': complaints,
  '0003-calendar': calendar,
  '0004-scan': scan,
  '0005-products': products,
  '0006-access': access,
  '0007-cases': cases,
};

class InCodeProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, this.dialect) }]),
    );
  }
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db: db.kysely, provider: new InCodeProvider(db.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError(
      'INTERNAL',
      { zh: `数据库迁移失败：${failed}`, en: `database migration failed: ${failed}` },
      { cause: error },
    );
  }
}
