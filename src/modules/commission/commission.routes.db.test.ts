import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { addStaff, as, type Client, signIn, startApp } from '../../../test/server.js';
import { loadSmallBook } from '../../../test/small-book.js';
import { WHOLE_COMPANY } from '../../platform/access/scope.js';
import { writeHolds } from './commission.service.js';

describe.each(DIALECTS)('commission holds (缓发手续费) on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let kefu: Client;
  let qudao: Client;
  const get = (client: Client, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as(client) });
  const setStatus = (policyNo: string, status: string) =>
    store.db.kysely.updateTable('problem_items').set({ status }).where('policy_no', '=', policyNo).execute();

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await loadSmallBook(store);
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

  it('holds a policy while any of its items is not closed, within the scope', async () => {
    await setStatus('P2', 'closed');
    await setStatus('P3', 'submitted');
    const page = await get(kefu, '/commission-holds');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({
      holds: [
        {
          policyNo: 'P1',
          channel: 'agent',
          branchCode: 'GD-GZ',
          agentCode: 'A10023',
          openItems: 1,
          oldestDueOn: '2026-12-03',
        },
        {
          policyNo: 'P3',
          channel: 'bancassurance',
          branchCode: 'BJ-HQ',
          agentCode: 'B1',
          openItems: 1,
          oldestDueOn: '2026-12-03',
        },
        {
          policyNo: 'P4',
          channel: 'bancassurance',
          branchCode: 'BJ-HQ',
          agentCode: 'B1',
          openItems: 1,
          oldestDueOn: '2026-12-03',
        },
      ],
      total: 3,
    });
    expect((await get(kefu, '/commission-holds?limit=1&offset=1')).json()).toMatchObject({
      holds: [{ policyNo: 'P3' }],
      total: 3,
    });
    expect((await get(kefu, '/commission-holds?channel=agent')).json().total).toBe(1);
    expect((await get(kefu, '/commission-holds?branchCode=BJ')).json().total).toBe(2);
    const scoped = (await get(qudao, '/commission-holds')).json();
    expect(scoped.holds.map((h: { policyNo: string }) => h.policyNo)).toEqual(['P3', 'P4']);
  });

  it('exports CSV for the commission system and Excel for people, audited with the count', async () => {
    await setStatus('P1', 'closed');
    const csv = await get(qudao, '/commission-holds/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="commission-holds-2026-12-03.csv"');
    expect(csv.body).toBe(
      'policyNo,channel,branchCode,agentCode,openItems,oldestDueOn\r\n' +
        'P3,bancassurance,BJ-HQ,B1,1,2026-12-03\r\nP4,bancassurance,BJ-HQ,B1,1,2026-12-03\r\n',
    );
    const xlsx = await get(kefu, '/commission-holds/export');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]?.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['P2', 'agent', 'GD-GZ', 'A10023', 1, '2026-12-03'],
      ['P3', 'bancassurance', 'BJ-HQ', 'B1', 1, '2026-12-03'],
      ['P4', 'bancassurance', 'BJ-HQ', 'B1', 1, '2026-12-03'],
    ]);
    const events = await store.db.kysely
      .selectFrom('audit_events')
      .select(['actor', 'data'])
      .where('type', '=', 'commission_holds.exported')
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { actor: 'qudao', data: '{"count":2}' },
      { actor: 'kefu', data: '{"count":3}' },
    ]);
    expect((await get(kefu, '/commission-holds/export?format=pdf')).statusCode).toBe(400);
  });

  it('writes the holds as CSV or JSON lines to a stream the caller owns, waiting whenever it is full', async () => {
    await setStatus('P1', 'closed');
    // A stream that is full after every write: the writer must wait for each drain.
    const sink = () => {
      const chunks: string[] = [];
      const out = new Writable({
        highWaterMark: 1,
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk.toString());
          setImmediate(done);
        },
      });
      return { out, text: () => chunks.join('') };
    };
    const csv = sink();
    expect(await writeHolds(store, WHOLE_COMPANY, csv.out, 'csv')).toBe(3);
    expect(csv.text()).toBe(
      'policyNo,channel,branchCode,agentCode,openItems,oldestDueOn\r\n' +
        'P2,agent,GD-GZ,A10023,1,2026-12-03\r\n' +
        'P3,bancassurance,BJ-HQ,B1,1,2026-12-03\r\nP4,bancassurance,BJ-HQ,B1,1,2026-12-03\r\n',
    );
    const jsonl = sink();
    expect(await writeHolds(store, { branches: ['BJ'], channels: [] }, jsonl.out, 'jsonl')).toBe(2);
    expect(
      jsonl
        .text()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        policyNo: 'P3',
        channel: 'bancassurance',
        branchCode: 'BJ-HQ',
        agentCode: 'B1',
        openItems: 1,
        oldestDueOn: '2026-12-03',
      },
      {
        policyNo: 'P4',
        channel: 'bancassurance',
        branchCode: 'BJ-HQ',
        agentCode: 'B1',
        openItems: 1,
        oldestDueOn: '2026-12-03',
      },
    ]);
    // The caller ends the stream: the writer leaves it open.
    expect([csv.out.writableEnded, jsonl.out.writableEnded]).toEqual([false, false]);
  });
});
