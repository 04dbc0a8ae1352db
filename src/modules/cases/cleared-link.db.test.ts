import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextOf, FILES, itemOfPolicy, makeStaff } from '../../../test/cases.js';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { application, residentId } from '../../../test/records.js';
import { loadSmallBook } from '../../../test/small-book.js';
import { importApplications } from '../intake/intake.service.js';
import { scanBook } from '../linkage/scan.service.js';
import { distributeItems } from './distribution.service.js';
import { uploadEvidence } from './evidence.service.js';
import { submitItem } from './investigation.service.js';
import { verifyItem } from './verification.service.js';

const PHONE = '13800138000';
const zhangWei = {
  name: '张伟',
  gender: 'M',
  birthDate: '1980-01-01',
  idType: 'RESIDENT_ID',
  idNo: residentId('440106', '1980-01-01', '123'),
  address: '广东省广州市天河区体育西路123号',
  phones: [PHONE],
};
const newcomer = {
  name: '刘洋',
  gender: 'M',
  birthDate: '1990-09-09',
  idType: 'RESIDENT_ID',
  idNo: residentId('440106', '1990-09-09', '357'),
  address: '广东省广州市天河区体育西路357号',
  phones: [PHONE],
};
const policy = (policyNo: string, applicant: typeof zhangWei) =>
  application({ policyNo, applicant, payerAccount: null, beneficiaries: [], appliedAt: '2026-12-02T10:00:00+08:00' });

// INTERCHANGE §5: an item cleared with evidence as a legitimate link is not raised again for the
// same link; a newcomer on the shared value raises it.
describe.each(DIALECTS)('a link cleared as legitimate on %s', (dialect) => {
  let store: TestStore;
  let linkId: string;
  const linkStatus = async () =>
    (await store.db.kysely.selectFrom('links').select('status').where('link_id', '=', linkId).executeTakeFirstOrThrow())
      .status;
  const itemsOfLink = async () =>
    (
      await store.db.kysely
        .selectFrom('problem_items')
        .select('policy_no')
        .where('link_id', '=', linkId)
        .orderBy('policy_no')
        .execute()
    ).map((r) => r.policy_no);

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await loadSmallBook(store);
    const kefu = await makeStaff(store, 'kefu', 'customer_service');
    const gz = await makeStaff(store, 'gz', 'channel_back_office', ['channel:agent', 'branch:GD-GZ']);
    const p1 = await itemOfPolicy(store, 'P1');
    await distributeItems(store, kefu, contextOf(kefu), [p1]);
    for (const itemNo of [p1, await itemOfPolicy(store, 'P2')]) {
      for (const kind of ['investigation_report', 'customer_confirmation'] as const) {
        await uploadEvidence(store, gz, contextOf(gz), itemNo, { kind, fileName: `${kind}.pdf`, content: FILES.pdf });
      }
      await submitItem(store, gz, contextOf(gz), itemNo, {
        resolution: 'legitimate',
        legitimateReason: 'family',
        note: '一家人',
      });
      const closed = await verifyItem(store, kefu, contextOf(kefu), itemNo, { decision: 'accept' });
      linkId = closed.linkId;
    }
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('is not raised again by the next scans, even when a known customer buys again', async () => {
    expect(await linkStatus()).toBe('cleared');
    await importApplications(store, writeJsonl(store.dir, 'again.jsonl', [policy('P5', zhangWei)]));
    expect(await scanBook(store, { asOf: '2026-12-03' })).toMatchObject({ applications: 1, items: [] });
    expect(await scanBook(store, { asOf: '2026-12-04', mode: 'full' })).toMatchObject({ items: [] });
    expect(await linkStatus()).toBe('cleared');
    expect(await itemsOfLink()).toEqual(['P1', 'P2']);
  });

  it('is raised again when a new customer joins the shared value', async () => {
    await importApplications(store, writeJsonl(store.dir, 'again.jsonl', [policy('P5', zhangWei)]));
    await scanBook(store, { asOf: '2026-12-03' });
    await importApplications(store, writeJsonl(store.dir, 'new.jsonl', [policy('P6', newcomer)]));
    const scan = await scanBook(store, { asOf: '2026-12-04' });
    expect(scan.items.map((i) => [i.policyNo, i.linkId, i.status])).toEqual([
      ['P5', linkId, 'open'],
      ['P6', linkId, 'open'],
    ]);
    expect(await linkStatus()).toBe('open');
    expect(await itemsOfLink()).toEqual(['P1', 'P2', 'P5', 'P6']);
  });
});
