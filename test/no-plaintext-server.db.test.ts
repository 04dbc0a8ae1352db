import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { importAgents } from '../src/modules/agents/agents.service.js';
import { createApiKey } from '../src/modules/apikeys/apikeys.service.js';
import { parseScope } from '../src/platform/access/scope.js';
import { verifyAuditChain } from '../src/platform/audit/audit.js';
import { SYSTEM_CONTEXT } from '../src/platform/audit/audit-events.js';
import { createLogger } from '../src/platform/logging.js';
import { createTestStore, type TestStore, writeJsonl } from './harness.js';
import { agent, application, residentId } from './records.js';
import { addStaff, as, signIn } from './server.js';

const people = [
  {
    name: '欧阳明',
    gender: 'M',
    birthDate: '1981-02-03',
    idNo: residentId('440106', '1981-02-03', '111'),
    phone: '13612345678',
  },
  {
    name: '司马兰',
    gender: 'F',
    birthDate: '1984-06-07',
    idNo: residentId('440106', '1984-06-07', '222'),
    phone: '136 1234 5678',
  },
  {
    name: '诸葛亮',
    gender: 'M',
    birthDate: '1979-09-09',
    idNo: residentId('440106', '1979-09-09', '333'),
    phone: '13787654321',
  },
];
const ACCOUNT = '6222021234567890128';

// JR/T 0171 C2: after a whole run through the server — submissions, scan, views, a reveal, an
// export — no known value is in the database files or the logs.
const KNOWN_VALUES = [
  ...people.flatMap((p) => [p.name, p.idNo, p.phone.replaceAll(' ', '')]),
  '+8613612345678',
  ACCOUNT,
  '体育东路',
];

describe('no plaintext after an end-to-end run through the server', () => {
  let store: TestStore | undefined;
  afterEach(async () => {
    await store?.destroy();
  });

  it('greps the SQLite files and the request logs for known values and finds none', async () => {
    const s = await createTestStore('sqlite');
    store = s;
    const logged: string[] = [];
    s.logger = createLogger(
      'trace',
      new Writable({ write: (chunk, _e, done) => done(void logged.push(String(chunk))) }),
    );
    await importAgents(s, writeJsonl(s.dir, 'agents.jsonl', [agent()]));
    const app = await buildApp(s);
    const key = (await createApiKey(s, SYSTEM_CONTEXT, { name: 'core', scope: parseScope([]) })).key;
    const applications = people.map((p, i) =>
      application({
        policyNo: `E${i + 1}`,
        appliedAt: '2026-11-30T10:00:00+08:00',
        applicant: {
          name: p.name,
          gender: p.gender,
          birthDate: p.birthDate,
          idType: 'RESIDENT_ID',
          idNo: p.idNo,
          address: `广东省广州市天河区体育东路${i + 1}号`,
          phones: [p.phone],
        },
        beneficiaries: [],
        payerAccount: i === 0 ? { bankCode: 'ICBC', accountNo: ACCOUNT, holderName: p.name } : null,
      }),
    );
    const batch = await app.inject({
      method: 'POST',
      url: '/api/v1/applications/batch',
      headers: { authorization: `Bearer ${key}` },
      payload: {
        applications: [...applications, { ...applications[2], policyNo: 'E9', applicant: { idNo: people[2]?.idNo } }],
      },
    });
    expect(batch.json()).toMatchObject({ accepted: 3, rejected: 1 });

    for (const [name, role] of [
      ['yunwei', 'it_operations'],
      ['kefu', 'customer_service'],
    ] as const)
      await addStaff(s, name, role);
    const ops = await signIn(app, 'yunwei');
    const scan = await app.inject({
      method: 'POST',
      url: '/api/v1/scans',
      headers: as(ops),
      payload: { asOf: '2026-12-01' },
    });
    expect(scan.statusCode, scan.body).toBe(200);

    const kefu = await signIn(app, 'kefu');
    const items = (await app.inject({ method: 'GET', url: '/api/v1/items', headers: as(kefu) })).json().items;
    expect(items.length).toBeGreaterThan(0);
    const detail = await app.inject({ method: 'GET', url: `/api/v1/items/${items[0].itemNo}`, headers: as(kefu) });
    expect(detail.body).toContain('136****5678');
    const customerId = detail.json().customers[0].customerId;
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/customers/${customerId}`, headers: as(kefu) })).statusCode,
    ).toBe(200);
    const reveal = await app.inject({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/reveal`,
      headers: as(kefu),
      payload: { field: 'phone', reason: '客户来电，核实联系方式' },
    });
    expect(reveal.json().value).toMatch(/136/);
    const exported = await app.inject({ method: 'GET', url: '/api/v1/items/export', headers: as(kefu) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(items.length + 1);
    await app.close();

    expect((await verifyAuditChain(s.db.kysely, s.keyring.indexKey)).ok).toBe(true);
    const types = (await s.db.kysely.selectFrom('audit_events').select('type').execute()).map((e) => e.type);
    expect(new Set(types)).toEqual(
      new Set([
        'apikey.created',
        'user.created',
        'application.submitted',
        'session.signed_in',
        'scan.ran',
        'item.viewed',
        'customer.viewed',
        'pii.revealed',
        'items.exported',
      ]),
    );

    const readStore = () =>
      fs
        .readdirSync(s.dir)
        .filter((f) => f.startsWith('veracity.db'))
        .map((f) => fs.readFileSync(path.join(s.dir, f)));
    const stored = readStore();
    await s.db.close();
    stored.push(...readStore());
    // Controls: the grep sees what is stored in the clear, and the logs did record the requests.
    expect(stored.some((bytes) => bytes.includes(Buffer.from('E1')))).toBe(true);
    expect(logged.join('')).toContain('/api/v1/customers/:id/reveal');
    for (const value of KNOWN_VALUES) {
      for (const bytes of stored) expect(bytes.includes(Buffer.from(value, 'utf8')), value).toBe(false);
      expect(logged.join('').includes(value), value).toBe(false);
    }
    store = undefined;
    fs.rmSync(s.dir, { recursive: true, force: true });
  });
});
