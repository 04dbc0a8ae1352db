import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createAuditWriter } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { Deps } from '../../platform/context.js';
import { fromPortable, type PortableKeyring } from '../../platform/crypto/keyring.js';
import { createSealer } from '../../platform/crypto/sealer.js';
import { openDatabase } from '../../platform/db/database.js';
import { isAppError } from '../../platform/errors.js';
import { createLogger } from '../../platform/logging.js';
import { scanBook } from './scan.service.js';
import type { ScanRequest, ScanSummary } from './scan-runner.js';

/**
 * The scan in its own thread, on its own connection to the same store, so the API's event loop
 * keeps answering while it runs (SQLite in WAL mode: the API reads and writes beside it).
 */
export interface ScanWorkerData {
  config: Config;
  keyring: PortableKeyring;
  /** The caller's clock at the start; the worker's clock runs on from it. */
  now: string;
  request: ScanRequest;
}

export type ScanWorkerReply =
  | { ok: true; summary: ScanSummary }
  | {
      ok: false;
      error: { kind?: string; zh?: string; en?: string; details?: string[]; message: string; code?: string };
    };

/**
 * The scan can wait (T+1); a core system at the gate cannot. When the cores are all busy, Linux
 * gives this thread's time to the API's: nice 10 on this thread alone (Linux sets a thread's
 * priority by its id). Elsewhere the scan runs at normal priority.
 */
function yieldToTheApi(): void {
  try {
    const threadId = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId)) os.setPriority(threadId, 10);
  } catch {
    // Not Linux, or not allowed: normal priority.
  }
}

yieldToTheApi();
const data = workerData as ScanWorkerData;
const reply = (message: ScanWorkerReply) => parentPort?.postMessage(message);

const startMs = Date.parse(data.now);
const startedLocally = performance.now();
const clock: Clock = { now: () => new Date(startMs + (performance.now() - startedLocally)) };
const keyring = fromPortable(data.keyring);
const db = openDatabase(data.config);
const deps: Deps = {
  config: data.config,
  db,
  keyring,
  sealer: createSealer(keyring),
  clock,
  logger: createLogger(data.config.logLevel),
  audit: createAuditWriter({ indexKey: keyring.indexKey, dialect: db.dialect, clock }),
};

try {
  const result = await scanBook(deps, data.request);
  reply({
    ok: true,
    summary: {
      asOf: result.asOf,
      mode: result.mode,
      applications: result.applications,
      itemsRaised: result.items.length,
      summary: result.summary,
      deadlineWarnings: result.deadlineWarnings,
      seconds: Math.round((performance.now() - startedLocally) / 100) / 10,
    },
  });
} catch (error) {
  const e = error as { message?: string; code?: unknown };
  reply({
    ok: false,
    error: isAppError(error)
      ? { kind: error.kind, zh: error.zh, en: error.en, details: [...error.details], message: error.message }
      : { message: String(e?.message ?? error), code: typeof e?.code === 'string' ? e.code : undefined },
  });
} finally {
  await db.close();
}
