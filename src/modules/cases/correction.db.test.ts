import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextOf, FILES, itemOfPolicy, makeStaff } from '../../../test/cases.js';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { loadSmallBook } from '../../../test/small-book.js';
import { waitingApplications } from '../linkage/linkage.repository.js';
import { scanBook } from '../linkage/scan.service.js';
import type { Staff } from './case-actor.js';
import { correctItem } from './correction.service.js';
import { distributeItems } from './distribution.service.js';
import { uploadEvidence } from './evidence.service.js';
import { submitItem } from './investigation.service.js';

describe.each(DIALECTS)('correcting the customer data behind an item (P5.13) on %s', (dialect) => {
  let store: TestStore;
  let gz: Staff;
  let p1: string;
  const submissionsOf = (policyNo: string) =>
    store.db.kysely
      .selectFrom('submissions')
      .select(['id', 'accepted'])
      .where('policy_no', '=', policyNo)
      .orderBy('id')
      .execute();
  const application = (policyNo: string) =>
    store.db.kysely.selectFrom('applications').selectAll().where('policy_no', '=', policyNo).executeTakeFirstOrThrow();
  const lastLine = () =>
    store.db.kysely
      .selectFrom('problem_item_history')
      .selectAll()
      .where('item_no', '=', p1)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
  const correctionEvents = async () =>
    (
      await store.db.kysely
        .selectFrom('audit_events')
        .select('data')
        .where('type', '=', 'item.correction_submitted')
        .orderBy('seq')
        .execute()
    ).map((e) => JSON.parse(e.data));

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await loadSmallBook(store);
    const kefu = await makeStaff(store, 'kefu', 'customer_service');
    gz = await makeStaff(store, 'gz', 'channel_back_office', ['channel:agent', 'branch:GD-GZ']);
    p1 = await itemOfPolicy(store, 'P1');
    await distributeItems(store, kefu, contextOf(kefu), [p1]);
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('sends an accepted correction through the gate as a new version; the next scan takes the policy in again', async () => {
    const before = await application('P1');
    const result = await correctItem(store, gz, contextOf(gz), p1, { party: 'applicant', phones: ['13700001234'] });
    expect(result).toMatchObject({ accepted: true, errors: [] });
    const submissions = await submissionsOf('P1');
    // The first submission is kept: a correction never overwrites.
    expect(submissions).toHaveLength(2);
    expect(submissions[0]?.id).toBe(before.accepted_submission_id);
    expect(result.submissionId).toBe(submissions[1]?.id);
    const after = await application('P1');
    expect(after).toMatchObject({
      accepted_submission_id: result.submissionId,
      version: before.version + 1,
      scanned_on: null,
    });
    expect(await lastLine()).toMatchObject({
      action: 'correction_accepted',
      note: 'applicant.phones',
      to_status: 'investigating',
    });
    const events = await correctionEvents();
    expect(events).toEqual([
      {
        policyNo: 'P1',
        fields: ['applicant.phones'],
        accepted: true,
        submissionId: result.submissionId,
        errorCodes: [],
      },
    ]);
    const audit = await store.db.kysely.selectFrom('audit_events').select('data').execute();
    expect(JSON.stringify(audit)).not.toMatch(/13700001234|13800138000/);

    expect(await waitingApplications(store.db.kysely, '2026-12-04')).toEqual(['P1']);
    const scan = await scanBook(store, { asOf: '2026-12-04' });
    // P1 no longer shares P2's phone: nothing new.
    expect(scan).toMatchObject({ applications: 1, items: [] });

    await uploadEvidence(store, gz, contextOf(gz), p1, {
      kind: 'investigation_report',
      fileName: 'r.pdf',
      content: FILES.pdf,
    });
    await expect(
      submitItem(store, gz, contextOf(gz), p1, { resolution: 'corrected', note: '号码录入错误，已更正' }),
    ).resolves.toMatchObject({
      status: 'submitted',
      resolution: 'corrected',
    });
  });

  it('stores nothing when the gate refuses, and answers with its errors', async () => {
    const result = await correctItem(store, gz, contextOf(gz), p1, {
      party: 'applicant',
      phones: ['12345'],
      address: '广东省广州市天河区体育西路1号',
    });
    expect(result.accepted).toBe(false);
    expect(result.submissionId).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ code: 'PHONE_FORMAT', path: 'applicant.phones[0]' })]);
    expect(await submissionsOf('P1')).toHaveLength(1);
    expect((await application('P1')).scanned_on).toBe('2026-11-30');
    expect(await lastLine()).toMatchObject({
      action: 'correction_rejected',
      note: 'applicant.phones,applicant.address',
      actor: 'gz',
    });
    expect(await correctionEvents()).toEqual([
      {
        policyNo: 'P1',
        fields: ['applicant.phones', 'applicant.address'],
        accepted: false,
        submissionId: null,
        errorCodes: ['PHONE_FORMAT'],
      },
    ]);
    // A refused correction does not count towards a corrected resolution.
    await uploadEvidence(store, gz, contextOf(gz), p1, {
      kind: 'investigation_report',
      fileName: 'r.pdf',
      content: FILES.pdf,
    });
    await expect(
      submitItem(store, gz, contextOf(gz), p1, { resolution: 'corrected', note: 'x' }),
    ).rejects.toMatchObject({
      details: ['correction'],
    });
  });

  it('refuses what cannot be corrected, and anyone but the assignee', async () => {
    // The insured is the applicant here: an insured's change lands on the applicant.
    const same = correctItem(store, gz, contextOf(gz), p1, { party: 'insured', phones: ['13800138000'] });
    await expect(same).rejects.toMatchObject({ kind: 'BAD_INPUT', en: 'the correction changes nothing' });
    await expect(
      correctItem(store, gz, contextOf(gz), p1, { party: 'applicant', accountNo: '6222021234567890128' }),
    ).rejects.toMatchObject({
      kind: 'BAD_INPUT',
      en: 'the record has no payer account to correct',
    });
    const insured = await correctItem(store, gz, contextOf(gz), p1, {
      party: 'insured',
      address: '广东省广州市越秀区北京路8号',
    });
    expect(insured.accepted).toBe(true);
    expect((await lastLine()).note).toBe('applicant.address');
    const gd = await makeStaff(store, 'gd', 'channel_back_office', ['branch:GD']);
    await expect(
      correctItem(store, gd, contextOf(gd), p1, { party: 'applicant', phones: ['13700001234'] }),
    ).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
  });
});
