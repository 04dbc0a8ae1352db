import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTypes, contextOf, FILES, itemOfPolicy, itemRow, makeStaff } from '../../../test/cases.js';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { loadSmallBook } from '../../../test/small-book.js';
import type { Staff } from './case-actor.js';
import { historyAad } from './case-steps.js';
import { distributeItems } from './distribution.service.js';
import { uploadEvidence } from './evidence.service.js';
import { recordWork, submitItem } from './investigation.service.js';
import { complianceAction, verifyItem } from './verification.service.js';

describe.each(DIALECTS)('working an item to a close (P5.13, P5.24) on %s', (dialect) => {
  let store: TestStore;
  let kefu: Staff;
  let gz: Staff;
  let hegui: Staff;
  let p1: string;
  let p2: string;
  const attach = (staff: Staff, itemNo: string, kind: 'investigation_report' | 'customer_confirmation') =>
    uploadEvidence(store, staff, contextOf(staff), itemNo, { kind, fileName: `${kind}.pdf`, content: FILES.pdf });
  const legitimate = { resolution: 'legitimate', legitimateReason: 'family', note: '夫妻共用一个号码' } as const;

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await loadSmallBook(store);
    kefu = await makeStaff(store, 'kefu', 'customer_service');
    gz = await makeStaff(store, 'gz', 'channel_back_office', ['channel:agent', 'branch:GD-GZ']);
    hegui = await makeStaff(store, 'hegui', 'compliance');
    p1 = await itemOfPolicy(store, 'P1');
    p2 = await itemOfPolicy(store, 'P2');
    await distributeItems(store, kefu, contextOf(kefu), [p1]);
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('records work only by the assignee, with the note sealed', async () => {
    const item = await recordWork(store, gz, contextOf(gz), p1, {
      kind: 'call',
      note: '致电张先生，确认号码为其妻子所用',
    });
    expect(item.status).toBe('investigating');
    const line = await store.db.kysely
      .selectFrom('problem_item_history')
      .selectAll()
      .where('item_no', '=', p1)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(line).toMatchObject({
      action: 'call',
      actor: 'gz',
      actor_id: gz.userId,
      from_status: 'distributed',
      to_status: 'investigating',
      note: null,
    });
    expect(Buffer.from(line.detail_sealed as Uint8Array).toString('latin1')).not.toContain('张');
    expect(store.sealer.open(line.detail_sealed as Uint8Array, historyAad(p1))).toBe(
      '致电张先生，确认号码为其妻子所用',
    );
    expect(await auditTypes(store, p1)).toEqual(['item.distributed', 'item.work_recorded']);

    await expect(recordWork(store, kefu, contextOf(kefu), p1, { kind: 'note', note: 'x' })).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
    const p3 = await itemOfPolicy(store, 'P3');
    // Outside the back office's scope the item does not exist; an open item is nobody's to work yet.
    await expect(recordWork(store, gz, contextOf(gz), p3, { kind: 'note', note: 'x' })).rejects.toMatchObject({
      kind: 'NOT_FOUND',
    });
    await expect(recordWork(store, kefu, contextOf(kefu), p3, { kind: 'note', note: 'x' })).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
  });

  it('refuses the very same file of the same kind twice, storing nothing', async () => {
    await attach(gz, p1, 'investigation_report');
    const rows = () => store.db.kysely.selectFrom('item_evidence').select('kind').where('item_no', '=', p1).execute();
    const files = () => fs.readdirSync(path.join(store.dir, 'evidence')).length;
    await expect(attach(gz, p1, 'investigation_report')).rejects.toMatchObject({
      kind: 'CONFLICT',
      zh: `问题件 ${p1} 已有这份内勤签字调查报告（SHA-256 相同），没有重复保存`,
      en: `problem item ${p1} already has this very file as its Back office's signed investigation report (same SHA-256); nothing was stored`,
      details: ['DUPLICATE_EVIDENCE'],
    });
    expect(await rows()).toEqual([{ kind: 'investigation_report' }]);
    expect(files()).toBe(1);
    expect(await auditTypes(store, p1)).toEqual(['item.distributed', 'evidence.uploaded']);
    // Another file, the same file as another kind, or on another item, are each stored.
    await uploadEvidence(store, gz, contextOf(gz), p1, {
      kind: 'investigation_report',
      fileName: 'report-2.png',
      content: FILES.png,
    });
    await attach(gz, p1, 'customer_confirmation');
    await attach(gz, p2, 'investigation_report');
    expect((await rows()).length).toBe(3);
    expect(files()).toBe(4);
  });

  it('refuses a submission with what is missing, in both languages', async () => {
    await expect(submitItem(store, gz, contextOf(gz), p1, legitimate)).rejects.toMatchObject({
      kind: 'CONFLICT',
      zh: '提交前还缺少：内勤签字调查报告、客户签字确认书',
      en: "missing before it can be submitted: Back office's signed investigation report, Customer's signed confirmation",
      details: ['investigation_report', 'customer_confirmation'],
    });
    await attach(gz, p1, 'investigation_report');
    await expect(
      submitItem(store, gz, contextOf(gz), p1, { resolution: 'corrected', note: '已更正' }),
    ).rejects.toMatchObject({
      kind: 'CONFLICT',
      details: ['correction'],
    });
    await expect(
      submitItem(store, gz, contextOf(gz), p1, { resolution: 'legitimate', note: 'x' }),
    ).rejects.toMatchObject({ kind: 'BAD_INPUT' });
    await expect(
      submitItem(store, gz, contextOf(gz), p1, { resolution: 'corrected', legitimateReason: 'family', note: 'x' }),
    ).rejects.toMatchObject({ kind: 'BAD_INPUT' });
    await attach(gz, p1, 'customer_confirmation');
    const submitted = await submitItem(store, gz, contextOf(gz), p1, legitimate);
    expect(submitted).toMatchObject({ status: 'submitted', resolution: 'legitimate' });
    expect(await itemRow(store, p1)).toMatchObject({ investigator_id: gz.userId, legitimate_reason: 'family' });
    // Submitted: no more work, no second submission, until it is returned.
    await expect(recordWork(store, gz, contextOf(gz), p1, { kind: 'note', note: 'x' })).rejects.toMatchObject({
      kind: 'CONFLICT',
      zh: expect.stringContaining('待核实'),
      en: expect.stringContaining('submitted'),
    });
    await expect(submitItem(store, gz, contextOf(gz), p1, legitimate)).rejects.toMatchObject({ kind: 'CONFLICT' });
  });

  it('verifies by four eyes: returned with a reason, then accepted, clearing a legitimate link', async () => {
    for (const itemNo of [p1, p2]) {
      await attach(gz, itemNo, 'investigation_report');
      await attach(gz, itemNo, 'customer_confirmation');
      await submitItem(store, gz, contextOf(gz), itemNo, legitimate);
    }
    const returned = await verifyItem(store, hegui, contextOf(hegui), p1, {
      decision: 'return',
      reason: '确认书缺少客户签名',
    });
    expect(returned.status).toBe('returned');
    await recordWork(store, gz, contextOf(gz), p1, { kind: 'visit', note: '上门补签' });
    await submitItem(store, gz, contextOf(gz), p1, legitimate);

    const closed = await verifyItem(store, hegui, contextOf(hegui), p1, { decision: 'accept' });
    // P1 has no other item: its commission is released; P2's is held until its own item closes.
    expect(closed).toMatchObject({ status: 'closed', commissionHold: false });
    expect(await itemRow(store, p1)).toMatchObject({ closed_on: '2026-12-03', verifier_id: hegui.userId });
    const linkOf = () =>
      store.db.kysely.selectFrom('links').selectAll().where('link_id', '=', closed.linkId).executeTakeFirstOrThrow();
    // One item of the link still open: the link is not cleared yet.
    expect((await linkOf()).status).toBe('open');
    await expect(verifyItem(store, hegui, contextOf(hegui), p1, { decision: 'accept' })).rejects.toMatchObject({
      kind: 'CONFLICT',
    });

    expect((await itemRow(store, p2)).status).toBe('submitted');
    const last = await verifyItem(store, kefu, contextOf(kefu), p2, { decision: 'accept' });
    expect(last.commissionHold).toBe(false);
    const link = await linkOf();
    expect(link.status).toBe('cleared');
    expect(link.cleared_members).toBe(link.members);
    expect(await auditTypes(store, p1)).toEqual([
      'item.distributed',
      'evidence.uploaded',
      'evidence.uploaded',
      'item.submitted',
      'item.verified',
      'item.work_recorded',
      'item.submitted',
      'item.verified',
    ]);
  });

  it('keeps whoever investigated from verifying (FOUR_EYES)', async () => {
    const p3 = await itemOfPolicy(store, 'P3');
    const taken = await complianceAction(store, hegui, contextOf(hegui), p3, {
      action: 'investigate',
      note: '合规自查',
    });
    expect(taken).toMatchObject({
      status: 'distributed',
      assignee: { id: hegui.userId },
      complianceReview: true,
      dueOn: '2026-12-08',
    });
    await attach(hegui, p3, 'investigation_report');
    await attach(hegui, p3, 'customer_confirmation');
    await submitItem(store, hegui, contextOf(hegui), p3, { ...legitimate, legitimateReason: 'same_employer' });
    await expect(verifyItem(store, hegui, contextOf(hegui), p3, { decision: 'accept' })).rejects.toMatchObject({
      kind: 'FORBIDDEN',
      details: ['FOUR_EYES'],
      zh: expect.stringContaining('四眼原则'),
    });
    // Someone who only distributed may verify.
    expect((await verifyItem(store, kefu, contextOf(kefu), p3, { decision: 'accept' })).status).toBe('closed');
  });

  it('lets compliance take over, give an opinion and refer, each once where it must', async () => {
    await expect(
      complianceAction(store, hegui, contextOf(hegui), p1, { action: 'investigate', note: '接手' }),
    ).resolves.toMatchObject({
      assignee: { id: hegui.userId },
      status: 'distributed',
    });
    await expect(
      complianceAction(store, hegui, contextOf(hegui), p1, { action: 'investigate', note: '再次' }),
    ).rejects.toMatchObject({
      kind: 'CONFLICT',
    });
    // The back office no longer has it.
    await expect(recordWork(store, gz, contextOf(gz), p1, { kind: 'note', note: 'x' })).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
    const opinion = await complianceAction(store, hegui, contextOf(hegui), p1, {
      action: 'rectification',
      note: '对广州渠道提出批评，限期整改',
    });
    expect(opinion.status).toBe('distributed');
    await complianceAction(store, hegui, contextOf(hegui), p1, { action: 'referral', note: '提交合规委员会审议' });
    expect((await itemRow(store, p1)).referred_on).toBe('2026-12-03');
    await expect(
      complianceAction(store, hegui, contextOf(hegui), p1, { action: 'referral', note: '再次' }),
    ).rejects.toMatchObject({
      kind: 'CONFLICT',
    });
    const actions = await store.db.kysely
      .selectFrom('problem_item_history')
      .select('action')
      .where('item_no', '=', p1)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'detected',
      'distributed',
      'compliance_investigate',
      'rectification',
      'referral',
    ]);
    expect(await auditTypes(store, p1)).toEqual(['item.distributed', ...Array(3).fill('item.compliance_action')]);

    // A submitted item is verified, not taken over.
    await attach(hegui, p1, 'investigation_report');
    await attach(hegui, p1, 'customer_confirmation');
    await submitItem(store, hegui, contextOf(hegui), p1, legitimate);
    await expect(
      complianceAction(store, hegui, contextOf(hegui), p1, { action: 'investigate', note: 'x' }),
    ).rejects.toMatchObject({
      kind: 'CONFLICT',
      en: expect.stringContaining('submitted'),
    });
  });
});
