import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { addStaff, as, type Client, signIn, startApp } from '../../../test/server.js';
import { loadSmallBook } from '../../../test/small-book.js';
import { fixedClock } from '../../platform/clock.js';
import { escalateOverdue } from '../escalation/escalation.service.js';

describe.each(DIALECTS)('notifications over HTTP on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let hegui: Client;
  let qudao: Client;

  const get = (client: Client, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as(client) });
  const read = (client: Client, id: number) =>
    app.inject({ method: 'POST', url: `/api/v1/notifications/${id}/read`, headers: as(client) });

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await loadSmallBook(store);
    await addStaff(store, 'hegui', 'compliance');
    await addStaff(store, 'qudao', 'channel_management', ['branch:BJ']);
    // Escalated on the morning of the day after the items fell due: never as of a day to come.
    await escalateOverdue({ ...store, clock: fixedClock('2026-12-04T06:40:00+08:00') }, { asOf: '2026-12-04' });
    app = await startApp(store);
    hegui = await signIn(app, 'hegui');
    qudao = await signIn(app, 'qudao');
  });
  afterEach(async () => {
    await app.close();
    await store.destroy();
  });

  it("lists the caller's own, newest first, with the unread count", async () => {
    const mine = await get(hegui, '/notifications');
    expect(mine.statusCode).toBe(200);
    const body = mine.json();
    expect(body.unread).toBe(4);
    expect(body.notifications).toHaveLength(4);
    const ids = body.notifications.map((n: { id: number }) => n.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
    expect(body.notifications[0]).toMatchObject({ kind: 'item.escalated', readAt: null });
    expect(body.notifications[0].data).toMatchObject({ rule: 'SHARED_PHONE', dueOn: '2026-12-03' });
    const theirs = (await get(qudao, '/notifications')).json();
    expect(theirs.notifications.map((n: { data: { policyNo: string } }) => n.data.policyNo).sort()).toEqual([
      'P3',
      'P4',
    ]);
    expect((await get(hegui, '/notifications?limit=1&offset=1')).json().notifications).toEqual([body.notifications[1]]);
  });

  it('marks one read, once; another user’s reads as not found', async () => {
    const [first, second] = (await get(hegui, '/notifications')).json().notifications;
    const marked = await read(hegui, first.id);
    expect(marked.statusCode).toBe(200);
    expect(marked.json().readAt).toBe(store.clock.now().toISOString());
    expect((await read(hegui, first.id)).json().readAt).toBe(marked.json().readAt);
    const after = (await get(hegui, '/notifications?unread=true')).json();
    expect(after.unread).toBe(3);
    expect(after.notifications.map((n: { id: number }) => n.id)).not.toContain(first.id);
    const foreign = await read(qudao, second.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    expect((await read(hegui, 999_999)).statusCode).toBe(404);
    expect((await get(hegui, '/notifications')).json().unread).toBe(3);
  });
});
