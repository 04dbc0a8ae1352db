import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILES, itemOfPolicy, makeStaff, movableClock, multipart } from '../../../test/cases.js';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { as, type Client, signIn } from '../../../test/server.js';
import { loadSmallBook } from '../../../test/small-book.js';
import { buildApp } from '../../app.js';
import type { Staff } from './case-actor.js';

// The small book's four items were detected on Monday 2026-11-30 and are due on Thursday 12-03.
describe.each(DIALECTS)('the problem-item workflow over HTTP on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  const clock = movableClock('2026-12-03T09:00:00+08:00');
  const clients: Record<string, Client> = {};
  const staff: Record<string, Staff> = {};
  let p1: string;
  let p3: string;

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: as(clients[who]), ...(payload ? { payload } : {}) });
  const list = async (who: string, query = '') => {
    const response = await call(who, 'GET', `/items${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Array<Record<string, unknown>>; total: number };
  };
  const policies = (page: { items: Array<Record<string, unknown>> }) => page.items.map((i) => i.policyNo);

  beforeEach(async () => {
    clock.set('2026-12-03T09:00:00+08:00');
    store = await createTestStore(dialect, { clock });
    await loadSmallBook(store);
    staff.kefu = await makeStaff(store, 'kefu', 'customer_service');
    staff.gz = await makeStaff(store, 'gz', 'channel_back_office', ['channel:agent', 'branch:GD-GZ']);
    staff.hegui = await makeStaff(store, 'hegui', 'compliance');
    staff.shenji = await makeStaff(store, 'shenji', 'auditor');
    app = await buildApp(store);
    for (const name of Object.keys(staff)) clients[name] = await signIn(app, name);
    p1 = await itemOfPolicy(store, 'P1');
    p3 = await itemOfPolicy(store, 'P3');
  });
  afterEach(async () => {
    await app.close();
    await store.destroy();
  });

  it('lists who has each item, what is due today or overdue, and what holds commission', async () => {
    const all = await list('kefu');
    expect(all.total).toBe(4);
    expect(all.items[0]).toMatchObject({
      status: 'open',
      assignee: null,
      distributedOn: null,
      escalatedOn: null,
      resolution: null,
      complianceReview: false,
      overdue: false,
      commissionHold: true,
    });
    expect((await list('kefu', '?dueToday=true')).total).toBe(4);
    expect((await list('kefu', '?overdue=true')).total).toBe(0);

    const distributed = await call('kefu', 'POST', '/items/distribute', { itemNos: [p1, p3] });
    expect(distributed.statusCode, distributed.body).toBe(200);
    expect(distributed.json().results.map((r: { error?: { code: string } }) => r.error?.code ?? 'ok')).toEqual([
      'ok',
      'ok',
      'NO_ASSIGNEE',
    ]);

    const mine = await list('gz', '?assignee=me');
    expect(policies(mine)).toEqual(['P1', 'P2']);
    expect(mine.items[0]).toMatchObject({
      status: 'distributed',
      assignee: { id: staff.gz?.userId, displayName: 'gz' },
      distributedOn: '2026-12-03',
      dueOn: '2026-12-08',
    });
    expect(policies(await list('kefu', `?assignee=${staff.gz?.userId}`))).toEqual(['P1', 'P2']);
    expect(policies(await list('kefu', '?status=open'))).toEqual(['P3', 'P4']);
    expect(policies(await list('kefu', `?linkId=${mine.items[0]?.linkId}`))).toEqual(['P1', 'P2']);
    expect((await list('kefu', '?escalated=true')).total).toBe(0);
    expect((await call('kefu', 'GET', '/items?status=lost')).statusCode).toBe(400);
    expect((await call('kefu', 'GET', '/items?assignee=you')).statusCode).toBe(400);

    // Friday: the items still open are overdue, and sort first by their due day.
    clock.set('2026-12-04T09:00:00+08:00');
    clients.kefu = await signIn(app, 'kefu'); // the session of the day before has lapsed
    const overdue = await list('kefu', '?overdue=true');
    expect(policies(overdue)).toEqual(['P3', 'P4']);
    expect(overdue.items.every((i) => i.overdue === true)).toBe(true);
    expect(policies(await list('kefu'))).toEqual(['P3', 'P4', 'P1', 'P2']);
    expect((await list('kefu', '?dueToday=true')).total).toBe(0);
  });

  it('offers each user only the actions they may take now', async () => {
    const actions = async (who: string, itemNo: string) =>
      (await call(who, 'GET', `/items/${itemNo}`)).json().allowedActions;
    expect(await actions('kefu', p1)).toEqual(['distribute', 'assign']);
    expect(await actions('hegui', p1)).toEqual(['compliance']);
    expect(await actions('gz', p1)).toEqual([]);
    expect(await actions('shenji', p1)).toEqual([]);
    await call('kefu', 'POST', '/items/distribute', { itemNos: [p1] });
    expect(await actions('gz', p1)).toEqual(['work', 'evidence', 'correct', 'submit']);
    expect(await actions('kefu', p1)).toEqual(['assign']);
    const detail = (await call('gz', 'GET', `/items/${p1}`)).json();
    expect(detail.linkMates).toEqual([
      {
        itemNo: await itemOfPolicy(store, 'P2'),
        policyNo: 'P2',
        status: 'distributed',
        assignee: { id: staff.gz?.userId, displayName: 'gz' },
      },
    ]);
    expect(detail.timeline.map((t: { action: string }) => t.action)).toEqual(['detected', 'distributed']);
  });

  it('takes an item from distribution to a close', async () => {
    expect((await call('kefu', 'POST', '/items/distribute', { itemNos: [p1] })).statusCode).toBe(200);
    const work = await call('gz', 'POST', `/items/${p1}/work`, { kind: 'call', note: '电话联系投保人' });
    expect(work.statusCode, work.body).toBe(200);
    expect(work.json()).toMatchObject({ itemNo: p1, status: 'investigating' });
    const correction = await call('gz', 'POST', `/items/${p1}/correction`, {
      party: 'applicant',
      phones: ['13700001234'],
    });
    expect(correction.json()).toMatchObject({ accepted: true, errors: [], warnings: [] });
    expect(correction.json().submissionId).toEqual(expect.any(Number));
    const form = multipart(
      { kind: 'investigation_report' },
      { name: 'report.pdf', type: 'application/pdf', content: FILES.pdf },
    );
    const evidence = await app.inject({
      method: 'POST',
      url: `/api/v1/items/${p1}/evidence`,
      headers: { ...as(clients.gz), ...form.headers },
      payload: form.payload,
    });
    expect(evidence.statusCode, evidence.body).toBe(200);
    const submitted = await call('gz', 'POST', `/items/${p1}/submit`, {
      resolution: 'corrected',
      note: '号码录入错误',
    });
    expect(submitted.json()).toMatchObject({ status: 'submitted', resolution: 'corrected' });

    const noReason = await call('hegui', 'POST', `/items/${p1}/verify`, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect((await call('gz', 'POST', `/items/${p1}/verify`, { decision: 'accept' })).statusCode).toBe(403);
    const accepted = await call('hegui', 'POST', `/items/${p1}/verify`, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'closed', commissionHold: false });

    const timeline = (await call('shenji', 'GET', `/items/${p1}`)).json().timeline;
    expect(timeline.map((t: { action: string }) => t.action)).toEqual([
      'detected',
      'distributed',
      'call',
      'correction_accepted',
      'evidence_uploaded',
      'submitted',
      'accepted',
    ]);
    expect(timeline[2]).toMatchObject({
      actor: 'gz',
      fromStatus: 'distributed',
      toStatus: 'investigating',
      detail: '电话联系投保人',
    });
    expect(timeline[5].detail).toBe('号码录入错误');
  });

  it('answers the refusals with their codes, in both languages', async () => {
    const conflict = await call('kefu', 'POST', `/items/${p1}/verify`, { decision: 'accept' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toMatchObject({
      code: 'CONFLICT',
      zh: expect.stringContaining('待分发'),
      en: expect.stringContaining('open'),
    });
    const notMine = await call('kefu', 'POST', `/items/${p1}/work`, { kind: 'note', note: 'x' });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.zh).toContain('未分派给您');
    expect((await call('kefu', 'POST', '/items/Q20991231-000001/work', { kind: 'note', note: 'x' })).statusCode).toBe(
      404,
    );
    expect((await call('kefu', 'POST', `/items/${p1}/work`, { kind: 'sing', note: 'x' })).statusCode).toBe(400);
    expect((await call('kefu', 'POST', `/items/${p1}/work`, { kind: 'note', note: '' })).statusCode).toBe(400);
    expect((await call('kefu', 'POST', '/items/distribute', { itemNos: Array(1001).fill(p1) })).statusCode).toBe(400);
    expect((await call('gz', 'POST', `/items/${p1}/correction`, { party: 'applicant' })).statusCode).toBe(400);
    const assign = await call('kefu', 'POST', `/items/${p1}/assign`, {
      assigneeId: staff.shenji?.userId,
      reason: '试一下',
    });
    expect(assign.statusCode).toBe(400);
  });

  it('keeps the routing rules and lists the assignees for customer service', async () => {
    const put = await call('kefu', 'PUT', '/distribution/rules', {
      rules: [{ priority: 1, branchPrefix: 'GD', assigneeId: staff.gz?.userId }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().rules).toEqual([
      {
        id: expect.any(Number),
        priority: 1,
        channel: null,
        branchPrefix: 'GD',
        agentCode: null,
        assignee: { id: staff.gz?.userId, displayName: 'gz' },
      },
    ]);
    expect((await call('kefu', 'GET', '/distribution/rules')).json()).toEqual(put.json());
    expect(
      (await call('kefu', 'PUT', '/distribution/rules', { rules: [{ priority: 1, channel: 'post' }] })).statusCode,
    ).toBe(400);
    const assignees = (await call('kefu', 'GET', '/distribution/assignees')).json().assignees;
    expect(assignees.map((a: { username: string }) => a.username)).toEqual(['kefu', 'gz', 'hegui']);
    expect((await call('gz', 'GET', '/distribution/rules')).statusCode).toBe(403);
  });
});
