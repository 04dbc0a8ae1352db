import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { DialectName } from '../db/database.js';
import type { AuditEventTable, Database } from '../db/schema.js';
import * as repo from './audit.repository.js';
import { type ChainedFields, chainKeyFrom, GENESIS_HASH, linkHash } from './audit-chain.js';
import type { AuditContext, AuditEvent } from './audit-events.js';

export interface AuditWriter {
  /** Appends events inside the caller's transaction: the change and its events commit together. */
  append(trx: Transaction<Database>, context: AuditContext, events: readonly AuditEvent[]): Promise<void>;
  /** The same for several callers' events at once (a group commit): one link of the chain each. */
  appendEach(
    trx: Transaction<Database>,
    entries: ReadonlyArray<{ context: AuditContext; events: readonly AuditEvent[] }>,
  ): Promise<void>;
}

export function createAuditWriter(options: { indexKey: Buffer; dialect: DialectName; clock: Clock }): AuditWriter {
  const key = chainKeyFrom(options.indexKey);
  const appendEach: AuditWriter['appendEach'] = async (trx, entries) => {
    if (entries.every((e) => e.events.length === 0)) return;
    await repo.lockChain(trx, options.dialect);
    const tail = await repo.chainTail(trx);
    let seq = tail?.seq ?? 0;
    let prev = tail?.hash ?? GENESIS_HASH;
    const at = options.clock.now().toISOString();
    const rows: AuditEventTable[] = entries.flatMap(({ context, events }) =>
      events.map((event) => {
        seq += 1;
        const fields: ChainedFields = {
          seq,
          at,
          type: event.type,
          actor_kind: context.actor.kind,
          actor: context.actor.name,
          request_id: context.requestId ?? null,
          ip: context.ip ?? null,
          object_type: event.objectType,
          object_id: event.objectId,
          data: JSON.stringify(event.data),
        };
        const hash = linkHash(key, prev, fields);
        const row = { ...fields, prev_hash: prev, hash };
        prev = hash;
        return row;
      }),
    );
    await repo.insertEvents(trx, rows);
  };
  return {
    append: (trx, context, events) => appendEach(trx, [{ context, events }]),
    appendEach,
  };
}

export interface ChainReport {
  ok: boolean;
  events: number;
  /** The first event whose link does not hold, and why. */
  brokenAt?: { seq: number; reason: 'edited' | 'missing' };
  headHash: string;
}

/**
 * Recomputes the chain from the first event (P1.3). An edited event fails its own hash; a deleted
 * one leaves a gap in `seq` and a `prev_hash` that points at nothing.
 */
export async function verifyAuditChain(db: Kysely<Database>, indexKey: Buffer): Promise<ChainReport> {
  const key = chainKeyFrom(indexKey);
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let events = 0;
  for (let after = 0; ; ) {
    const rows = await repo.eventsAfter(db, after, 5000);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { ok: false, events, brokenAt: { seq: expectedSeq, reason: 'missing' }, headHash: prev };
      }
      if (row.prev_hash !== prev || linkHash(key, prev, row) !== row.hash) {
        return { ok: false, events, brokenAt: { seq: row.seq, reason: 'edited' }, headHash: prev };
      }
      prev = row.hash;
      expectedSeq += 1;
      events += 1;
    }
    if (rows.length < 5000) break;
    after = rows[rows.length - 1]?.seq ?? after;
  }
  return { ok: true, events, headHash: prev };
}
