import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { agent, application, residentId } from '../../../test/records.js';
import { addStaff, as, type Client, signIn, startApp } from '../../../test/server.js';
import { importAgents } from '../agents/agents.service.js';
import { importApplications } from '../intake/intake.service.js';
import { scanBook } from '../linkage/scan.service.js';

const WANG_ID = residentId('110101', '1975-03-03', '031');
const ZHANG = application().applicant as Record<string, unknown>;
const P1 = 'P2026112900001';
const PLAIN = /13800138000|138-0013-8000|8888 1234|张伟|东长安街|金融大街|6222 ?0212|1980-01-01/;

describe.each(DIALECTS)('customer 360 on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let kefu: Client;
  let neiqin: Client;
  let zhang: number;
  const get = (client: Client, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as(client) });
  const load = (name: string, records: unknown[]) => importApplications(store, writeJsonl(store.dir, name, records));

  beforeEach(async () => {
    store = await createTestStore(dialect);
    const banker = agent({
      agentCode: 'B1',
      kind: 'bancassurance_specialist',
      branchCode: 'BJ-HQ',
      idNo: null,
      idType: null,
      phones: [],
      relatives: [],
    });
    await importAgents(store, writeJsonl(store.dir, 'agents.jsonl', [agent(), banker]));
    await load('book.jsonl', [
      application(),
      application({
        policyNo: 'P2',
        applicant: { ...ZHANG, name: '王磊', birthDate: '1975-03-03', idNo: WANG_ID, phones: ['13800138000'] },
        payerAccount: null,
        beneficiaries: [],
      }),
    ]);
    await scanBook(store, { asOf: '2026-11-30' });
    // Zhang adds a landline on his policy, then a Beijing policy gives a new address.
    await load('correction.jsonl', [
      application({ applicant: { ...ZHANG, phones: [...(ZHANG.phones as string[]), '020-8888 1234'] } }),
    ]);
    await load('beijing.jsonl', [
      application({
        policyNo: 'P5',
        channel: 'bancassurance',
        agentCode: 'B1',
        branchCode: 'BJ-HQ',
        payerAccount: null,
        beneficiaries: [],
        applicant: { ...ZHANG, address: '北京市西城区金融大街2号' },
      }),
    ]);
    const party = await store.db.kysely
      .selectFrom('customers')
      .select('id')
      .where('version', '=', 3)
      .executeTakeFirstOrThrow();
    zhang = Number(party.id);
    await store.db.kysely
      .updateTable('problem_items')
      .set({ status: 'closed', closed_on: '2026-12-02' })
      .where('policy_no', '=', P1)
      .execute();
    await addStaff(store, 'kefu', 'customer_service');
    await addStaff(store, 'neiqin', 'channel_back_office', ['channel:agent', 'branch:GD']);
    app = await startApp(store);
    kefu = await signIn(app, 'kefu');
    neiqin = await signIn(app, 'neiqin');
  });
  afterEach(async () => {
    await app.close();
    await store.destroy();
  });

  it('shows every version of the customer, newest first, masked, with what changed', async () => {
    const response = await get(kefu, `/customers/${zhang}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(PLAIN);
    const history = response.json().contactHistory;
    expect(
      history.map((v: { version: number; policyNo: string; changed: string[] }) => [v.version, v.policyNo, v.changed]),
    ).toEqual([
      [3, 'P5', ['phones', 'address']],
      [2, P1, ['phones']],
      [1, P1, ['name', 'idNo', 'gender', 'birthDate', 'phones', 'address']],
    ]);
    expect(history[1]).toMatchObject({
      role: 'applicant',
      recordedAt: store.clock.now().toISOString(),
      values: { name: '张*', phones: ['138****8000', '020****1234'], address: '北京市东城区****' },
    });
    expect(history[0].values.address).toBe('北京市西城区****');
  });

  it('leaves out, whole, a version from a policy outside the reader’s scope (P5.21)', async () => {
    const response = await get(neiqin, `/customers/${zhang}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(PLAIN);
    const history = response.json().contactHistory;
    // Nothing of the Beijing policy: not its number, its submission, its date nor what it changed.
    const beijing = await store.db.kysely
      .selectFrom('submissions')
      .select(['id', 'received_at'])
      .where('policy_no', '=', 'P5')
      .executeTakeFirstOrThrow();
    expect(response.body).not.toContain('"P5"');
    expect(history.map((v: { submissionId: number }) => v.submissionId)).not.toContain(Number(beijing.id));
    expect(history).toEqual([
      expect.objectContaining({ version: 2, policyNo: P1, role: 'applicant', changed: ['phones'] }),
      expect.objectContaining({
        version: 1,
        policyNo: P1,
        changed: ['name', 'idNo', 'gender', 'birthDate', 'phones', 'address'],
      }),
    ]);
    for (const v of history) expect(Object.keys(v)).not.toContain('inScope');
    expect(history[0].values).toMatchObject({ name: '张*', address: '北京市东城区****' });
  });

  it('compares a visible version with the previous visible one, not with one outside the scope', async () => {
    // A Beijing reader sees only version 3: as their first, it lists all it holds, though it
    // changed only phones and address from the Guangdong versions they may not see.
    await addStaff(store, 'bj', 'channel_back_office', ['channel:bancassurance', 'branch:BJ']);
    const bj = await signIn(app, 'bj');
    const response = await get(bj, `/customers/${zhang}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(P1);
    const history = response.json().contactHistory;
    expect(history).toEqual([
      expect.objectContaining({
        version: 3,
        policyNo: 'P5',
        changed: ['name', 'idNo', 'gender', 'birthDate', 'phones', 'address'],
      }),
    ]);
    expect(history[0].values.address).toBe('北京市西城区****');
  });

  it('lists the links the customer is on and all their items, closed ones included', async () => {
    const customer = (await get(kefu, `/customers/${zhang}`)).json();
    const item = await store.db.kysely
      .selectFrom('problem_items')
      .selectAll()
      .where('policy_no', '=', P1)
      .executeTakeFirstOrThrow();
    expect(customer.openItems).toEqual([]);
    expect(customer.items).toEqual([
      {
        itemNo: item.item_no,
        policyNo: P1,
        rule: 'SHARED_PHONE',
        linkId: item.link_id,
        detectedOn: '2026-11-30',
        dueOn: '2026-12-03',
        status: 'closed',
        overdue: false,
        escalatedOn: null,
      },
    ]);
    expect(customer.links).toEqual([
      {
        linkId: item.link_id,
        rule: 'SHARED_PHONE',
        kind: 'phone',
        status: 'open',
        households: 2,
        members: 2,
        firstDetectedOn: '2026-11-30',
        lastDetectedOn: '2026-11-30',
        itemNos: [item.item_no],
      },
    ]);
  });
});
