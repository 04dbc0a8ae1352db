import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { agent, application, LI_NA_ID, residentId, ZHANG_WEI_ID } from '../../../test/records.js';
import { buildApp } from '../../app.js';
import { parseScope } from '../../platform/access/scope.js';
import { SYSTEM_CONTEXT } from '../../platform/audit/audit-events.js';
import type { Role } from '../../shared/roles.js';
import { importAgents } from '../agents/agents.service.js';
import { NOT_CLOSED } from '../cases/case-rules.js';
import { importApplications } from '../intake/intake.service.js';
import { scanBook } from '../linkage/scan.service.js';
import { addUser } from '../users/users.service.js';

const PASSWORD = 'Test-password-42';
const WANG_ID = residentId('110101', '1975-03-03', '031');
const ZHANG = {
  name: '张伟',
  gender: 'M',
  birthDate: '1980-01-01',
  idType: 'RESIDENT_ID',
  idNo: ZHANG_WEI_ID,
  address: '北京市东城区东长安街1号',
  phones: ['+86 138-0013-8000', '020-8888 1234'],
};
const BOOK = [
  // Zhang applies in GD-GZ (agent channel) for his wife, paying from his own account …
  application({
    policyNo: 'P01',
    appliedAt: '2026-11-30T10:00:00+08:00',
    applicant: ZHANG,
    insured: {
      name: '李娜',
      gender: 'F',
      birthDate: '1982-05-20',
      idType: 'RESIDENT_ID',
      idNo: LI_NA_ID,
      relationToApplicant: 'spouse',
    },
    beneficiaries: [],
  }),
  // … and is the beneficiary of a bancassurance policy in Beijing whose applicant shares his phone.
  application({
    policyNo: 'P02',
    channel: 'bancassurance',
    agentCode: 'B1',
    branchCode: 'BJ-HQ',
    appliedAt: '2026-11-30T11:00:00+08:00',
    payerAccount: null,
    applicant: {
      ...ZHANG,
      name: '王磊',
      birthDate: '1975-03-03',
      idNo: WANG_ID,
      address: '北京市西城区金融大街2号',
      phones: ['13800138000'],
    },
    beneficiaries: [{ name: '张伟', idType: 'RESIDENT_ID', idNo: ZHANG_WEI_ID, relationToInsured: 'other' }],
  }),
];
const PLAIN = /13800138000|138-0013-8000|8888 1234|张伟|东长安街|6222 ?0212|1980-01-01/;

