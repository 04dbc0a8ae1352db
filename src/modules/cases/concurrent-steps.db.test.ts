import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextOf, FILES, itemOfPolicy, itemRow, makeStaff } from '../../../test/cases.js';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { loadSmallBook } from '../../../test/small-book.js';
import type { Staff } from './case-actor.js';
import { assignItem, distributeItems } from './distribution.service.js';
import { uploadEvidence } from './evidence.service.js';
import { recordWork, submitItem } from './investigation.service.js';
import { complianceAction, verifyItem } from './verification.service.js';

/**
 * The store, but `meanwhile` runs once just before the service opens its first transaction: what
 * someone else does between the service's read of the item and its step.
 */
function racedBy(store: TestStore, meanwhile: () => Promise<unknown>): TestStore {
  let pending: (() => Promise<unknown>) | undefined = meanwhile;
  const kysely = new Proxy(store.db.kysely, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== 'transaction') return typeof value === 'function' ? value.bind(target) : value;
      return () => {
        const builder = target.transaction();
        return {
          execute: async <T>(work: Parameters<typeof builder.execute<T>>[0]) => {
            const run = pending;
            pending = undefined;
            if (run) await run();
            return builder.execute(work);
          },
        };
      };
    },
  });
  return { ...store, db: { ...store.db, kysely } };
}

const historyOf = async (store: TestStore, itemNo: string) =>
  (
    await store.db.kysely
      .selectFrom('problem_item_history')
      .select(['action', 'actor'])
      .where('item_no', '=', itemNo)
      .orderBy('id')
      .execute()
  ).map((h) => `${h.action}:${h.actor}`);

