import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Where the embedded store lives (undefined on PostgreSQL). */
  file: string | undefined;
  /**
   * Runs a bulk load with commits that do not wait for the disk (SQLite `synchronous=NORMAL`,
   * still crash-safe in WAL mode). Only for work that is idempotent to re-run, like a file import:
   * what a power cut takes back, the same file puts back.
   */
  bulkLoad<T>(work: () => Promise<T>): Promise<T>;
  /**
   * A transaction that holds the write lock from its first statement (SQLite `BEGIN IMMEDIATE`):
   * it cannot lose to another writer halfway through (SQLITE_BUSY_SNAPSHOT); the others wait for
   * it instead. On PostgreSQL, an ordinary transaction.
   */
  writeLockedTransaction<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Refreshes the query planner's statistics where they have gone stale (SQLite `PRAGMA
   * optimize`; PostgreSQL's autovacuum does this itself). Without them SQLite guesses, and on a
   * large book picks a status index and a sort over the due-date index that stops after a page.
   */
  optimize(): Promise<void>;
  close(): Promise<void>;
}

/** Embedded SQLite (WAL, synchronous=FULL) by default; PostgreSQL when a URL is given. */
export function openDatabase(
  options: { dataDir: string; databaseUrl: string | undefined },
  sqlite: SqliteOptions = {},
): Db {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  fs.mkdirSync(options.dataDir, { recursive: true });
  return openSqlite(path.join(options.dataDir, 'veracity.db'), sqlite);
}

/** SQLite's one writer is taken (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, …): the work may be tried again. */
export function isStoreBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

export interface SqliteOptions {
  /**
   * How long a statement waits for another connection's write lock before SQLITE_BUSY. better-sqlite3
   * waits in the calling thread: in a worker or a CLI command a long wait is harmless, on the
   * server's event loop it stops every request, so the server keeps it short (`SERVER_BUSY_TIMEOUT_MS`).
   */
  busyTimeoutMs?: number;
}

/**
 * The server's event loop does not wait on the lock at all: a write that finds it taken is retried
 * asynchronously (the gate's submissions) or refused with 503 (submission-queue.ts, error-handler.ts).
 * Even 100 ms a try froze the loop for most of a scan's hold: submissions p50 4.4 s against 0.9 s.
 */
export const SERVER_BUSY_TIMEOUT_MS = 0;

export function openSqlite(file: string, options: SqliteOptions = {}): Db {
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // One writer at a time: the scan's last try holds the lock for its whole run (seconds on a large book).
  database.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 30_000}`);
  database.pragma('cache_size = -32768');
  // SQLite's advice for a long-lived connection: bounded analysis at open, `optimize` now and then.
  database.pragma('analysis_limit = 1000');
  database.pragma('optimize = 0x10002');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return {
    kysely,
    dialect: 'sqlite',
    file,
    async bulkLoad(work) {
      database.pragma('synchronous = NORMAL');
      try {
        return await work();
      } finally {
        database.pragma('synchronous = FULL');
      }
    },
    writeLockedTransaction: (work) =>
      kysely.connection().execute(async (connection) => {
        await sql`begin immediate`.execute(connection);
        try {
          const result = await work(connection);
          await sql`commit`.execute(connection);
          return result;
        } catch (error) {
          await sql`rollback`.execute(connection);
          throw error;
        }
      }),
    optimize: async () => {
      database.pragma('optimize');
    },
    close: async () => {
      database.pragma('optimize');
      await kysely.destroy();
    },
  };
}

/**
 * Kysely prepares every statement it runs; the import runs the same few statements thousands of
 * times. Keep the prepared ones (bounded), keyed by their SQL text.
 */
function withStatementCache(database: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (text: string) => {
        let statement = cache.get(text);
        if (!statement) {
          if (cache.size >= 200) cache.delete(cache.keys().next().value as string);
          statement = prepare(text);
          cache.set(text, statement);
        }
        return statement;
      };
    },
  });
}

// bigint (int8) blind indexes come back as strings; counts as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
});

export function openPostgres(connectionString: string): Db {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the server is replaced on next use; it must not end the process.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    file: undefined,
    bulkLoad: (work) => work(),
    writeLockedTransaction: (work) => kysely.transaction().execute(work),
    optimize: async () => {},
    close: () => kysely.destroy(),
  };
}
