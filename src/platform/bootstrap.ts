import { createAuditWriter } from './audit/audit.js';
import { type Clock, systemClock } from './clock.js';
import { loadConfig } from './config.js';
import type { Deps } from './context.js';
import { loadKeyring } from './crypto/keyring.js';
import { createSealer } from './crypto/sealer.js';
import { openDatabase, SERVER_BUSY_TIMEOUT_MS } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createLogger } from './logging.js';

/** Config → keys → store (migrated) → the dependencies every service takes; `server` for `veracity serve`. */
export async function bootstrap(
  options: { dataDir?: string; host?: string; port?: number; clock?: Clock; server?: boolean } = {},
): Promise<Deps> {
  const config = loadConfig(options);
  const logger = createLogger(config.logLevel);
  const keyring = loadKeyring(config);
  const db = openDatabase(config, options.server ? { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS } : {});
  await migrateToLatest(db);
  const clock = options.clock ?? systemClock;
  const audit = createAuditWriter({ indexKey: keyring.indexKey, dialect: db.dialect, clock });
  return { config, db, keyring, sealer: createSealer(keyring), clock, logger, audit };
}
