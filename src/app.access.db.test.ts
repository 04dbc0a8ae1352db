import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TABLE, type Fixture } from '../test/access-table.js';
import { contextOf, FILES, makeItem } from '../test/cases.js';
import { createTestStore, DIALECTS, type TestStore } from '../test/harness.js';
import { addStaff, as, type Client, signIn, startApp } from '../test/server.js';
import { loadSmallBook } from '../test/small-book.js';
import { createApiKey } from './modules/apikeys/apikeys.service.js';
import type { Staff } from './modules/cases/case-actor.js';
import { uploadEvidence } from './modules/cases/evidence.service.js';
import { parseScope, scopeFromJson } from './platform/access/scope.js';
import { SYSTEM_CONTEXT } from './platform/audit/audit-events.js';
import { ROLE_NAMES, type Role, SCOPED_ROLES } from './shared/roles.js';

/**
 * Route × role (P5.21): for every route, every role gets its answer or 403, no session gets 401,
 * an API key gets in only where the table says. The last check counts the checks: a skipped one
 * fails the suite.
 */
const ROWS = Object.entries(ACCESS_TABLE);

describe.each(DIALECTS)('route × role on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let fixture: Fixture;
  let apiKey: string;
  const clients = new Map<Role, Client>();
  let checks = 0;
  let evidence: { itemNo: string; id: number } | undefined;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    await loadSmallBook(store);
    app = await startApp(store);
    for (const role of ROLE_NAMES) {
      await addStaff(
        store,
        role.replaceAll('_', '-'),
        role,
        SCOPED_ROLES.includes(role) ? ['channel:agent', 'branch:GD'] : [],
      );
    }
    apiKey = (await createApiKey(store, SYSTEM_CONTEXT, { name: 'core', scope: parseScope([]) })).key;
    const item = await store.db.kysely
      .selectFrom('problem_items')
      .select('item_no')
      .where('policy_no', '=', 'P1')
      .executeTakeFirstOrThrow();
    const customer = await store.db.kysely
      .selectFrom('policy_parties')
      .select('customer_id')
      .where('policy_no', '=', 'P1')
      .where('role', '=', 'applicant')
      .executeTakeFirstOrThrow();
    let n = 0;
    fixture = {
      itemNo: item.item_no,
      customerId: Number(customer.customer_id),
      unique: () => `T${++n}`,
      async makeTarget(kind) {
        if (kind === 'user') {
          const username = `target${++n}`;
          await addStaff(store, username, 'auditor');
          return username;
        }
        return String(
          (await createApiKey(store, SYSTEM_CONTEXT, { name: `target ${++n}`, scope: parseScope([]) })).apiKey.id,
        );
      },
      async ownedBy(kind, role) {
        const username = (role ?? 'administrator').replaceAll('_', '-');
        const q = store.db.kysely;
        const user = await q
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow();
        const at = store.clock.now().toISOString();
        const row =
          kind === 'notification'
            ? await q
                .insertInto('notifications')
                .values({
                  user_id: user.id,
                  kind: 'test',
                  item_no: `T${++n}`,
                  data: '{}',
                  created_at: at,
                  read_at: null,
                })
                .returning('id')
                .executeTakeFirstOrThrow()
            : await q
                .insertInto('import_batches')
                .values({
                  kind: 'applications',
                  file_name: 'book.jsonl',
                  file_digest: `digest-${++n}`,
                  started_at: at,
                  finished_at: at,
                  status: 'finished',
                  uploaded_by: username,
                })
                .returning('id')
                .executeTakeFirstOrThrow();
        return Number(row.id);
      },
      userId: async (role) => (await staffOf(role)).userId as number,
      async caseItem(options) {
        const assignee = options.assignee && (await staffOf(options.assignee));
        const itemNo = await makeItem(store, {
          policyNo: options.policyNo ?? 'P1',
          status: options.status,
          assigneeId: assignee?.userId ?? null,
          investigatorId: options.investigator ? (await staffOf(options.investigator)).userId : null,
          resolution: options.status === 'submitted' ? 'legitimate' : null,
        });
        if (options.evidence && assignee) {
          for (const kind of ['investigation_report', 'customer_confirmation'] as const) {
            await uploadEvidence(store, assignee, contextOf(assignee), itemNo, {
              kind,
              fileName: 'x.pdf',
              content: FILES.pdf,
            });
          }
        }
        return itemNo;
      },
      async evidence() {
        if (!evidence) {
          const owner = await staffOf('channel_back_office');
          const itemNo = await makeItem(store, { policyNo: 'P1', status: 'distributed', assigneeId: owner.userId });
          const uploaded = await uploadEvidence(store, owner, contextOf(owner), itemNo, {
            kind: 'other',
            fileName: 'x.png',
            content: FILES.png,
          });
          evidence = { itemNo, id: uploaded.evidence.id };
        }
        return evidence;
      },
    };
  }, 60_000);

  /** The test user of a role, as the workflow's services see them. */
  async function staffOf(role: Role): Promise<Staff> {
    const user = await store.db.kysely
      .selectFrom('users')
      .select(['id', 'username', 'scope'])
      .where('username', '=', role.replaceAll('_', '-'))
      .executeTakeFirstOrThrow();
    return { userId: Number(user.id), username: user.username, role, scope: scopeFromJson(user.scope) };
  }

  afterAll(async () => {
    await app?.close();
    await store?.destroy();
  });

  async function clientFor(role: Role): Promise<Client> {
    let client = clients.get(role);
    if (!client) {
      client = await signIn(app, role.replaceAll('_', '-'));
      clients.set(role, client);
    }
    return client;
  }

  async function call(route: string, headers: Record<string, string>, role?: Role) {
    const [method, pattern] = route.split(' ') as [string, string];
    const row = ACCESS_TABLE[route];
    if (!row) throw new Error(`no row for ${route}`);
    const { url, payload, headers: extra } = await row.request(fixture, role);
    expect(url.split('?')[0]?.split('/').length).toBe(pattern.split('/').length);
    return app.inject({
      method: method as 'GET',
      url,
      headers: { ...headers, ...extra },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  it('has a row for every route the server registers, and no row without a route', () => {
    const registered = app.routeTable
      .filter((r) => r.url.startsWith('/api/v1') && !(r.access && 'public' in r.access))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(registered).toEqual(ROWS.map(([route]) => route).sort());
  });

  describe.each(ROWS)('%s', (route, row) => {
    it('answers 401 without a session or key', async () => {
      checks++;
      const response = await call(route, {});
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    });

    it.each(ROLE_NAMES)('as %s', async (role) => {
      checks++;
      const allowed = row.roles === 'staff' || row.roles.includes(role);
      const response = await call(route, as(await clientFor(role)), role);
      if (route === 'DELETE /api/v1/session') clients.delete(role);
      if (allowed) {
        expect(response.statusCode, response.body).toBeLessThan(400);
      } else {
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json().error.code).toBe('FORBIDDEN');
      }
    });

    it(row.apiKeys ? 'lets an API key in' : 'refuses an API key (403)', async () => {
      checks++;
      const response = await call(route, { authorization: `Bearer ${apiKey}` });
      if (row.apiKeys) expect(response.statusCode, response.body).toBeLessThan(400);
      else expect(response.statusCode).toBe(403);
    });
  });

  it('ran every check (a skipped one fails here)', () => {
    expect(checks).toBe(ROWS.length * (ROLE_NAMES.length + 2));
  });
});
