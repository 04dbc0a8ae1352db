import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { agent, application, residentId } from '../../../test/records.js';
import { buildApp } from '../../app.js';
import { parseScope } from '../../platform/access/scope.js';
import { SYSTEM_CONTEXT } from '../../platform/audit/audit-events.js';
import type { Role } from '../../shared/roles.js';
import { importAgents } from '../agents/agents.service.js';
import { importComplaints } from '../complaints/complaints.service.js';
import { importApplications } from '../intake/intake.service.js';
import { addUser } from '../users/users.service.js';
import { scanBook } from './scan.service.js';

const PASSWORD = 'Test-password-42';
const SELLER = agent({ agentCode: 'A1', phones: ['13900001111'], relatives: [] });
const BANKER = agent({
  agentCode: 'B1',
  kind: 'bancassurance_specialist',
  branchCode: 'BJ-HQ',
  idNo: residentId('110101', '1979-02-02', '011'),
  phones: ['13700007777'],
  relatives: [],
});

function person(name: string, seq: number, phone: string) {
  const birthDate = `19${70 + seq}-0${seq}-1${seq}`;
  const idNo = residentId('440106', birthDate, String(100 + seq).padStart(3, '0'));
  return { name, gender: seq % 2 === 1 ? 'M' : 'F', birthDate, idType: 'RESIDENT_ID', idNo, phones: [phone] };
}
const ACCOUNT = '6222 0212 3456 7890 128';
const payer = (p: ReturnType<typeof person>) => ({
  bankCode: 'ICBC',
  accountNo: ACCOUNT,
  holderName: p.name,
  holderIdType: 'RESIDENT_ID',
  holderIdNo: p.idNo,
});
const AGENT_GZ = { channel: 'agent', agentCode: 'A1', branchCode: 'GD-GZ' };
const BANK_BJ = { channel: 'bancassurance', agentCode: 'B1', branchCode: 'BJ-HQ' };
function policy(policyNo: string, applicant: ReturnType<typeof person>, extra: Record<string, unknown>) {
  const address = `广东省广州市天河区体育西路${applicant.idNo.slice(-4)}号`;
  return application({
    policyNo,
    appliedAt: '2026-11-30T10:00:00+08:00',
    applicant: { ...applicant, address },
    payerAccount: null,
    beneficiaries: [],
    ...extra,
  });
}
const chen = person('陈静', 4, '13600001111');
const sun = person('孙丽', 6, '13600002222');
const BOOK = [
  policy('P01', person('张伟', 1, '13800138000'), AGENT_GZ),
  policy('P02', person('王磊', 3, '+86 138 0013 8000'), { ...AGENT_GZ, branchCode: 'GD-SZ' }),
  policy('P03', person('李娜', 2, '13800138000'), BANK_BJ),
  // The cooling-off period ends on 12-01: due before the three working days.
  policy('P04', chen, { ...AGENT_GZ, payerAccount: payer(chen), receiptSignedAt: '2026-11-16T10:00:00+08:00' }),
  policy('P05', sun, { ...BANK_BJ, payerAccount: { ...payer(sun), accountNo: '6222021234567890128' } }),
];
// The seller's own phone, entered a day later: detected on 12-02, due 12-07.
const LATE = [policy('P06', person('周强', 5, '13900001111'), { ...AGENT_GZ, appliedAt: '2026-12-01T10:00:00+08:00' })];

async function readWorkbook(payload: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type (an ArrayBuffer).
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook;
}

