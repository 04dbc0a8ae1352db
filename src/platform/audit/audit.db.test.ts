import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { verifyAuditChain } from './audit.js';
import { type AuditEvent, SYSTEM_CONTEXT } from './audit-events.js';

const viewed = (id: string): AuditEvent => ({
  type: 'customer.viewed',
  objectType: 'customer',
  objectId: id,
  data: {},
});

/** A DBA with rights to drop the guard can still edit rows: the chain is what tells. */
async function dropGuards(store: TestStore): Promise<void> {
  if (store.db.dialect === 'postgres') {
    await sql`drop trigger audit_events_no_change on audit_events`.execute(store.db.kysely);
  } else {
    await sql`drop trigger audit_events_no_update`.execute(store.db.kysely);
    await sql`drop trigger audit_events_no_delete`.execute(store.db.kysely);
  }
}

describe.each(DIALECTS)('the audit trail on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    for (let i = 1; i <= 5; i++) {
      await store.db.kysely
        .transaction()
        .execute((trx) => store.audit.append(trx, SYSTEM_CONTEXT, [viewed(String(i))]));
    }
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('chains each event to the one before it and verifies end to end', async () => {
    const report = await verifyAuditChain(store.db.kysely, store.keyring.indexKey);
    expect(report).toMatchObject({ ok: true, events: 5 });
    const rows = await store.db.kysely.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(report.headHash).toBe(rows[4]?.hash);
  });

  it('refuses updates and deletes on the table itself', async () => {
    await expect(
      store.db.kysely.updateTable('audit_events').set({ actor: 'someone' }).where('seq', '=', 2).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(store.db.kysely.deleteFrom('audit_events').where('seq', '=', 2).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('names the first edited event', async () => {
    await dropGuards(store);
    await store.db.kysely.updateTable('audit_events').set({ object_id: '99' }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(store.db.kysely, store.keyring.indexKey)).toMatchObject({
      ok: false,
      events: 2,
      brokenAt: { seq: 3, reason: 'edited' },
    });
  });

  it('names a deleted event', async () => {
    await dropGuards(store);
    await store.db.kysely.deleteFrom('audit_events').where('seq', '=', 2).execute();
    expect(await verifyAuditChain(store.db.kysely, store.keyring.indexKey)).toMatchObject({
      ok: false,
      events: 1,
      brokenAt: { seq: 2, reason: 'missing' },
    });
  });

  it('cannot be re-chained after an edit without the key', async () => {
    await dropGuards(store);
    // Someone recomputes plain SHA-256 hashes over the edited rows: the keyed check still fails.
    const { createHash } = await import('node:crypto');
    await store.db.kysely
      .updateTable('audit_events')
      .set({ data: '{"forged":true}', hash: createHash('sha256').update('forged').digest('hex') })
      .where('seq', '=', 5)
      .execute();
    expect((await verifyAuditChain(store.db.kysely, store.keyring.indexKey)).brokenAt).toEqual({
      seq: 5,
      reason: 'edited',
    });
  });

  it('keeps concurrent appends in one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.db.kysely.transaction().execute((trx) => store.audit.append(trx, SYSTEM_CONTEXT, [viewed(`c${i}`)])),
      ),
    );
    expect(await verifyAuditChain(store.db.kysely, store.keyring.indexKey)).toMatchObject({ ok: true, events: 25 });
  });
});
