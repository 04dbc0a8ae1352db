import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { agent, application, residentId } from '../../../test/records.js';
import { buildApp } from '../../app.js';
import { parseScope } from '../../platform/access/scope.js';
import { SYSTEM_CONTEXT } from '../../platform/audit/audit-events.js';
import { importAgents } from '../agents/agents.service.js';
import { importApplications } from '../intake/intake.service.js';
import { addUser } from '../users/users.service.js';
import { createScanRunner, dailyScanJob, type ScanSummary } from './scan-runner.js';

const PASSWORD = 'Test-password-42';

/** The worker opens the store from its configuration: a PostgreSQL test store needs its own URL there. */
async function withUrl(store: TestStore): Promise<TestStore> {
  if (store.db.dialect === 'postgres') {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(store.db.kysely);
    const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
    url.pathname = `/${rows[0]?.name}`;
    store.config.databaseUrl = url.toString();
  }
  return store;
}

/** Two customers on one phone, applied on 29 November and not scanned yet. */
async function loadBook(store: TestStore): Promise<void> {
  const applicant = (name: string, gender: string, birthDate: string, seq: string, phone: string) => ({
    name,
    gender,
    birthDate,
    idType: 'RESIDENT_ID',
    idNo: residentId('440106', birthDate, seq),
    address: `广东省广州市天河区体育西路${seq}号`,
    phones: [phone],
  });
  const policy = (policyNo: string, person: ReturnType<typeof applicant>) =>
    application({ policyNo, applicant: person, payerAccount: null, beneficiaries: [] });
  await importAgents(store, writeJsonl(store.dir, 'agents.jsonl', [agent()]));
  await importApplications(
    store,
    writeJsonl(store.dir, 'book.jsonl', [
      policy('P1', applicant('张伟', 'M', '1980-01-01', '123', '13800138000')),
      policy('P2', applicant('李娜', 'F', '1982-05-20', '246', '138 0013 8000')),
    ]),
  );
}

async function signIn(app: FastifyInstance, store: TestStore, username: string, role: 'it_operations' | 'auditor') {
  await addUser(store, SYSTEM_CONTEXT, { username, role, scope: parseScope([]), password: PASSWORD });
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password: PASSWORD },
  });
  expect(response.statusCode).toBe(200);
  return {
    cookie: String(response.headers['set-cookie']).split(';')[0] ?? '',
    'x-csrf-token': response.json().csrfToken,
  };
}

async function scanEvents(store: TestStore) {
  return store.db.kysely
    .selectFrom('audit_events')
    .select(['actor_kind', 'actor', 'object_id', 'data'])
    .where('type', '=', 'scan.ran')
    .orderBy('seq')
    .execute();
}

describe.each(DIALECTS)('scans on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeEach(async () => {
    store = await withUrl(await createTestStore(dialect));
    await loadBook(store);
  });
  afterEach(async () => {
    await app?.close();
    await store.destroy();
  });

  it('POST /scans runs a real scan in a worker, records the run and who ran it', async () => {
    app = await buildApp(store);
    const operator = await signIn(app, store, 'yunwei', 'it_operations');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/scans',
      headers: operator,
      payload: { asOf: '2026-12-01' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      asOf: '2026-12-01',
      mode: 'daily',
      applications: 2,
      itemsRaised: 2,
      summary: { byRule: { SHARED_PHONE: 2 } },
    });
    const items = await store.db.kysely.selectFrom('problem_items').select('policy_no').orderBy('policy_no').execute();
    expect(items.map((i) => i.policy_no)).toEqual(['P1', 'P2']);
    expect(await scanEvents(store)).toEqual([
      {
        actor_kind: 'user',
        actor: 'yunwei',
        object_id: '2026-12-01',
        data: JSON.stringify({ asOf: '2026-12-01', mode: 'daily', itemsRaised: 2 }),
      },
    ]);

    const auditor = await signIn(app, store, 'shenji', 'auditor');
    const list = await app.inject({ method: 'GET', url: '/api/v1/scans?limit=10', headers: auditor });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      runs: [{ asOf: '2026-12-01', mode: 'daily', applications: 2, itemsRaised: 2 }],
    });
    const refused = await app.inject({ method: 'POST', url: '/api/v1/scans', headers: auditor, payload: {} });
    expect(refused.statusCode).toBe(403);
  });

  it('the scheduled daily scan runs in the worker as Veracity itself, once a day', async () => {
    const runner = createScanRunner(store);
    const job = dailyScanJob(store, runner);
    expect(await job.doneOn?.('2026-12-01')).toBe(false);
    await job.run('2026-12-01');
    expect(await job.doneOn?.('2026-12-01')).toBe(true);
    const runs = await store.db.kysely.selectFrom('scan_runs').select(['as_of', 'mode', 'items_raised']).execute();
    expect(runs).toEqual([{ as_of: '2026-12-01', mode: 'daily', items_raised: 2 }]);
    expect(await scanEvents(store)).toMatchObject([{ actor_kind: 'system', actor: 'veracity' }]);
  });

  it('passes the scan’s own refusal back (a date that does not exist)', async () => {
    const runner = createScanRunner(store);
    await expect(runner.run({ asOf: '2026-02-30', mode: 'daily' }, SYSTEM_CONTEXT)).rejects.toMatchObject({
      kind: 'BAD_INPUT',
    });
    expect(runner.busy).toBe(false);
  });

  it('answers 409 CONFLICT while a scan is running', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const runner = createScanRunner(store, async (_deps, request): Promise<ScanSummary> => {
      await held;
      const summary = { byRule: {}, byChannel: {}, byBranch: {} };
      return { ...request, applications: 0, itemsRaised: 0, summary, deadlineWarnings: [], seconds: 0 };
    });
    app = await buildApp(store, { scanRunner: runner });
    const operator = await signIn(app, store, 'yunwei', 'it_operations');
    const first = app.inject({ method: 'POST', url: '/api/v1/scans', headers: operator, payload: { mode: 'full' } });
    while (!runner.busy) await new Promise((resolve) => setImmediate(resolve));
    const second = await app.inject({ method: 'POST', url: '/api/v1/scans', headers: operator, payload: {} });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'CONFLICT', en: expect.stringContaining('already running') });
    release();
    const answered = await first;
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ asOf: '2026-12-03', mode: 'full' });
    await runner.idle();
    expect(runner.busy).toBe(false);
  });
});
