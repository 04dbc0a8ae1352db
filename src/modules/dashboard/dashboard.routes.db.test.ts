import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { application } from '../../../test/records.js';
import { addStaff, as, type Client, signIn, startApp } from '../../../test/server.js';
import { loadSmallBook } from '../../../test/small-book.js';
import { importApplications } from '../intake/intake.service.js';

describe.each(DIALECTS)('the dashboard (工作台) on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let kefu: Client;
  let qudao: Client;
  const get = (client: Client) => app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: as(client) });
  const set = (policyNo: string, changes: Record<string, string>) =>
    store.db.kysely.updateTable('problem_items').set(changes).where('policy_no', '=', policyNo).execute();

  beforeEach(async () => {
    // Today is Thursday 2026-12-03; the week began on Monday 2026-11-30.
    store = await createTestStore(dialect);
    await loadSmallBook(store);
    await set('P1', { status: 'closed', closed_on: '2026-12-02' });
    await set('P3', { status: 'distributed', due_on: '2026-12-01' });
    await set('P4', { status: 'submitted', due_on: '2026-12-01' });
    // An item of three weeks ago, cleared last week.
    await store.db.kysely
      .insertInto('problem_items')
      .values({
        item_no: 'Q20261110-000001',
        policy_no: 'P1',
        rule: 'SHARED_PHONE',
        link_id: 'L-old',
        related_policy_nos: '[]',
        detected_on: '2026-11-10',
        due_on: '2026-11-13',
        cooling_off_ends_on: null,
        status: 'closed',
        closed_on: '2026-11-20',
        deadline_warnings: '[]',
        created_at: '2026-11-10T01:00:00.000Z',
        updated_at: '2026-11-20T01:00:00.000Z',
      })
      .execute();
    // The gate refuses an application sold by an unknown seller.
    await importApplications(
      store,
      writeJsonl(store.dir, 'rejected.jsonl', [application({ policyNo: 'P9', agentCode: 'X1' })]),
    );
    await addStaff(store, 'kefu', 'customer_service');
    await addStaff(store, 'qudao', 'channel_management', ['branch:BJ']);
    app = await startApp(store);
    kefu = await signIn(app, 'kefu');
    qudao = await signIn(app, 'qudao');
  });
  afterEach(async () => {
    await app.close();
    await store.destroy();
  });

  it('counts open, due today, overdue and cleared this week, by channel and branch', async () => {
    const response = await get(kefu);
    expect(response.statusCode).toBe(200);
    const dashboard = response.json();
    expect(dashboard.today).toBe('2026-12-03');
    expect(dashboard.totals).toEqual({ open: 3, dueToday: 1, overdue: 1, clearedThisWeek: 1 });
    expect(dashboard.byChannel).toEqual([
      { channel: 'bancassurance', open: 2, dueToday: 0, overdue: 1, clearedThisWeek: 0 },
      { channel: 'agent', open: 1, dueToday: 1, overdue: 0, clearedThisWeek: 1 },
    ]);
    expect(dashboard.byBranch).toEqual([
      { branchCode: 'BJ-HQ', open: 2, dueToday: 0, overdue: 1, clearedThisWeek: 0 },
      { branchCode: 'GD-GZ', open: 1, dueToday: 1, overdue: 0, clearedThisWeek: 1 },
    ]);
  });

  it('draws 30 days of items raised and cleared, and the gate rejections by code', async () => {
    const { trend, gateRejections } = (await get(kefu)).json();
    expect(trend).toHaveLength(30);
    expect(trend[0]).toEqual({ day: '2026-11-04', raised: 0, cleared: 0 });
    expect(trend[29]).toEqual({ day: '2026-12-03', raised: 0, cleared: 0 });
    const busy = trend.filter((d: { raised: number; cleared: number }) => d.raised + d.cleared > 0);
    expect(busy).toEqual([
      { day: '2026-11-10', raised: 1, cleared: 0 },
      { day: '2026-11-20', raised: 0, cleared: 1 },
      { day: '2026-11-30', raised: 4, cleared: 0 },
      { day: '2026-12-02', raised: 0, cleared: 1 },
    ]);
    expect(gateRejections).toEqual([{ code: 'AGENT_UNKNOWN', count: 1 }]);
  });

  it('shows a scoped reader only their scope', async () => {
    const dashboard = (await get(qudao)).json();
    expect(dashboard.totals).toEqual({ open: 2, dueToday: 0, overdue: 1, clearedThisWeek: 0 });
    expect(dashboard.byChannel.map((c: { channel: string }) => c.channel)).toEqual(['bancassurance']);
    expect(dashboard.trend.find((d: { day: string }) => d.day === '2026-11-30').raised).toBe(2);
    expect(dashboard.gateRejections).toEqual([]);
  });
});
