import type { Logger } from 'pino';
import type { AuditWriter } from './audit/audit.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Keyring } from './crypto/keyring.js';
import type { Sealer } from './crypto/sealer.js';
import type { Db } from './db/database.js';

/** What services are given: the store, the keys, a clock, a logger and the audit trail. No DI framework. */
export interface Deps {
  config: Config;
  db: Db;
  keyring: Keyring;
  sealer: Sealer;
  clock: Clock;
  logger: Logger;
  audit: AuditWriter;
}