// Two people acting on one item at once: only one of them succeeds (P5.13).
describe.each(DIALECTS)('steps racing on one item on %s', (dialect) => {
  let store: TestStore;
  let kefu: Staff;
  let gz: Staff;
  let gd: Staff;
  let hegui: Staff;
  let p1: string;
  let p2: string;
  const legitimate = { resolution: 'legitimate', legitimateReason: 'family', note: '一家人' } as const;
  const prepareSubmission = async (itemNo: string) => {
    for (const kind of ['investigation_report', 'customer_confirmation'] as const) {
      await uploadEvidence(store, gz, contextOf(gz), itemNo, { kind, fileName: `${kind}.pdf`, content: FILES.pdf });
    }
  };

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await loadSmallBook(store);
    kefu = await makeStaff(store, 'kefu', 'customer_service');
    gz = await makeStaff(store, 'gz', 'channel_back_office', ['channel:agent', 'branch:GD-GZ']);
    gd = await makeStaff(store, 'gd', 'channel_back_office', ['branch:GD']);
    hegui = await makeStaff(store, 'hegui', 'compliance');
    p1 = await itemOfPolicy(store, 'P1');
    p2 = await itemOfPolicy(store, 'P2');
    // Both to gz (the lower id of the two covering GD-GZ).
    await distributeItems(store, kefu, contextOf(kefu), [p1]);
  });
  afterEach(async () => {
    await store.destroy();
  });

  const reassign = (itemNo: string, to: Staff) => () =>
    assignItem(store, kefu, contextOf(kefu), itemNo, { assigneeId: to.userId as number, reason: '休假' });
  const evidenceFiles = () => fs.readdirSync(path.join(store.dir, 'evidence'));

  it('refuses the old assignee’s step once the item was re-assigned meanwhile', async () => {
    // gz read the item as theirs; customer service gives it to gd before gz's note is stored.
    await expect(
      recordWork(racedBy(store, reassign(p1, gd)), gz, contextOf(gz), p1, { kind: 'call', note: '致电客户' }),
    ).rejects.toMatchObject({ kind: 'CONFLICT', zh: expect.stringContaining(p1), en: expect.stringContaining(p1) });
    expect(await itemRow(store, p1)).toMatchObject({ status: 'distributed', assignee_id: gd.userId });
    expect(await historyOf(store, p1)).toEqual(['detected:scan', 'distributed:kefu', 'reassigned:kefu']);

    // The same for evidence: no row, and its file removed again.
    await reassign(p1, gz)();
    await prepareSubmission(p2);
    const files = evidenceFiles();
    await expect(
      uploadEvidence(racedBy(store, reassign(p1, gd)), gz, contextOf(gz), p1, {
        kind: 'other',
        fileName: 'x.pdf',
        content: FILES.png,
      }),
    ).rejects.toMatchObject({ kind: 'CONFLICT' });
    expect(await store.db.kysely.selectFrom('item_evidence').select('id').where('item_no', '=', p1).execute()).toEqual(
      [],
    );
    expect(evidenceFiles()).toEqual(files);

    // And for a submission.
    await expect(submitItem(racedBy(store, reassign(p2, gd)), gz, contextOf(gz), p2, legitimate)).rejects.toMatchObject(
      { kind: 'CONFLICT' },
    );
    expect(await itemRow(store, p2)).toMatchObject({
      status: 'investigating',
      assignee_id: gd.userId,
      resolution: null,
      investigator_id: null,
    });
  });

  it('refuses a compliance take-over decided before a re-assignment', async () => {
    await expect(
      complianceAction(racedBy(store, reassign(p1, gd)), hegui, contextOf(hegui), p1, {
        action: 'investigate',
        note: '接手',
      }),
    ).rejects.toMatchObject({ kind: 'CONFLICT' });
    expect(await itemRow(store, p1)).toMatchObject({ assignee_id: gd.userId, compliance_review: null });
  });

  it('stores one referral when two are sent at once', async () => {
    const other = await makeStaff(store, 'hegui2', 'compliance');
    const referBy = (staff: Staff) => () =>
      complianceAction(store, staff, contextOf(staff), p1, { action: 'referral', note: '提交合规委员会' });
    // hegui read the item unreferred; hegui2's referral lands first.
    await expect(
      complianceAction(racedBy(store, referBy(other)), hegui, contextOf(hegui), p1, {
        action: 'referral',
        note: '提交合规委员会',
      }),
    ).rejects.toMatchObject({ kind: 'CONFLICT' });
    expect((await itemRow(store, p1)).referred_on).toBe('2026-12-03');
    expect((await historyOf(store, p1)).filter((h) => h.startsWith('referral'))).toEqual(['referral:hegui2']);
  });

  it('clears the link when its last two items are accepted at once (INTERCHANGE §5)', async () => {
    for (const itemNo of [p1, p2]) {
      await prepareSubmission(itemNo);
      await submitItem(store, gz, contextOf(gz), itemNo, legitimate);
    }
    const { link_id: linkId } = await itemRow(store, p1);
    const linkStatus = async () =>
      (
        await store.db.kysely
          .selectFrom('links')
          .select('status')
          .where('link_id', '=', linkId)
          .executeTakeFirstOrThrow()
      ).status;
    let settled = 0;
    const accept = (itemNo: string) =>
      verifyItem(store, kefu, contextOf(kefu), itemNo, { decision: 'accept' }).finally(() => {
        settled += 1;
      });

    if (dialect === 'postgres') {
      // Hold the link's row, so both verifications close their item and then meet at it.
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = store.db.kysely.transaction().execute(async (trx) => {
        await trx.selectFrom('links').select('link_id').where('link_id', '=', linkId).forUpdate().execute();
        locked();
        await released;
      });
      await isLocked;
      const both = Promise.all([accept(p1), accept(p2)]);
      // Each is either done or waiting for a lock: then let them go.
      for (;;) {
        const { rows } = await sql<{ waiting: number | string }>`
          select count(*) as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(store.db.kysely);
        if (settled + Number(rows[0]?.waiting ?? 0) >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      release();
      await holder;
      await both;
    } else {
      await Promise.all([accept(p1), accept(p2)]);
    }
    expect((await itemRow(store, p1)).status).toBe('closed');
    expect((await itemRow(store, p2)).status).toBe('closed');
    expect(await linkStatus()).toBe('cleared');
  });
});
