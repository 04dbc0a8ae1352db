import { Worker } from 'node:worker_threads';
import { type AuditContext, SYSTEM_CONTEXT } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { toPortable } from '../../platform/crypto/keyring.js';
import { isStoreBusy } from '../../platform/db/database.js';
import { AppError, ERROR_KINDS, type ErrorKind } from '../../platform/errors.js';
import type { DailyJob } from '../../platform/jobs/scheduler.js';
import type { ScanWorkerData, ScanWorkerReply } from './scan.worker.js';
import { scanRanOn } from './scan-runs.repository.js';

export interface ScanRequest {
  asOf: string;
  mode: 'daily' | 'full';
  /** Take the store's write lock from the start: the last try after losing to the API's writes. */
  writeLockFirst?: boolean;
}

/** What a scan answers through the API and the logs: counts, never the items themselves. */
export interface ScanSummary {
  asOf: string;
  mode: 'daily' | 'full';
  applications: number;
  itemsRaised: number;
  summary: { byRule: Record<string, number>; byChannel: Record<string, number>; byBranch: Record<string, number> };
  deadlineWarnings: string[];
  seconds: number;
}

/** Runs a scan somewhere other than the caller's event loop. */
export type ScanExecutor = (deps: Deps, request: ScanRequest) => Promise<ScanSummary>;

/** One scan at a time in this process, whoever asks: the schedule or a member of staff. */
export interface ScanRunner {
  /** Runs the scan and records who ran it (`scan.ran`); CONFLICT while another is running. */
  run(request: ScanRequest, context: AuditContext): Promise<ScanSummary>;
  readonly busy: boolean;
  /** Resolves once no scan is running. */
  idle(): Promise<void>;
}

export function createScanRunner(deps: Deps, execute: ScanExecutor = scanInWorker): ScanRunner {
  let current: Promise<unknown> | undefined;
  return {
    get busy() {
      return current !== undefined;
    },
    async run(request, context) {
      if (current) {
        throw new AppError('CONFLICT', {
          zh: '已有扫描正在进行，请待其结束后再试',
          en: 'a scan is already running; try again when it has finished',
        });
      }
      const work = (async () => {
        const summary = await execute(deps, request);
        // P1.3: who ran which scan. A separate transaction from the scan's own, which the worker commits.
        await deps.db.kysely.transaction().execute((trx) =>
          deps.audit.append(trx, context, [
            {
              type: 'scan.ran',
              objectType: 'scan',
              objectId: summary.asOf,
              data: { asOf: summary.asOf, mode: summary.mode, itemsRaised: summary.itemsRaised },
            },
          ]),
        );
        return summary;
      })();
      current = work.catch(() => undefined);
      try {
        return await work;
      } finally {
        current = undefined;
      }
    },
    async idle() {
      while (current) await current;
    },
  };
}

/** The scheduled daily scan (P5.7): the scan of each working day, as Veracity itself. */
export function dailyScanJob(deps: Deps, runner: ScanRunner): DailyJob {
  return {
    name: 'scan',
    at: deps.config.server.scanAt,
    doneOn: (day) => scanRanOn(deps.db.kysely, day),
    async run(day) {
      // A scan started from the API goes first; the day's own run follows it.
      await runner.idle();
      const summary = await runner.run({ asOf: day, mode: 'daily' }, SYSTEM_CONTEXT);
      // A day's intake and items change the tables' shape: the planner's statistics follow.
      await deps.db.optimize();
      deps.logger.info(
        { asOf: summary.asOf, applications: summary.applications, itemsRaised: summary.itemsRaised },
        'daily scan done',
      );
    },
  };
}

/**
 * SQLite (WAL) lets the scan read beside the API, but its transaction cannot start writing once
 * the API has committed since it began reading (SQLITE_BUSY_SNAPSHOT), nor wait more than the
 * busy timeout for the lock. Nothing was written then (the transaction rolled back): try again,
 * and the last time take the write lock first, so the scan is done by T+1 however busy the gate
 * is (the API's writes wait for it: group commit keeps them queued, not refused).
 */
const ATTEMPTS = 3;
const RETRY_AFTER_MS = [500, 2000];

/** The scan in a worker thread, tried again while it loses to the API's writes. */
export const scanInWorker: ScanExecutor = async (deps, request) => {
  for (let attempt = 1; ; attempt++) {
    const answer = await oneWorker(deps, { ...request, writeLockFirst: attempt === ATTEMPTS });
    if (answer.ok) return answer.summary;
    if (!isStoreBusy(answer.error) || attempt >= ATTEMPTS) throw errorFrom(answer.error);
    deps.logger.warn(
      { asOf: request.asOf, mode: request.mode, attempt, code: answer.error.code },
      'scan: store busy, retrying',
    );
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS[attempt - 1] ?? 2000));
  }
};

/**
 * A fresh worker per scan: it opens its own connection, and a full scan's memory (hundreds of MB
 * on a large book) goes back when it exits.
 */
function oneWorker(deps: Deps, request: ScanRequest): Promise<ScanWorkerReply> {
  const url = new URL(import.meta.url.endsWith('.ts') ? './scan.worker.ts' : './scan.worker.js', import.meta.url);
  const workerData: ScanWorkerData = {
    config: deps.config,
    keyring: toPortable(deps.keyring),
    now: deps.clock.now().toISOString(),
    request,
  };
  return new Promise((resolve, reject) => {
    // As in platform/workers/worker-pool.ts: source workers (tests, tsx) load through tsx.
    const worker = url.pathname.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true, workerData },
        )
      : new Worker(url, { workerData });
    let answer: ScanWorkerReply | undefined;
    let failure: unknown;
    worker.once('message', (message: ScanWorkerReply) => {
      answer = message;
    });
    worker.once('error', (error) => {
      failure = error;
    });
    worker.once('exit', (code) => {
      if (answer) resolve(answer);
      else {
        reject(
          new AppError(
            'INTERNAL',
            { zh: '扫描线程意外退出', en: `the scan worker stopped unexpectedly (exit code ${code})` },
            { cause: failure },
          ),
        );
      }
    });
  });
}

function errorFrom(error: Extract<ScanWorkerReply, { ok: false }>['error']): AppError {
  if (error.kind && error.kind in ERROR_KINDS) {
    return new AppError(
      error.kind as ErrorKind,
      { zh: error.zh ?? error.message, en: error.en ?? error.message },
      { details: error.details },
    );
  }
  return new AppError(
    'INTERNAL',
    { zh: '扫描失败', en: 'the scan failed' },
    { details: error.code ? [error.code] : [], cause: new Error(error.message) },
  );
}
