import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { agent, application, LI_NA_ID, ZHANG_WEI_ID } from '../../../test/records.js';
import { importAgents } from '../agents/agents.service.js';
import { summarizeBook } from './book-summary.js';
import { importApplications, type LineOutcome, submitApplication } from './intake.service.js';

async function count(
  store: TestStore,
  table: 'submissions' | 'applications' | 'customers' | 'policy_parties' | 'contacts' | 'customer_versions',
) {
  const row = await store.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const spouse = {
  relationToApplicant: 'spouse',
  name: '李娜',
  gender: 'F',
  birthDate: '1982-05-20',
  idType: 'RESIDENT_ID',
  idNo: LI_NA_ID,
  phones: ['13900003333'],
};

describe.each(DIALECTS)('intake on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    await importAgents(store, writeJsonl(store.dir, 'agents.jsonl', [agent()]));
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('stores accepted applications and keeps rejected ones with their errors', async () => {
    const file = writeJsonl(store.dir, 'apps.jsonl', [
      application(),
      application({ policyNo: 'P2', applicant: { ...(application().applicant as object), gender: 'F' } }),
    ]);
    const outcomes: LineOutcome[] = [];
    const summary = await importApplications(store, file, { onOutcome: (o) => outcomes.push(o) });
    expect(summary).toMatchObject({ linesRead: 2, accepted: 1, rejected: 1, malformed: 0 });
    expect(summary.rejectedByCode).toEqual({ GENDER_MISMATCH: 1 });
    expect(outcomes.map((o) => [o.line, o.policyNo, o.accepted])).toEqual([
      [1, 'P2026112900001', true],
      [2, 'P2', false],
    ]);
    const book = await summarizeBook(store);
    expect(book.applications).toEqual({ accepted: 1, rejected: 1 });
    expect(book.rejectedByCode).toEqual({ GENDER_MISMATCH: 1 });
    const rejected = await store.db.kysely
      .selectFrom('submissions')
      .selectAll()
      .where('policy_no', '=', 'P2')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(rejected.errors)[0]).toMatchObject({ code: 'GENDER_MISMATCH', path: 'applicant.gender' });
    // Only accepted data joins the book.
    const parties = await store.db.kysely.selectFrom('policy_parties').select('policy_no').execute();
    expect(new Set(parties.map((p) => p.policy_no))).toEqual(new Set(['P2026112900001']));
  });

  it('re-running a file doubles nothing', async () => {
    const file = writeJsonl(store.dir, 'apps.jsonl', [application(), application({ policyNo: 'P2', insured: spouse })]);
    await importApplications(store, file);
    const before = await Promise.all(
      (['submissions', 'applications', 'customers', 'policy_parties', 'contacts'] as const).map((t) => count(store, t)),
    );
    const again = await importApplications(store, file);
    expect(again).toMatchObject({ accepted: 0, rejected: 0, unchanged: 2 });
    const after = await Promise.all(
      (['submissions', 'applications', 'customers', 'policy_parties', 'contacts'] as const).map((t) => count(store, t)),
    );
    expect(after).toEqual(before);
  });

  it('the rest of a half-imported file completes it without doubling the first half', async () => {
    const records = Array.from({ length: 30 }, (_, i) => application({ policyNo: `P${1000 + i}` }));
    await importApplications(store, writeJsonl(store.dir, 'half.jsonl', records.slice(0, 13)), { chunkSize: 5 });
    const summary = await importApplications(store, writeJsonl(store.dir, 'all.jsonl', records), { chunkSize: 5 });
    expect(summary).toMatchObject({ accepted: 17, unchanged: 13 });
    expect(await count(store, 'applications')).toBe(30);
    expect(await count(store, 'submissions')).toBe(30);
  });

  it('one person on several policies is one customer', async () => {
    const file = writeJsonl(store.dir, 'apps.jsonl', [
      application({ policyNo: 'P1', insured: spouse }),
      application({ policyNo: 'P2' }),
      application({
        policyNo: 'P3',
        applicant: { ...spouse, address: '北京市东城区东长安街1号', relationToApplicant: undefined },
        insured: {
          ...(application().applicant as object),
          relationToApplicant: 'spouse',
          idNo: ZHANG_WEI_ID.toLowerCase(),
        },
        payerAccount: null,
      }),
    ]);
    const summary = await importApplications(store, file);
    expect(summary.accepted).toBe(3);
    expect(await count(store, 'customers')).toBe(2); // 张伟 and 李娜, whatever their roles
  });

  it('a correction is a new submission; the previous one stays as history', async () => {
    await importApplications(store, writeJsonl(store.dir, 'a.jsonl', [application()]));
    const corrected = application({ applicant: { ...(application().applicant as object), phones: ['13800138001'] } });
    const summary = await importApplications(store, writeJsonl(store.dir, 'b.jsonl', [corrected]));
    expect(summary.accepted).toBe(1);
    expect(await count(store, 'submissions')).toBe(2);
    const app = await store.db.kysely.selectFrom('applications').selectAll().executeTakeFirstOrThrow();
    expect(app.version).toBe(2);
    const phones = await store.db.kysely.selectFrom('contacts').selectAll().where('kind', '=', 'phone').execute();
    expect(phones).toHaveLength(1);
    // The applicant's new phone is their current version; what the first policy said is history.
    const versions = await store.db.kysely.selectFrom('customers').select('version').orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await count(store, 'customer_versions')).toBe(1);
  });

  it('going back to an earlier content is a correction too (A → B → A ends on A)', async () => {
    const a = application();
    const b = application({ applicant: { ...(application().applicant as object), phones: ['13800138001'] } });
    await importApplications(store, writeJsonl(store.dir, '1.jsonl', [a]));
    await importApplications(store, writeJsonl(store.dir, '2.jsonl', [b]));
    // A later export (another file; byte for byte the first one would be a re-run of it).
    const later = writeJsonl(store.dir, '3.jsonl', [application({ policyNo: 'P-OTHER' }), a]);
    expect(await importApplications(store, later)).toMatchObject({ accepted: 2 });
    const app = await store.db.kysely
      .selectFrom('applications')
      .selectAll()
      .where('policy_no', '=', 'P2026112900001')
      .executeTakeFirstOrThrow();
    expect(app.version).toBe(3);
    expect(await count(store, 'submissions')).toBe(4);
    // The same content again, now the latest, is unchanged.
    expect(await importApplications(store, writeJsonl(store.dir, '4.jsonl', [a]))).toMatchObject({ unchanged: 1 });
  });

  it('re-running a file that corrects a policy in its own lines doubles nothing and ends on its last line', async () => {
    const a = application();
    const b = application({ applicant: { ...(application().applicant as object), phones: ['13800138001'] } });
    const file = writeJsonl(store.dir, 'ab.jsonl', [a, b]);
    expect(await importApplications(store, file)).toMatchObject({ accepted: 2 });
    expect(await importApplications(store, file)).toMatchObject({ accepted: 0, unchanged: 2 });
    expect(await count(store, 'submissions')).toBe(2);
    const app = await store.db.kysely.selectFrom('applications').selectAll().executeTakeFirstOrThrow();
    expect(app.version).toBe(2);
  });

  it('a rejected correction keeps the accepted book', async () => {
    await importApplications(store, writeJsonl(store.dir, 'a.jsonl', [application()]));
    const broken = application({ applicant: { ...(application().applicant as object), phones: ['12345'] } });
    const summary = await importApplications(store, writeJsonl(store.dir, 'b.jsonl', [broken]));
    expect(summary.rejected).toBe(1);
    const app = await store.db.kysely.selectFrom('applications').selectAll().executeTakeFirstOrThrow();
    expect(app.status).toBe('rejected');
    expect(app.accepted_submission_id).not.toBeNull();
    expect(await count(store, 'contacts')).toBeGreaterThan(0);
  });

  it('reports a malformed line with its number and goes on', async () => {
    const file = path.join(store.dir, 'mixed.jsonl');
    fs.writeFileSync(
      file,
      `${JSON.stringify(application())}\n{"policyNo": "P2",\n[1,2]\n${JSON.stringify(application({ policyNo: 'P4' }))}\n`,
    );
    const outcomes: LineOutcome[] = [];
    const summary = await importApplications(store, file, { onOutcome: (o) => outcomes.push(o) });
    expect(summary).toMatchObject({ linesRead: 4, accepted: 2, malformed: 2 });
    expect(outcomes.filter((o) => o.status === 'malformed').map((o) => o.line)).toEqual([2, 3]);
    expect(outcomes.find((o) => o.line === 2)?.errors[0]?.code).toBe('RECORD_MALFORMED');
  });

  it('refuses a file that is not in the contract form', async () => {
    const file = path.join(store.dir, 'array.jsonl');
    fs.writeFileSync(file, '[\n1,\n2\n]\n');
    await expect(importApplications(store, file)).rejects.toMatchObject({ kind: 'UNREADABLE_FILE' });
    await expect(importApplications(store, path.join(store.dir, 'missing.jsonl'))).rejects.toMatchObject({
      kind: 'UNREADABLE_FILE',
    });
    const csv = path.join(store.dir, 'other.csv');
    fs.writeFileSync(csv, 'name,phone\n张三,13800138000\n');
    await expect(importApplications(store, csv)).rejects.toMatchObject({ kind: 'UNREADABLE_FILE' });
  });

  it('reads the CSV and XLSX forms into the same records', async () => {
    const header = [
      'policyNo',
      'channel',
      'agentCode',
      'branchCode',
      'productCode',
      'productType',
      'termMonths',
      'appliedAt',
      'premium_amount',
      'premium_currency',
      'premium_frequency',
      'payerAccount_bankCode',
      'payerAccount_accountNo',
      'payerAccount_holderName',
      'payerAccount_holderIdType',
      'payerAccount_holderIdNo',
      'applicant_name',
      'applicant_gender',
      'applicant_birthDate',
      'applicant_idType',
      'applicant_idNo',
      'applicant_address',
      'applicant_phones',
      'insured_relationToApplicant',
      'beneficiaries_0_name',
      'beneficiaries_0_idType',
      'beneficiaries_0_idNo',
      'beneficiaries_0_relationToInsured',
      'beneficiaries_0_sharePct',
    ];
    const row = [
      'P2026112900001',
      'agent',
      'A10023',
      'GD-GZ',
      'WL-20',
      'traditional_life',
      '240',
      '2026-11-29T10:15:00+08:00',
      '3600.00',
      'CNY',
      'annual',
      'ICBC',
      '6222 0212 3456 7890 128',
      '张伟',
      'RESIDENT_ID',
      ZHANG_WEI_ID,
      '张伟',
      'M',
      '1980-01-01',
      'RESIDENT_ID',
      ZHANG_WEI_ID,
      '北京市东城区东长安街1号',
      '+86 138-0013-8000',
      'self',
      '李娜',
      'RESIDENT_ID',
      LI_NA_ID,
      'spouse',
      '100',
    ];
    const csv = path.join(store.dir, 'apps.csv');
    fs.writeFileSync(csv, `\ufeff${header.join(',')}\n${row.map((v) => `"${v}"`).join(',')}\n`);
    const fromCsv = await importApplications(store, csv);
    expect(fromCsv).toMatchObject({ accepted: 1, rejected: 0 });
    // The same record from JSON Lines is the same content: unchanged.
    expect(await importApplications(store, writeJsonl(store.dir, 'same.jsonl', [application()]))).toMatchObject({
      unchanged: 1,
    });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('投保单');
    sheet.addRow(header);
    sheet.addRow(row.map((v, i) => (header[i] === 'policyNo' ? 'P-XLSX-1' : v)));
    const xlsx = path.join(store.dir, 'apps.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    expect(await importApplications(store, xlsx)).toMatchObject({ accepted: 1 });
  });

  it('runs big files through worker threads with the same outcomes', async () => {
    const records = Array.from({ length: 120 }, (_, i) =>
      application({ policyNo: `W${i}`, agentCode: i % 10 === 0 ? 'A99999' : 'A10023' }),
    );
    const summary = await importApplications(store, writeJsonl(store.dir, 'w.jsonl', records), {
      workers: 2,
      chunkSize: 16,
    });
    expect(summary).toMatchObject({ accepted: 108, rejected: 12, rejectedByCode: { AGENT_UNKNOWN: 12 } });
  });

  it('checks without storing, and stores through the same gate', async () => {
    const checked = await submitApplication(store, application(), { store: false });
    expect(checked.accepted).toBe(true);
    expect(await count(store, 'submissions')).toBe(0);
    const stored = await submitApplication(store, application(), { store: true });
    expect(stored.status).toBe('accepted');
    expect((await submitApplication(store, application(), { store: true })).status).toBe('unchanged');
  });
});
