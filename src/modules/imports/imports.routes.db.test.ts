import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { application } from '../../../test/records.js';
import { addStaff, as, type Client, signIn, startApp } from '../../../test/server.js';
import { loadSmallBook } from '../../../test/small-book.js';
import { MAX_UPLOAD_BYTES } from './imports.service.js';

/** A multipart/form-data body with one file, as a browser sends it. */
async function multipart(fileName: string, content: string | Uint8Array) {
  const form = new FormData();
  form.append('file', new Blob([content]), fileName);
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') ?? '',
  };
}

const LINES = [
  JSON.stringify(application({ policyNo: 'N1' })),
  JSON.stringify(application({ policyNo: 'N2', agentCode: 'X1' })),
  // Outside a GD agent-channel uploader's scope …
  JSON.stringify(application({ policyNo: 'N3', channel: 'bancassurance', agentCode: 'B1', branchCode: 'BJ-HQ' })),
  // … and, though in scope itself, the number of a Beijing policy already in the book.
  JSON.stringify(application({ policyNo: 'P3' })),
  '{not json',
];

describe.each(DIALECTS)('uploads in the console on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let neiqin: Client;
  let other: Client;
  let yewu: Client;

  const upload = async (client: Client, fileName: string, content: string | Uint8Array) => {
    const { payload, contentType } = await multipart(fileName, content);
    return app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...as(client), 'content-type': contentType },
      payload,
    });
  };
  const get = (client: Client, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as(client) });
  const submissionsOf = async (policyNo: string) =>
    (await store.db.kysely.selectFrom('submissions').select('id').where('policy_no', '=', policyNo).execute()).length;

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await loadSmallBook(store);
    await addStaff(store, 'neiqin', 'channel_back_office', ['channel:agent', 'branch:GD']);
    await addStaff(store, 'neiqin2', 'channel_back_office', ['channel:agent', 'branch:GD']);
    await addStaff(store, 'yewu', 'business_support');
    app = await startApp(store);
    neiqin = await signIn(app, 'neiqin');
    other = await signIn(app, 'neiqin2');
    yewu = await signIn(app, 'yewu');
  });
  afterEach(async () => {
    await app.close();
    await store.destroy();
  });

  it('gates each record, refuses those outside the uploader’s scope, and keeps every outcome', async () => {
    const response = await upload(neiqin, 'day-book.jsonl', `${LINES.join('\n')}\n`);
    expect(response.statusCode, response.body).toBe(201);
    const { batchId, summary } = response.json();
    expect(summary).toEqual({ lines: 5, accepted: 1, rejected: 3, unchanged: 0, malformed: 1, refused: 2 });
    // Nothing outside the scope entered the book, nor moved the Beijing policy.
    expect(await submissionsOf('N3')).toBe(0);
    expect(await submissionsOf('P3')).toBe(1);
    const p3 = await store.db.kysely
      .selectFrom('applications')
      .selectAll()
      .where('policy_no', '=', 'P3')
      .executeTakeFirst();
    expect(p3).toMatchObject({ branch_code: 'BJ-HQ', channel: 'bancassurance' });

    const records = (await get(neiqin, `/imports/${batchId}/records`)).json();
    expect(records.total).toBe(5);
    expect(
      records.records.map((r: { line: number; policyNo: string; status: string }) => [r.line, r.policyNo, r.status]),
    ).toEqual([
      [1, 'N1', 'accepted'],
      [2, 'N2', 'rejected'],
      [3, 'N3', 'rejected'],
      [4, 'P3', 'rejected'],
      [5, null, 'malformed'],
    ]);
    const rejected = (await get(neiqin, `/imports/${batchId}/records?outcome=rejected&limit=2&offset=1`)).json();
    expect(rejected.total).toBe(3);
    const issues = (r: { errors: Array<{ code: string; path: string }> }) => r.errors.map((e) => `${e.code} ${e.path}`);
    expect(rejected.records.map(issues)).toEqual([
      ['SCOPE_REFUSED channel', 'SCOPE_REFUSED branchCode'],
      ['SCOPE_REFUSED policyNo'],
    ]);
    expect(rejected.records[0].errors[0].message).toContain('数据范围');
    expect(rejected.records[0].errors[0].message).toContain('data scope');
    expect((await get(neiqin, `/imports/${batchId}/records?outcome=malformed`)).json().records[0].errors[0].code).toBe(
      'RECORD_MALFORMED',
    );

    const batch = await store.db.kysely
      .selectFrom('import_batches')
      .selectAll()
      .where('id', '=', batchId)
      .executeTakeFirst();
    expect(batch).toMatchObject({ uploaded_by: 'neiqin', file_name: 'day-book.jsonl', rejected: 3, malformed: 1 });
    const audited = await store.db.kysely
      .selectFrom('audit_events')
      .select(['actor', 'object_id', 'data'])
      .where('type', '=', 'import.uploaded')
      .execute();
    expect(audited).toEqual([
      {
        actor: 'neiqin',
        object_id: String(batchId),
        data: JSON.stringify({ lines: 5, accepted: 1, rejected: 3, unchanged: 0, malformed: 1 }),
      },
    ]);
  });

  it('doubles nothing when the same file comes again', async () => {
    const file = `${LINES.join('\n')}\n`;
    await upload(neiqin, 'day-book.jsonl', file);
    const again = (await upload(neiqin, 'day-book.jsonl', file)).json();
    expect(again.summary).toEqual({ lines: 5, accepted: 0, rejected: 2, unchanged: 2, malformed: 1, refused: 2 });
    expect(await submissionsOf('N1')).toBe(1);
    expect(await submissionsOf('N2')).toBe(1);
    expect((await get(neiqin, `/imports/${again.batchId}/records`)).json().total).toBe(3);
  });

  it('lists the caller’s batches; another’s batch reads as not found', async () => {
    const { batchId } = (await upload(neiqin, 'day-book.jsonl', `${LINES.join('\n')}\n`)).json();
    const own = (await get(neiqin, '/imports')).json().batches;
    expect(own).toEqual([
      {
        batchId,
        fileName: 'day-book.jsonl',
        status: 'finished',
        startedAt: store.clock.now().toISOString(),
        finishedAt: store.clock.now().toISOString(),
        uploadedBy: 'neiqin',
        summary: { lines: 5, accepted: 1, rejected: 3, unchanged: 0, malformed: 1 },
      },
    ]);
    expect((await get(neiqin, `/imports/${batchId}`)).json()).toEqual(own[0]);
    expect((await get(other, '/imports')).json().batches).toEqual([]);
    for (const url of [`/imports/${batchId}`, `/imports/${batchId}/records`, `/imports/${batchId}/rejections.xlsx`]) {
      expect((await get(other, url)).statusCode, url).toBe(404);
    }
    // The whole company sees every batch, the CLI's too.
    const all = (await get(yewu, '/imports')).json().batches;
    expect(all.map((b: { uploadedBy: string | null }) => b.uploadedBy)).toEqual(['neiqin', null]);
  });

  it('downloads the rejected and malformed lines with their reasons in both languages', async () => {
    const { batchId } = (await upload(neiqin, 'day-book.jsonl', `${LINES.join('\n')}\n`)).json();
    const response = await get(neiqin, `/imports/${batchId}/rejections.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="import-${batchId}-rejections.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = ((sheet?.getSheetValues() ?? []).slice(2) as unknown[][]).map((r) => r.slice(1));
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      [2, 'N2', 'rejected', 'AGENT_UNKNOWN', 'agentCode'],
      [3, 'N3', 'rejected', 'SCOPE_REFUSED', 'channel'],
      [3, 'N3', 'rejected', 'SCOPE_REFUSED', 'branchCode'],
      [4, 'P3', 'rejected', 'SCOPE_REFUSED', 'policyNo'],
      [5, undefined, 'malformed', 'RECORD_MALFORMED', 'line 5'],
    ]);
    expect(rows[1]?.[5]).toBe('投保单不在上传人的数据范围内，未予受理：渠道不在您的数据范围内');
    expect(rows[1]?.[6]).toBe(
      "the application lies outside the uploader's data scope and was not taken in: the channel is outside your data scope",
    );
    const events = await store.db.kysely
      .selectFrom('audit_events')
      .select('data')
      .where('type', '=', 'import.rejections_exported')
      .execute();
    expect(events).toEqual([{ data: '{"count":4}' }]);
  });

  it('reads CSV and Excel files the same way', async () => {
    const csv = 'policyNo,channel,branchCode\nC1,bancassurance,BJ-HQ\nC2,agent,GD-GZ\n';
    expect((await upload(neiqin, 'book.csv', csv)).json().summary).toMatchObject({ lines: 2, rejected: 2, refused: 1 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('投保单');
    sheet.addRow(['policyNo', 'channel', 'branchCode']);
    sheet.addRow(['X1', 'agent', 'GD-GZ']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect((await upload(yewu, 'book.xlsx', xlsx)).json().summary).toMatchObject({ lines: 1, rejected: 1, refused: 0 });
  });

  it('keeps no name or ID number of the file’s name: only ASCII letters, short digit runs and the extension', async () => {
    const line = `${JSON.stringify(application({ policyNo: 'N1' }))}\n`;
    const named = async (fileName: string, content = line) => {
      const response = await upload(neiqin, fileName, content);
      expect(response.statusCode, response.body).toBe(201);
      const batch = await store.db.kysely
        .selectFrom('import_batches')
        .select('file_name')
        .where('id', '=', response.json().batchId)
        .executeTakeFirstOrThrow();
      return batch.file_name;
    };
    const stored = await named('张伟_110101198001011232.csv', 'policyNo,channel,branchCode\nC1,agent,GD-GZ\n');
    expect(stored).toBe('_.csv');
    expect(stored).not.toMatch(/张|伟|\d{6}/);
    expect(await named('张伟_11010119800101123X.jsonl')).toBe('_X.jsonl');
    expect(await named('C:\\导入\\day-book 12-03 李娜 13800138000 v2.jsonl')).toBe('day-book_12-03_v2.jsonl');
    expect(await named('call 138-0013-8000 acct 6222 0212 3456.jsonl')).toBe('call_acct_.jsonl');
    const long = await named(`${'a'.repeat(120)}.jsonl`);
    expect(long).toBe(`${'a'.repeat(74)}.jsonl`);
    const listed = (await get(neiqin, '/imports')).json().batches.map((b: { fileName: string }) => b.fileName);
    expect(JSON.stringify(listed)).not.toMatch(/张伟|李娜|110101198001011232|13800138000/);
  });

  it('refuses a file over the limit, storing nothing', async () => {
    const line = `${JSON.stringify(application({ policyNo: 'BIG' }))}\n`;
    const big = line.repeat(Math.ceil((MAX_UPLOAD_BYTES + 1) / line.length));
    const response = await upload(neiqin, 'big.jsonl', big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await submissionsOf('BIG')).toBe(0);
  });

  it('refuses a request without a file, and a file of another kind', async () => {
    const plain = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: as(neiqin), payload: {} });
    expect(plain.statusCode).toBe(400);
    const wrong = await upload(neiqin, 'notes.txt', 'hello');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.en).toContain('.jsonl, .csv or .xlsx');
  });
});