describe.each(DIALECTS)('problem items over HTTP on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  const cookies = new Map<string, string>();

  async function staff(username: string, role: Role, scope: string[] = []) {
    await addUser(store, SYSTEM_CONTEXT, { username, role, scope: parseScope(scope), password: PASSWORD });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username, password: PASSWORD },
    });
    cookies.set(username, String(response.headers['set-cookie']).split(';')[0] ?? '');
  }
  const get = (username: string, url: string) =>
    app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies.get(username) ?? '' } });
  const itemOf = async (policyNo: string) =>
    (await get('kefu', `/items?q=${policyNo}`)).json().items[0].itemNo as string;

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await importAgents(store, writeJsonl(store.dir, 'agents.jsonl', [SELLER, BANKER]));
    expect((await importApplications(store, writeJsonl(store.dir, 'book.jsonl', BOOK))).rejected).toBe(0);
    await scanBook(store, { asOf: '2026-12-01' });
    await importApplications(store, writeJsonl(store.dir, 'late.jsonl', LATE));
    await scanBook(store, { asOf: '2026-12-02' });
    app = await buildApp(store);
    await staff('kefu', 'customer_service');
    await staff('gz', 'channel_back_office', ['channel:agent', 'branch:GD-GZ']);
    await staff('gd', 'channel_management', ['branch:GD']);
  });
  afterEach(async () => {
    await app.close();
    await store.destroy();
  });

  const policiesOf = (body: { items: Array<{ policyNo: string }> }) => body.items.map((i) => i.policyNo);

  it('lists by due day, filters, pages and counts, without personal values', async () => {
    const all = await get('kefu', '/items');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(6);
    expect(policiesOf(all.json())).toEqual(['P04', 'P01', 'P02', 'P03', 'P05', 'P06']);
    expect(all.body).not.toMatch(/13800138000|张伟|6222 ?0212/);
    const cases: Array<[string, string[]]> = [
      ['rule=SHARED_PHONE', ['P01', 'P02', 'P03']],
      ['channel=bancassurance', ['P03', 'P05']],
      ['branchCode=GD', ['P04', 'P01', 'P02', 'P06']],
      ['agentCode=B1', ['P03', 'P05']],
      ['dueFrom=2026-12-02&dueTo=2026-12-04', ['P01', 'P02', 'P03', 'P05']],
      ['detectedFrom=2026-12-02', ['P06']],
      ['detectedTo=2026-12-01&rule=SHARED_ACCOUNT', ['P04', 'P05']],
      ['q=Q20261202', ['P06']],
      ['sort=dueOn&order=desc&status=open', ['P06', 'P01', 'P02', 'P03', 'P05', 'P04']],
      ['sort=itemNo&order=desc&limit=2&offset=1', ['P05', 'P04']],
    ];
    for (const [query, expected] of cases) {
      const response = await get('kefu', `/items?${query}`);
      expect(policiesOf(response.json()), query).toEqual(expected);
    }
    expect((await get('kefu', '/items?limit=2&offset=4')).json()).toMatchObject({ total: 6 });
    // `active`: everything still to be cleared, the closed left out.
    await store.db.kysely
      .updateTable('problem_items')
      .set({ status: 'closed' })
      .where('policy_no', '=', 'P04')
      .execute();
    expect(policiesOf((await get('kefu', '/items?status=active')).json())).toEqual(['P01', 'P02', 'P03', 'P05', 'P06']);
    expect((await get('kefu', '/items?status=closed')).json()).toMatchObject({ total: 1 });
    expect((await get('kefu', '/items?rule=NOPE')).statusCode).toBe(400);
    expect((await get('kefu', '/items?q=P%25')).statusCode).toBe(400);
  });

  it('applies the data scope in the query: a branch covers its sub-branches', async () => {
    const gz = (await get('gz', '/items')).json();
    expect(policiesOf(gz)).toEqual(['P04', 'P01', 'P06']);
    expect(gz.total).toBe(3);
    expect(policiesOf((await get('gd', '/items')).json())).toEqual(['P04', 'P01', 'P02', 'P06']);
    // A filter cannot widen the scope.
    expect((await get('gz', '/items?channel=bancassurance')).json()).toEqual({ items: [], total: 0 });
  });

  it('answers 404 for an item outside the scope, as for one that does not exist', async () => {
    const other = await get('gz', `/items/${await itemOf('P03')}`);
    const none = await get('gz', '/items/Q20991231-000001');
    expect(other.statusCode).toBe(404);
    expect(none.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    expect((await get('gz', `/items/${await itemOf('P01')}`)).statusCode).toBe(200);
  });

  it('explains a shared phone in words with the value masked, and logs the view', async () => {
    const itemNo = await itemOf('P01');
    const response = await get('kefu', `/items/${itemNo}`);
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail.clue).toEqual({
      zh: '手机号 138****8000 同时出现在 3 位不同客户的资料中',
      en: 'phone 138****8000 appears on 3 different customers',
      maskedValue: '138****8000',
    });
    expect(response.body).not.toMatch(/13800138000|138 0013 8000|张伟|李娜/);
    expect(detail.policies.map((p: { policyNo: string }) => p.policyNo)).toEqual(['P01', 'P02', 'P03']);
    expect(detail.policies[2]).toMatchObject({ channel: 'bancassurance', branchCode: 'BJ-HQ', agentCode: 'B1' });
    expect(detail.customers.map((c: { name: string }) => c.name)).toEqual(['张*', '王*', '李*']);
    expect(detail.customers[0]).toMatchObject({ policyNo: 'P01', role: 'applicant', holdsClueValue: true });
    expect(detail.customers[0].idNo).toMatch(/^440106\*{8}\d{3}[\dX]$/);
    expect(detail.timeline).toEqual([
      expect.objectContaining({ actor: 'scan', action: 'detected', toStatus: 'open', fromStatus: null }),
    ]);
    const events = await store.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'item.viewed')
      .execute();
    expect(events).toEqual([expect.objectContaining({ actor: 'kefu', object_id: itemNo })]);

    // A scoped reader sees the other policies named, but only their own policy's customers.
    const scoped = (await get('gz', `/items/${itemNo}`)).json();
    expect(scoped.policies.map((p: { inScope: boolean }) => p.inScope)).toEqual([true, false, false]);
    expect(scoped.customers.map((c: { policyNo: string }) => c.policyNo)).toEqual(['P01']);
  });

  it('explains a shared account and a seller’s contact', async () => {
    const account = (await get('kefu', `/items/${await itemOf('P05')}`)).json();
    expect(account.clue.zh).toBe('银行账号 622202*********0128 同时出现在 2 位不同客户的资料中');
    expect(account.customers).toContainEqual(expect.objectContaining({ policyNo: 'P05', role: 'payer' }));
    const seller = (await get('kefu', `/items/${await itemOf('P06')}`)).json();
    expect(seller.clue.zh).toBe('客户手机号 139****1111 是销售人员 A1（本人）登记的联系方式');
    expect(seller.clue.en).toBe("the customer's phone 139****1111 is a registered contact of seller A1 (own)");
  });

  it('explains a re-check of a seller with verified complaints (P5.14)', async () => {
    const complaint = (complaintNo: string, verifiedOn: string) => ({
      complaintNo,
      agentCode: 'B1',
      receivedOn: verifiedOn,
      kind: 'misleading_sales',
      verified: true,
      verifiedOn,
    });
    const file = writeJsonl(store.dir, 'complaints.jsonl', [
      complaint('C1', '2026-03-20'),
      complaint('C2', '2026-09-15'),
    ]);
    await importComplaints(store, file);
    await scanBook(store, { asOf: '2026-12-03' });
    const items = (await get('kefu', '/items?rule=COMPLAINT_RECHECK')).json();
    expect(policiesOf(items)).toEqual(['P03', 'P05']);
    const detail = (await get('kefu', `/items/${items.items[0].itemNo}`)).json();
    expect(detail.clue).toEqual({
      zh: '销售人员 B1 一年内有 2 宗经核实的销售误导投诉，其销售的保单须复核',
      en: 'seller B1 has 2 verified misleading-sales complaints within a year; the policies they sold need a re-check',
      maskedValue: null,
    });
    expect(detail.policies.map((p: { policyNo: string }) => p.policyNo)).toEqual(['P03']);
  });

  it('exports the items within the scope to a real workbook and audits the export', async () => {
    const response = await get('kefu', '/items/export?rule=SHARED_PHONE');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe('attachment; filename="problem-items-2026-12-03.xlsx"');
    const sheet = (await readWorkbook(response.rawPayload)).getWorksheet('问题件');
    expect(sheet?.rowCount).toBe(4);
    expect(String(sheet?.getRow(1).getCell(1).value)).toContain('问题件编号');
    const exported = await store.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'items.exported')
      .execute();
    expect(exported).toHaveLength(1);
    expect(JSON.parse(exported[0]?.data ?? '{}')).toEqual({ filter: { rule: 'SHARED_PHONE' }, count: 3 });

    const scoped = await get('gd', '/items/export');
    expect((await readWorkbook(scoped.rawPayload)).getWorksheet('问题件')?.rowCount).toBe(5);
    // The back office works items; it does not take lists away.
    expect((await get('gz', '/items/export')).statusCode).toBe(403);
  });
});
