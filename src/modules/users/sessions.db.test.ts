import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { addStaff, as, signIn, startApp, TEST_PASSWORD } from '../../../test/server.js';

describe.each(DIALECTS)('staff sign-in on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let now = new Date('2026-12-03T09:00:00+08:00').getTime();
  beforeEach(async () => {
    now = new Date('2026-12-03T09:00:00+08:00').getTime();
    store = await createTestStore(dialect, { clock: { now: () => new Date(now) } });
    app = await startApp(store);
    await addStaff(store, 'kefu', 'customer_service');
  });
  afterEach(async () => {
    await app.close();
    await store.destroy();
  });

  const attempt = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });

  it('sets an httpOnly, SameSite=Strict session cookie and answers who is signed in', async () => {
    const response = await attempt('kefu', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(response.headers['set-cookie'])).toMatch(/SameSite=Strict/);
    const client = await signIn(app, 'kefu');
    const me = await app.inject({ method: 'GET', url: '/api/v1/session', headers: as(client) });
    expect(me.json()).toMatchObject({ username: 'kefu', role: 'customer_service', wholeCompany: true });
  });

  it('gives the same answer for an unknown name and a wrong password', async () => {
    const unknown = await attempt('nobody', TEST_PASSWORD);
    const wrong = await attempt('kefu', 'Wrong-password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.zh).toBe(wrong.json().error.zh);
    expect(unknown.json().error.en).toBe(wrong.json().error.en);
  });

  it('throttles the sixth wrong password in a row, even when the sixth is right', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('kefu', `Wrong-password-${i}`)).statusCode).toBe(401);
    const sixth = await attempt('kefu', TEST_PASSWORD);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('THROTTLED');
    // Unknown names are throttled the same way: the lock tells nothing about who exists.
    for (let i = 0; i < 5; i++) await attempt('ghost', `Wrong-password-${i}`);
    expect((await attempt('ghost', 'Wrong-password-x')).statusCode).toBe(429);
    now += 16 * 60_000;
    expect((await attempt('kefu', TEST_PASSWORD)).statusCode).toBe(200);
    const failures = await store.db.kysely
      .selectFrom('audit_events')
      .select(['data', 'object_id'])
      .where('type', '=', 'session.sign_in_failed')
      .execute();
    expect(failures.filter((f) => f.object_id === 'kefu')).toHaveLength(6);
    expect(failures.some((f) => f.data.includes('throttled'))).toBe(true);
  });

  it('a success resets the count', async () => {
    for (let i = 0; i < 4; i++) await attempt('kefu', `Wrong-password-${i}`);
    expect((await attempt('kefu', TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await attempt('kefu', `Wrong-password-${i}`);
    expect((await attempt('kefu', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('sign-out revokes the session on the server', async () => {
    const client = await signIn(app, 'kefu');
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: as(client) });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: client.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('ends a session after the idle timeout and after the absolute one', async () => {
    const idle = await signIn(app, 'kefu');
    now += 31 * 60_000;
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: as(idle) })).statusCode).toBe(401);

    const busy = await signIn(app, 'kefu');
    for (let hour = 0; hour < 12; hour++) {
      for (let step = 0; step < 3; step++) {
        now += 20 * 60_000;
        const response = await app.inject({ method: 'GET', url: '/api/v1/session', headers: as(busy) });
        const expected = hour * 60 + (step + 1) * 20 < 12 * 60 ? 200 : 401;
        expect(response.statusCode).toBe(expected);
      }
    }
  });

  it('refuses a change without the anti-forgery token', async () => {
    const client = await signIn(app, 'kefu');
    const response = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: client.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.en).toMatch(/X-CSRF-Token/);
  });

  it('ends the sessions of a disabled user', async () => {
    await addStaff(store, 'admin', 'administrator');
    const admin = await signIn(app, 'admin');
    const kefu = await signIn(app, 'kefu');
    const disabled = await app.inject({ method: 'POST', url: '/api/v1/users/kefu/disable', headers: as(admin) });
    expect(disabled.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: as(kefu) })).statusCode).toBe(401);
    expect((await attempt('kefu', TEST_PASSWORD)).statusCode).toBe(401);
  });
});
