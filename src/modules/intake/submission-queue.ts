import type { AuditContext, AuditEvent } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { isStoreBusy } from '../../platform/db/database.js';
import type { PreparedSubmission } from './prepared.js';
import { type StoredOutcome, storeBatch } from './store-batch.js';

/**
 * Group commit for the real-time gate. Each commit waits for the disk (`synchronous=FULL`), so
 * one transaction per request caps a core system at a few hundred submissions a second. Requests
 * that arrive while a commit is under way wait for the next one and share it: one transaction,
 * one disk wait, and each query over many rows instead of one, with each request's audit events
 * under its own context. When idle, a request waits only for the end of the current turn of the
 * event loop; under load the groups grow by themselves.
 */
const MAX_GROUP = 500;

interface Waiting {
  prepared: readonly PreparedSubmission[];
  context: AuditContext;
  resolve(outcomes: StoredOutcome[]): void;
  reject(error: unknown): void;
}

interface Queue {
  waiting: Waiting[];
  flushing: boolean;
}

const queues = new WeakMap<Deps, Queue>();

/** Stores one request's gated submissions, with one `application.submitted` event per stored one. */
export function storeSubmitted(
  deps: Deps,
  prepared: readonly PreparedSubmission[],
  context: AuditContext,
): Promise<StoredOutcome[]> {
  let queue = queues.get(deps);
  if (!queue) {
    queue = { waiting: [], flushing: false };
    queues.set(deps, queue);
  }
  const promise = new Promise<StoredOutcome[]>((resolve, reject) => {
    queue.waiting.push({ prepared, context, resolve, reject });
  });
  if (!queue.flushing) {
    queue.flushing = true;
    // After this turn of the event loop: requests read in the same turn join this commit. (On
    // SQLite a transaction never yields to I/O, so none could join while it runs.)
    setImmediate(() => void flush(deps, queue));
  }
  return promise;
}

async function flush(deps: Deps, queue: Queue): Promise<void> {
  try {
    while (queue.waiting.length > 0) {
      const group = takeGroup(queue);
      try {
        settle(group, await storeWaitingForLock(deps, group));
      } catch (error) {
        // One request's failure must not sink the others: store each on its own.
        if (group.length === 1) group[0]?.reject(error);
        else for (const waiting of group) await storeAlone(deps, waiting);
      }
    }
  } finally {
    queue.flushing = false;
  }
}

function takeGroup(queue: Queue): Waiting[] {
  const group: Waiting[] = [];
  let size = 0;
  while (
    queue.waiting.length > 0 &&
    (group.length === 0 || size + (queue.waiting[0]?.prepared.length ?? 0) <= MAX_GROUP)
  ) {
    const next = queue.waiting.shift() as Waiting;
    size += next.prepared.length;
    group.push(next);
  }
  return group;
}

/**
 * SQLite has one writer: while a scan holds the write lock (its last try takes it first), the
 * busy timeout can run out. The submissions then wait on, up to LOCK_PATIENCE_MS, rather than fail.
 */
const LOCK_PATIENCE_MS = 60_000;

async function storeWaitingForLock(deps: Deps, group: Waiting[]): Promise<StoredOutcome[]> {
  const giveUpAt = performance.now() + LOCK_PATIENCE_MS;
  for (;;) {
    try {
      return await storeGroup(deps, group);
    } catch (error) {
      if (!isStoreBusy(error) || performance.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

async function storeAlone(deps: Deps, waiting: Waiting): Promise<void> {
  try {
    settle([waiting], await storeGroup(deps, [waiting]));
  } catch (error) {
    waiting.reject(error);
  }
}

function settle(group: Waiting[], outcomes: StoredOutcome[]): void {
  let at = 0;
  for (const waiting of group) {
    waiting.resolve(outcomes.slice(at, at + waiting.prepared.length));
    at += waiting.prepared.length;
  }
}

function storeGroup(deps: Deps, group: Waiting[]): Promise<StoredOutcome[]> {
  return storeBatch(
    deps.db,
    group.flatMap((w) => w.prepared),
    {
      batchId: null,
      fileDigest: null,
      source: 'api',
      receivedAt: deps.clock.now().toISOString(),
      onStored: (trx, outcomes) => {
        let at = 0;
        const entries = group.map((waiting) => {
          const mine = outcomes.slice(at, at + waiting.prepared.length);
          at += waiting.prepared.length;
          return { context: waiting.context, events: submittedEvents(waiting.prepared, mine) };
        });
        return deps.audit.appendEach(trx, entries);
      },
    },
  );
}

function submittedEvents(prepared: readonly PreparedSubmission[], outcomes: readonly StoredOutcome[]): AuditEvent[] {
  return outcomes.flatMap((o, i) => {
    const submission = prepared[i];
    if (!submission || o.status === 'unchanged') return [];
    return [
      {
        type: 'application.submitted' as const,
        objectType: 'application' as const,
        objectId: submission.outcome.policyNo ?? '',
        data: { status: o.status, errorCodes: [...new Set(submission.outcome.errors.map((e) => e.code))] },
      },
    ];
  });
}
