import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createAuditWriter } from '../src/platform/audit/audit.js';
import { type Clock, fixedClock } from '../src/platform/clock.js';
import type { Config } from '../src/platform/config.js';
import type { Deps } from '../src/platform/context.js';
import { ephemeralKeyring } from '../src/platform/crypto/keyring.js';
import { createSealer } from '../src/platform/crypto/sealer.js';
import { type DialectName, openPostgres, openSqlite, type SqliteOptions } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/logging.js';

/**
 * One test body, every dialect (after Kysely's own suite): SQLite always; PostgreSQL when
 * TEST_DIALECTS names it (CI), on a fresh database per test store.
 */
export const DIALECTS: DialectName[] = (process.env.TEST_DIALECTS ?? 'sqlite')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is DialectName => d === 'sqlite' || d === 'postgres');

const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore extends Deps {
  dir: string;
  destroy(): Promise<void>;
}

export function tempDir(prefix = 'veracity-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function createTestStore(
  dialect: DialectName,
  options: { clock?: Clock; sqlite?: SqliteOptions } = {},
): Promise<TestStore> {
  const dir = tempDir();
  const keyring = ephemeralKeyring();
  let db: ReturnType<typeof openSqlite>;
  let dropDatabase: (() => Promise<void>) | undefined;
  // What a worker thread (the scan's) opens on its own: the same database as the test's.
  let databaseUrl: string | undefined;
  if (dialect === 'sqlite') {
    db = openSqlite(path.join(dir, 'veracity.db'), options.sqlite);
  } else {
    const name = `veracity_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    db = openPostgres(databaseUrl);
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  await migrateToLatest(db);
  const config: Config = {
    dataDir: dir,
    databaseUrl,
    keyFile: path.join(dir, 'keys.json'),
    keysJson: undefined,
    logLevel: 'silent',
    server: {
      host: '127.0.0.1',
      port: 0,
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      secureCookies: false,
      trustProxy: false,
      scanAt: 'off',
    },
    mail: { smtpUrl: undefined, from: undefined, publicUrl: 'http://console.test' },
  };
  const clock = options.clock ?? fixedClock('2026-12-03T09:00:00+08:00');
  return {
    dir,
    config,
    db,
    keyring,
    sealer: createSealer(keyring),
    clock,
    logger: createLogger('silent'),
    audit: createAuditWriter({ indexKey: keyring.indexKey, dialect: db.dialect, clock }),
    async destroy() {
      await db.close();
      await dropDatabase?.();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function writeJsonl(dir: string, name: string, records: unknown[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return file;
}
