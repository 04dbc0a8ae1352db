import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { addStaff, as, type Client, signIn, startApp, TEST_PASSWORD } from '../../../test/server.js';
import { parseScope } from '../../platform/access/scope.js';
import { SYSTEM_CONTEXT } from '../../platform/audit/audit-events.js';
import { addUser } from './users.service.js';

describe.each(DIALECTS)('staff e-mail addresses on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let admin: Client;
  const setEmail = (username: string, email: unknown) =>
    app.inject({ method: 'PUT', url: `/api/v1/users/${username}/email`, headers: as(admin), payload: { email } });

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await addStaff(store, 'admin', 'administrator');
    await addStaff(store, 'hegui', 'compliance');
    app = await startApp(store);
    admin = await signIn(app, 'admin');
  });
  afterEach(async () => {
    await app.close();
    await store.destroy();
  });

  it('takes an address on creation, its domain lower-cased', async () => {
    const user = await addUser(store, SYSTEM_CONTEXT, {
      username: 'qudao',
      role: 'channel_management',
      scope: parseScope(['GD']),
      password: TEST_PASSWORD,
      email: ' Wang.Li@Insurer.EXAMPLE ',
    });
    expect(user.email).toBe('Wang.Li@insurer.example');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: as(admin),
      payload: {
        username: 'kefu',
        role: 'customer_service',
        password: 'Strong-pass-123',
        email: 'kefu@insurer.example',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().email).toBe('kefu@insurer.example');
  });

  it('lets an administrator set and clear it, audited without the address', async () => {
    const set = await setEmail('hegui', 'hegui@insurer.example');
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ username: 'hegui', email: 'hegui@insurer.example' });
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/users', headers: as(admin) })).json();
    expect(listed.users.find((u: { username: string }) => u.username === 'hegui').email).toBe('hegui@insurer.example');
    expect((await setEmail('hegui', null)).json().email).toBeNull();
    const events = await store.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'user.email_set')
      .execute();
    expect(events.map((e) => [e.actor, e.object_id, e.data])).toEqual([
      ['admin', 'hegui', '{}'],
      ['admin', 'hegui', '{}'],
    ]);
  });

  it('refuses an address that is not one, and an unknown user', async () => {
    for (const email of ['not-an-address', 'a@b', 'two@@insurer.example', 'x y@insurer.example']) {
      const response = await setEmail('hegui', email);
      expect(response.statusCode, email).toBe(400);
      expect(response.json().error.en).toContain('e-mail');
    }
    expect((await setEmail('nobody', 'x@insurer.example')).statusCode).toBe(404);
    const hegui = await signIn(app, 'hegui');
    const forbidden = await app.inject({
      method: 'PUT',
      url: '/api/v1/users/hegui/email',
      headers: as(hegui),
      payload: { email: 'me@insurer.example' },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
