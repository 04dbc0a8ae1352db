import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTypes, contextOf, itemOfPolicy, itemRow, makeStaff } from '../../../test/cases.js';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { loadSmallBook } from '../../../test/small-book.js';
import { fixedClock } from '../../platform/clock.js';
import { importApplications } from '../intake/intake.service.js';
import { type Staff, SYSTEM_STAFF } from './case-actor.js';
import { historyAad } from './case-steps.js';
import { acceptedRecordOf } from './cases.repository.js';
import { assignItem, distributeAllOpen, distributeItems } from './distribution.service.js';
import { getRules, listAssignees, replaceRules } from './distribution-rules.service.js';
import { complianceAction } from './verification.service.js';

/** The policy's accepted record sent again, its receipt now signed (回执签收): a re-submission. */
async function signReceipt(store: TestStore, policyNo: string, receiptSignedAt: string): Promise<void> {
  const current = await acceptedRecordOf(store.db.kysely, policyNo);
  if (!current) throw new Error(`no accepted record for ${policyNo}`);
  const record = store.sealer.open<Record<string, unknown>>(current.sealed, `submission:${policyNo}`);
  const file = writeJsonl(store.dir, `${policyNo}-receipt.jsonl`, [{ ...record, receiptSignedAt }]);
  expect(await importApplications(store, file)).toMatchObject({ accepted: 1 });
}

