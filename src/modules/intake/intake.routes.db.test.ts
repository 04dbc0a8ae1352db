import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { agent, application } from '../../../test/records.js';
import { addStaff, as, signIn, startApp } from '../../../test/server.js';
import { parseScope } from '../../platform/access/scope.js';
import { SYSTEM_CONTEXT } from '../../platform/audit/audit-events.js';
import { importAgents } from '../agents/agents.service.js';
import { createApiKey, revokeApiKey } from '../apikeys/apikeys.service.js';

describe.each(DIALECTS)('the real-time gate on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let key: string;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    await importAgents(store, writeJsonl(store.dir, 'agents.jsonl', [agent()]));
    app = await startApp(store);
    key = (await createApiKey(store, SYSTEM_CONTEXT, { name: 'core', scope: parseScope([]) })).key;
  });
  afterEach(async () => {
    await app.close();
    await store.destroy();
  });

  const post = (url: string, payload: unknown, bearer = key) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers: { authorization: `Bearer ${bearer}` } });
  const count = async (table: 'submissions' | 'applications') =>
    Number(
      (
        await store.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('checks without storing anything', async () => {
    const ok = await post('/api/v1/applications/check', application());
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ policyNo: 'P2026112900001', accepted: true, errors: [], warnings: [] });
    const bad = await post(
      '/api/v1/applications/check',
      application({ applicant: { ...(application().applicant as object), gender: 'F' } }),
    );
    expect(bad.json().errors.map((e: { code: string }) => e.code)).toContain('GENDER_MISMATCH');
    expect(await count('submissions')).toBe(0);
  });

  it('answers a missing field in the gate’s own code, not as a malformed request', async () => {
    const { policyNo: _, ...withoutPolicyNo } = application();
    const response = await post('/api/v1/applications/check', withoutPolicyNo);
    expect(response.statusCode).toBe(200);
    expect(response.json().errors[0]).toMatchObject({ code: 'MISSING_FIELD', path: 'policyNo' });
    expect((await post('/api/v1/applications/check', [1, 2])).statusCode).toBe(400);
  });

  it('stores an accepted submission, keeps a rejected one with its errors, and audits both', async () => {
    const accepted = await post('/api/v1/applications', application());
    expect(accepted.json()).toMatchObject({ accepted: true, status: 'accepted' });
    const again = await post('/api/v1/applications', application());
    expect(again.json().status).toBe('unchanged');
    const rejected = await post('/api/v1/applications', application({ policyNo: 'P2', agentCode: 'NOBODY' }));
    expect(rejected.json()).toMatchObject({ accepted: false, status: 'rejected' });
    expect(await count('submissions')).toBe(2);
    const events = await store.db.kysely
      .selectFrom('audit_events')
      .select(['type', 'actor_kind', 'actor', 'object_id', 'data'])
      .where('type', '=', 'application.submitted')
      .orderBy('seq')
      .execute();
    expect(events).toMatchObject([
      { actor_kind: 'apikey', actor: 'core', object_id: 'P2026112900001' },
      { object_id: 'P2', data: JSON.stringify({ status: 'rejected', errorCodes: ['AGENT_UNKNOWN'] }) },
    ]);
  });

  it('answers a batch record by record: one bad record sinks nothing else', async () => {
    const response = await post('/api/v1/applications/batch', {
      applications: [application(), 'not a record', application({ policyNo: 'P3', agentCode: 'NOBODY' })],
    });
    expect(response.statusCode).toBe(207);
    const body = response.json();
    expect(body).toMatchObject({ accepted: 1, rejected: 1, refused: 1, unchanged: 0 });
    expect(body.results.map((r: { status: number }) => r.status)).toEqual([200, 400, 200]);
    expect(body.results[1].error.code).toBe('BAD_INPUT');
    expect((await post('/api/v1/applications/batch', { applications: 'x' })).statusCode).toBe(400);
  });

  it('keeps a key to its scope, record by record', async () => {
    const bank = (
      await createApiKey(store, SYSTEM_CONTEXT, { name: 'bank', scope: parseScope(['channel:bancassurance']) })
    ).key;
    const single = await post('/api/v1/applications', application(), bank);
    expect(single.statusCode).toBe(403);
    expect(single.json().error.details[0]).toMatch(/^channel:/);
    const batch = await post(
      '/api/v1/applications/batch',
      { applications: [application(), application({ policyNo: 'P4', channel: 'bancassurance' })] },
      bank,
    );
    expect(batch.json().results.map((r: { status: number }) => r.status)).toEqual([403, 200]);
    expect(await count('applications')).toBe(1);
  });

  it('does not let a scoped key move another scope’s policy by re-submitting its number', async () => {
    expect((await post('/api/v1/applications', application())).json().status).toBe('accepted');
    const bank = (
      await createApiKey(store, SYSTEM_CONTEXT, { name: 'bank', scope: parseScope(['channel:bancassurance']) })
    ).key;
    const takeover = await post('/api/v1/applications', application({ channel: 'bancassurance' }), bank);
    expect(takeover.statusCode).toBe(403);
    expect(takeover.json().error.details).toEqual([expect.stringMatching(/^policyNo:/)]);
    const row = await store.db.kysely.selectFrom('applications').select('channel').executeTakeFirstOrThrow();
    expect(row.channel).toBe('agent');
  });

  it('refuses unknown and revoked keys', async () => {
    expect((await post('/api/v1/applications/check', application(), 'vk_nope')).statusCode).toBe(401);
    const created = await createApiKey(store, SYSTEM_CONTEXT, { name: 'old', scope: parseScope([]) });
    expect((await post('/api/v1/applications/check', application(), created.key)).statusCode).toBe(200);
    await revokeApiKey(store, SYSTEM_CONTEXT, created.apiKey.id);
    expect((await post('/api/v1/applications/check', application(), created.key)).statusCode).toBe(401);
  });

  it('lets staff with the permission check, with their session', async () => {
    await addStaff(store, 'yewu', 'business_support');
    const client = await signIn(app, 'yewu');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/applications/check',
      payload: application(),
      headers: as(client),
    });
    expect(response.statusCode).toBe(200);
  });

  it('sees a seller registered after it started', async () => {
    const unknown = await post('/api/v1/applications/check', application({ agentCode: 'A20000' }));
    expect(unknown.json().errors[0].code).toBe('AGENT_UNKNOWN');
    await importAgents(
      store,
      writeJsonl(store.dir, 'more.jsonl', [agent({ agentCode: 'A20000', idNo: null, idType: null })]),
    );
    const known = await post('/api/v1/applications/check', application({ agentCode: 'A20000' }));
    expect(known.json().accepted).toBe(true);
  });
});