describe.each(DIALECTS)('customers over HTTP on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  const clients = new Map<string, { cookie: string; 'x-csrf-token': string }>();
  let zhang: number;
  let wang: number;

  async function staff(username: string, role: Role, scope: string[] = []) {
    await addUser(store, SYSTEM_CONTEXT, { username, role, scope: parseScope(scope), password: PASSWORD });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username, password: PASSWORD },
    });
    const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
    clients.set(username, { cookie, 'x-csrf-token': response.json().csrfToken });
  }
  const get = (username: string, url: string) =>
    app.inject({ method: 'GET', url: `/api/v1${url}`, headers: clients.get(username) });
  const reveal = (username: string, id: number, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/v1/customers/${id}/reveal`, headers: clients.get(username), payload });
  const events = (type: string) =>
    store.db.kysely.selectFrom('audit_events').selectAll().where('type', '=', type).orderBy('seq').execute();

  beforeEach(async () => {
    store = await createTestStore(dialect);
    const banker = agent({
      agentCode: 'B1',
      kind: 'bancassurance_specialist',
      branchCode: 'BJ-HQ',
      idNo: residentId('110101', '1979-02-02', '011'),
      phones: ['13700007777'],
      relatives: [],
    });
    await importAgents(store, writeJsonl(store.dir, 'agents.jsonl', [agent(), banker]));
    expect((await importApplications(store, writeJsonl(store.dir, 'book.jsonl', BOOK))).rejected).toBe(0);
    await scanBook(store, { asOf: '2026-12-01' });
    const party = (policyNo: string, role: 'applicant' | 'insured') =>
      store.db.kysely
        .selectFrom('policy_parties')
        .select('customer_id')
        .where('policy_no', '=', policyNo)
        .where('role', '=', role)
        .executeTakeFirstOrThrow();
    zhang = Number((await party('P01', 'applicant')).customer_id);
    wang = Number((await party('P02', 'applicant')).customer_id);
    app = await buildApp(store);
    await staff('kefu', 'customer_service');
    await staff('gz', 'channel_back_office', ['channel:agent', 'branch:GD-GZ']);
    await staff('qudao', 'channel_management', ['branch:GD']);
  });
  afterEach(async () => {
    await app.close();
    await store.destroy();
  });

  it('shows a customer masked, with their policies and open items, and logs the view', async () => {
    const response = await get('kefu', `/customers/${zhang}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(PLAIN);
    const customer = response.json();
    expect(customer).toMatchObject({
      customerId: zhang,
      idType: 'RESIDENT_ID',
      name: '张*',
      idNo: `110101********${ZHANG_WEI_ID.slice(-4)}`,
      gender: 'M',
      birthDate: '1980-01-**',
      phones: ['138****8000', '020****1234'],
      address: '北京市东城区****',
    });
    expect(customer.policies.map((p: { policyNo: string; role: string }) => `${p.policyNo} ${p.role}`)).toEqual([
      'P01 applicant',
      'P01 payer',
      'P02 beneficiary',
    ]);
    expect(customer.openItems.map((i: { policyNo: string; rule: string }) => `${i.policyNo} ${i.rule}`)).toEqual([
      'P01 SHARED_PHONE',
      'P02 SHARED_PHONE',
    ]);
    expect(await events('customer.viewed')).toEqual([
      expect.objectContaining({ actor: 'kefu', object_id: `${zhang}` }),
    ]);
  });

  it('counts as open every item not closed, whoever holds it', async () => {
    const setStatus = (policyNo: string, status: string) =>
      store.db.kysely.updateTable('problem_items').set({ status }).where('policy_no', '=', policyNo).execute();
    await setStatus('P02', 'closed');
    for (const status of NOT_CLOSED) {
      await setStatus('P01', status);
      const customer = (await get('kefu', `/customers/${zhang}`)).json();
      expect(customer.openItems.map((i: { policyNo: string; status: string }) => `${i.policyNo} ${i.status}`)).toEqual([
        `P01 ${status}`,
      ]);
    }
  });

  it('shows a scoped reader only customers on their policies, and only those policies', async () => {
    const own = (await get('gz', `/customers/${zhang}`)).json();
    expect(own.policies.map((p: { policyNo: string }) => p.policyNo)).toEqual(['P01', 'P01']);
    expect(own.openItems.map((i: { policyNo: string }) => i.policyNo)).toEqual(['P01']);
    const other = await get('gz', `/customers/${wang}`);
    const none = await get('gz', '/customers/999999');
    expect(other.statusCode).toBe(404);
    expect(none.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    expect((await reveal('gz', wang, { field: 'name', reason: '核实客户身份' })).statusCode).toBe(404);
    expect((await reveal('gz', zhang, { field: 'name', policyNo: 'P02', reason: '核实客户身份' })).statusCode).toBe(
      404,
    );
  });

  it('refuses a reveal without a reason, naming the field in both languages', async () => {
    for (const reason of [undefined, '   ', 'abc', 'x'.repeat(201)]) {
      const response = await reveal('kefu', zhang, { field: 'phone', reason });
      expect(response.statusCode).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('BAD_INPUT');
      expect(error.fields[0].field).toBe('body.reason');
      expect(error.fields[0].zh).toContain('reason');
      expect(error.fields[0].en).toContain('reason');
    }
    expect(await events('pii.revealed')).toEqual([]);
  });

  it('reveals one value with a reason, not cached, audited without the value (P5.21)', async () => {
    const phone = await reveal('kefu', zhang, { field: 'phone', index: 1, reason: '  回访客户核实电话  ' });
    expect(phone.statusCode).toBe(200);
    expect(phone.json()).toEqual({ field: 'phone', value: '020-8888 1234', policyNo: 'P01' });
    expect(phone.headers['cache-control']).toBe('no-store');
    const idNo = await reveal('kefu', zhang, { field: 'idNo', reason: '核实客户身份证件' });
    expect(idNo.json().value).toBe(ZHANG_WEI_ID);
    const account = await reveal('kefu', zhang, { field: 'accountNo', reason: '核对扣款账户', policyNo: 'P01' });
    expect(account.json().value).toBe('6222 0212 3456 7890 128');
    const revealed = await events('pii.revealed');
    expect(revealed.map((e) => JSON.parse(e.data))).toEqual([
      { field: 'phone[1]', reason: '回访客户核实电话', policyNo: 'P01' },
      // The current version: what the latest policy (P02, as beneficiary) said.
      { field: 'idNo', reason: '核实客户身份证件', policyNo: 'P02' },
      { field: 'accountNo', reason: '核对扣款账户', policyNo: 'P01' },
    ]);
    const trail = (await store.db.kysely.selectFrom('audit_events').select('data').execute()).map((e) => e.data);
    expect(trail.join('\n')).not.toMatch(/8888 ?1234|13800138000|6222 ?0212|11010119800101/);
    expect(revealed[0]).toMatchObject({ actor: 'kefu', object_type: 'customer', object_id: `${zhang}` });
  });

  it('needs the reveal permission and the anti-forgery token', async () => {
    expect((await reveal('qudao', zhang, { field: 'name', reason: '核实客户身份' })).statusCode).toBe(403);
    const forged = await app.inject({
      method: 'POST',
      url: `/api/v1/customers/${zhang}/reveal`,
      headers: { cookie: clients.get('kefu')?.cookie ?? '' },
      payload: { field: 'name', reason: '核实客户身份' },
    });
    expect(forged.statusCode).toBe(403);
    expect((await reveal('kefu', zhang, { field: 'phone', index: 5, reason: '核实客户身份' })).statusCode).toBe(404);
  });
});