// The small book: P1 and P2 (agent, GD-GZ) share a phone, P3 and P4 (bancassurance, BJ-HQ) another;
// scanned on 2026-11-30, distributed on Thursday 2026-12-03.
describe.each(DIALECTS)('distributing problem items (P5.13) on %s', (dialect) => {
  let store: TestStore;
  let kefu: Staff;
  let gz: Staff;
  let gd: Staff;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    await loadSmallBook(store);
    kefu = await makeStaff(store, 'kefu', 'customer_service');
    gz = await makeStaff(store, 'gz', 'channel_back_office', ['channel:agent', 'branch:GD-GZ']);
    gd = await makeStaff(store, 'gd', 'channel_back_office', ['branch:GD']);
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('falls back to the back office with the fewest items in hand, the link-mate going along', async () => {
    const [p1, p2, p3] = [
      await itemOfPolicy(store, 'P1'),
      await itemOfPolicy(store, 'P2'),
      await itemOfPolicy(store, 'P3'),
    ];
    const { results } = await distributeItems(store, kefu, contextOf(kefu), [p1, p3]);
    // gz and gd both cover GD-GZ with nothing in hand: the lower id (gz) gets P1, and P2 with it.
    expect(results).toEqual([
      { itemNo: p1, assignee: { id: gz.userId, displayName: 'gz' } },
      { itemNo: p2, assignee: { id: gz.userId, displayName: 'gz' } },
      {
        itemNo: p3,
        assignee: null,
        error: expect.objectContaining({ code: 'NO_ASSIGNEE', zh: expect.stringContaining('没有可分派的处理人') }),
      },
    ]);
    const row = await itemRow(store, p1);
    // Due 3 working days after the day it was received (Thu 12-03 → Tue 12-08), no cooling-off end known.
    expect(row).toMatchObject({
      status: 'distributed',
      assignee_id: gz.userId,
      distributed_on: '2026-12-03',
      due_on: '2026-12-08',
    });
    expect((await itemRow(store, p3)).status).toBe('open');
    const history = await store.db.kysely
      .selectFrom('problem_item_history')
      .selectAll()
      .where('item_no', '=', p2)
      .orderBy('id')
      .execute();
    expect(history.at(-1)).toMatchObject({
      actor: 'kefu',
      actor_id: kefu.userId,
      action: 'distributed',
      from_status: 'open',
      to_status: 'distributed',
      note: 'fallback',
    });
    expect(await auditTypes(store, p1)).toEqual(['item.distributed']);
    expect(await auditTypes(store, p2)).toEqual(['item.distributed']);

    // The next one goes to gd, who now has fewer in hand; a distributed item is refused as such.
    const again = await distributeItems(store, kefu, contextOf(kefu), [p1, 'Q20991231-999999']);
    expect(again.results.map((r) => r.error?.code)).toEqual(['CONFLICT', 'NOT_FOUND']);
    expect(again.results[0]?.error?.en).toContain('distributed');
  });

  it('routes by the most specific rule first, then priority, and keeps retired rules', async () => {
    const first = await replaceRules(store, kefu, contextOf(kefu), [
      { priority: 1, channel: 'agent', branchPrefix: null, agentCode: null, assigneeId: gz.userId as number },
    ]);
    expect(first.rules).toEqual([
      expect.objectContaining({ priority: 1, channel: 'agent', assignee: { id: gz.userId, displayName: 'gz' } }),
    ]);
    await replaceRules(store, kefu, contextOf(kefu), [
      { priority: 1, channel: 'agent', branchPrefix: null, agentCode: null, assigneeId: gz.userId as number },
      { priority: 9, channel: null, branchPrefix: 'GD-GZ', agentCode: null, assigneeId: gd.userId as number },
    ]);
    const all = await store.db.kysely.selectFrom('distribution_rules').selectAll().orderBy('id').execute();
    expect(all.map((r) => [r.retired_by, r.created_by])).toEqual([
      ['kefu', 'kefu'],
      [null, 'kefu'],
      [null, 'kefu'],
    ]);
    expect((await getRules(store)).rules).toHaveLength(2);
    const p1 = await itemOfPolicy(store, 'P1');
    const { results } = await distributeItems(store, kefu, contextOf(kefu), [p1]);
    // The branch rule is more specific than the channel rule, whatever its priority.
    expect(results.map((r) => r.assignee?.id)).toEqual([gd.userId, gd.userId]);
    const events = await store.db.kysely.selectFrom('audit_events').select(['type', 'data']).orderBy('seq').execute();
    expect(events.filter((e) => e.type === 'distribution.rules_changed').map((e) => JSON.parse(e.data))).toEqual([
      { added: [all[0]?.id], retired: [] },
      { added: [all[1]?.id, all[2]?.id], retired: [all[0]?.id] },
    ]);
    expect(JSON.parse(events.find((e) => e.type === 'item.distributed')?.data ?? '{}')).toEqual({
      assigneeId: gd.userId,
      by: 'rule',
      ruleId: all[2]?.id,
      dueOn: '2026-12-08',
    });
  });

  it('gives each link-mate its own routing outcome, not the rule of the item it went along with', async () => {
    const bj = await makeStaff(store, 'bj', 'channel_back_office', ['channel:bancassurance']);
    // P2 and P4 move out of the branch their mates' rules name.
    await store.db.kysely
      .updateTable('applications')
      .set({ branch_code: 'GD-SZ' })
      .where('policy_no', '=', 'P2')
      .execute();
    await store.db.kysely
      .updateTable('applications')
      .set({ branch_code: 'BJ-CY' })
      .where('policy_no', '=', 'P4')
      .execute();
    await replaceRules(store, kefu, contextOf(kefu), [
      { priority: 1, channel: null, branchPrefix: 'GD-GZ', agentCode: null, assigneeId: gd.userId as number },
      { priority: 2, channel: null, branchPrefix: 'GD', agentCode: null, assigneeId: gd.userId as number },
      {
        priority: 1,
        channel: 'bancassurance',
        branchPrefix: 'BJ-HQ',
        agentCode: null,
        assigneeId: bj.userId as number,
      },
    ]);
    const ruleOf = async (branchPrefix: string) =>
      (await getRules(store)).rules.find((r) => r.branchPrefix === branchPrefix)?.id;
    const [gzRule, gdRule, bjRule] = [await ruleOf('GD-GZ'), await ruleOf('GD'), await ruleOf('BJ-HQ')];
    const items = {
      P1: await itemOfPolicy(store, 'P1'),
      P2: await itemOfPolicy(store, 'P2'),
      P3: await itemOfPolicy(store, 'P3'),
      P4: await itemOfPolicy(store, 'P4'),
    };
    const { results } = await distributeItems(store, kefu, contextOf(kefu), [items.P1, items.P3]);
    expect(results.map((r) => [r.itemNo, r.assignee?.id])).toEqual([
      [items.P1, gd.userId],
      [items.P2, gd.userId],
      [items.P3, bj.userId],
      [items.P4, bj.userId],
    ]);
    const outcome = async (itemNo: string) => {
      const line = await store.db.kysely
        .selectFrom('problem_item_history')
        .select('note')
        .where('item_no', '=', itemNo)
        .where('action', '=', 'distributed')
        .executeTakeFirstOrThrow();
      const event = await store.db.kysely
        .selectFrom('audit_events')
        .select('data')
        .where('object_id', '=', itemNo)
        .where('type', '=', 'item.distributed')
        .executeTakeFirstOrThrow();
      const data = JSON.parse(event.data);
      return [line.note, data.by, data.ruleId];
    };
    expect(await outcome(items.P1)).toEqual([`rule:${gzRule}`, 'rule', gzRule]);
    // P2 goes with P1 to gd, by the rule that matches P2 itself.
    expect(await outcome(items.P2)).toEqual([`rule:${gdRule}`, 'rule', gdRule]);
    expect(await outcome(items.P3)).toEqual([`rule:${bjRule}`, 'rule', bjRule]);
    // No rule matches P4: it went along to bj, who covers it, not by P3's rule.
    expect(await outcome(items.P4)).toEqual(['fallback', 'fallback', undefined]);
  });

  it('caps the due day by the cooling-off end as the application stands at distribution (INTERCHANGE §5)', async () => {
    const [p1, p2, p3] = [
      await itemOfPolicy(store, 'P1'),
      await itemOfPolicy(store, 'P2'),
      await itemOfPolicy(store, 'P3'),
    ];
    // Raised by the scan of 11-30 before the receipts were signed: no cooling-off end known then.
    expect((await itemRow(store, p1)).cooling_off_ends_on).toBeNull();
    await signReceipt(store, 'P1', '2026-11-30T15:00:00+08:00');
    await signReceipt(store, 'P3', '2026-11-30T23:30:00Z');
    // Distributed on Friday 12-11: 3 working days is Wednesday 12-16; the cooling-off ends 12-15.
    const later = { ...store, clock: fixedClock('2026-12-11T09:00:00+08:00') };
    await distributeItems(later, kefu, contextOf(kefu), [p1]);
    expect(await itemRow(store, p1)).toMatchObject({
      distributed_on: '2026-12-11',
      cooling_off_ends_on: '2026-12-15',
      due_on: '2026-12-15',
    });
    // Its mate's receipt is not signed yet: 3 working days.
    expect(await itemRow(store, p2)).toMatchObject({ cooling_off_ends_on: null, due_on: '2026-12-16' });

    // The same when compliance takes an open item over; 23:30 UTC is already 12-01 in China.
    const hegui = await makeStaff(store, 'hegui', 'compliance');
    await complianceAction(later, hegui, contextOf(hegui), p3, { action: 'investigate', note: '合规自查' });
    expect(await itemRow(store, p3)).toMatchObject({
      status: 'distributed',
      cooling_off_ends_on: '2026-12-16',
      due_on: '2026-12-16',
    });
  });

  it('refuses a rule for someone who may not work items', async () => {
    const auditor = await makeStaff(store, 'shenji', 'auditor');
    await expect(
      replaceRules(store, kefu, contextOf(kefu), [
        { priority: 1, channel: null, branchPrefix: null, agentCode: null, assigneeId: auditor.userId as number },
      ]),
    ).rejects.toMatchObject({ kind: 'BAD_INPUT', details: ['rules[0].assigneeId'] });
    expect(await store.db.kysely.selectFrom('distribution_rules').selectAll().execute()).toEqual([]);
  });

  it('re-assigns by hand with a sealed reason, within the assignee’s scope', async () => {
    const p1 = await itemOfPolicy(store, 'P1');
    const p3 = await itemOfPolicy(store, 'P3');
    const bj = await makeStaff(store, 'bj', 'channel_back_office', ['channel:bancassurance']);
    // An open item given by hand is distributed, its mate with it.
    const given = await assignItem(store, kefu, contextOf(kefu), p3, {
      assigneeId: bj.userId as number,
      reason: '北京分行专人处理',
    });
    expect(given).toMatchObject({
      status: 'distributed',
      assignee: { id: bj.userId, displayName: 'bj' },
      dueOn: '2026-12-08',
    });
    expect((await itemRow(store, await itemOfPolicy(store, 'P4'))).assignee_id).toBe(bj.userId);

    await distributeItems(store, kefu, contextOf(kefu), [p1]);
    const moved = await assignItem(store, kefu, contextOf(kefu), p1, {
      assigneeId: gd.userId as number,
      reason: '张经理休假',
    });
    expect(moved).toMatchObject({ status: 'distributed', assignee: { id: gd.userId } });
    const line = await store.db.kysely
      .selectFrom('problem_item_history')
      .selectAll()
      .where('item_no', '=', p1)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(line).toMatchObject({
      action: 'reassigned',
      from_status: 'distributed',
      to_status: 'distributed',
      actor: 'kefu',
    });
    expect(Buffer.from(line.detail_sealed as Uint8Array).toString('utf8')).not.toContain('张经理');
    expect(store.sealer.open(line.detail_sealed as Uint8Array, historyAad(p1))).toBe('张经理休假');
    expect(await auditTypes(store, p1)).toEqual(['item.distributed', 'item.reassigned']);

    await expect(
      assignItem(store, kefu, contextOf(kefu), p1, { assigneeId: bj.userId as number, reason: 'x' }),
    ).rejects.toMatchObject({
      kind: 'BAD_INPUT',
      en: expect.stringContaining('outside the data scope'),
    });
    await expect(
      assignItem(store, kefu, contextOf(kefu), p1, { assigneeId: gd.userId as number, reason: 'x' }),
    ).rejects.toMatchObject({
      kind: 'BAD_INPUT',
    });
    await expect(
      assignItem(store, kefu, contextOf(kefu), p1, { assigneeId: (kefu.userId as number) + 100, reason: 'x' }),
    ).rejects.toMatchObject({
      kind: 'BAD_INPUT',
    });
    // Out of the caller's own scope, the item does not exist.
    const scopedKefu = { ...kefu, scope: { branches: ['BJ'], channels: [] } };
    await expect(
      assignItem(store, scopedKefu, contextOf(kefu), p1, { assigneeId: gz.userId as number, reason: 'x' }),
    ).rejects.toMatchObject({
      kind: 'NOT_FOUND',
    });
  });

  it('lists the assignees with their items in hand, and distributes every open item for the CLI', async () => {
    await distributeItems(store, kefu, contextOf(kefu), [await itemOfPolicy(store, 'P1')]);
    const { assignees } = await listAssignees(store);
    expect(assignees.map((a) => [a.username, a.role, a.openItems])).toEqual([
      ['kefu', 'customer_service', 0],
      ['gz', 'channel_back_office', 2],
      ['gd', 'channel_back_office', 0],
    ]);
    expect(assignees[1]?.scope).toEqual({ branches: ['GD-GZ'], channels: ['agent'] });

    const seen: string[] = [];
    await distributeAllOpen(store, SYSTEM_STAFF, { actor: { kind: 'system', name: 'veracity' } }, (results) =>
      seen.push(...results.map((r) => r.error?.code ?? 'ok')),
    );
    // P3 and P4: no one covers bancassurance in Beijing.
    expect(seen).toEqual(['NO_ASSIGNEE', 'NO_ASSIGNEE']);
  });
});
