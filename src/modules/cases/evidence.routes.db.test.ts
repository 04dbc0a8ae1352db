import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTypes, contextOf, FILES, itemOfPolicy, makeStaff, multipart } from '../../../test/cases.js';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { as, type Client, signIn } from '../../../test/server.js';
import { loadSmallBook } from '../../../test/small-book.js';
import { buildApp } from '../../app.js';
import { distributeItems } from './distribution.service.js';
import { MAX_EVIDENCE_BYTES } from './evidence-type.js';

describe.each(DIALECTS)('evidence files over HTTP (P5.13) on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let gz: Client;
  let gd: Client;
  let bj: Client;
  let p1: string;
  const upload = (client: Client, itemNo: string, form: ReturnType<typeof multipart>) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/items/${itemNo}/evidence`,
      headers: { ...as(client), ...form.headers },
      payload: form.payload,
    });
  const pdf = (name = '张伟-调查报告.pdf', content = FILES.pdf) =>
    multipart({ kind: 'investigation_report' }, { name, type: 'application/pdf', content });

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await loadSmallBook(store);
    const kefu = await makeStaff(store, 'kefu', 'customer_service');
    await makeStaff(store, 'gz', 'channel_back_office', ['channel:agent', 'branch:GD-GZ']);
    await makeStaff(store, 'gd', 'channel_management', ['branch:GD']);
    await makeStaff(store, 'bj', 'channel_back_office', ['channel:bancassurance']);
    p1 = await itemOfPolicy(store, 'P1');
    await distributeItems(store, kefu, contextOf(kefu), [p1]);
    app = await buildApp(store);
    [gz, gd, bj] = [await signIn(app, 'gz'), await signIn(app, 'gd'), await signIn(app, 'bj')];
  });
  afterEach(async () => {
    await app.close();
    await store.destroy();
  });

  it('stores an upload sealed under a random name with its SHA-256, and serves it only as an attachment', async () => {
    const response = await upload(gz, p1, pdf());
    expect(response.statusCode, response.body).toBe(200);
    const { evidence } = response.json();
    expect(evidence).toMatchObject({
      kind: 'investigation_report',
      fileName: '张伟-调查报告.pdf',
      mediaType: 'application/pdf',
      size: FILES.pdf.length,
      sha256: createHash('sha256').update(FILES.pdf).digest('hex'),
      uploadedBy: 'gz',
    });
    const row = await store.db.kysely.selectFrom('item_evidence').selectAll().executeTakeFirstOrThrow();
    expect(row.stored_name).toMatch(/^[0-9a-f]{32}\.sealed$/);
    const onDisk = fs.readFileSync(path.join(store.config.dataDir, 'evidence', row.stored_name));
    expect(onDisk.includes(FILES.pdf.subarray(0, 16))).toBe(false);
    expect(onDisk.toString('utf8')).not.toContain('%PDF');
    expect(Buffer.from(row.name_sealed).toString('utf8')).not.toContain('张伟');
    expect(fs.readdirSync(path.join(store.config.dataDir, 'evidence'))).toEqual([row.stored_name]);

    // Channel management sees the item within its scope: it may download, as an attachment.
    const download = await app.inject({
      method: 'GET',
      url: `/api/v1/items/${p1}/evidence/${evidence.id}`,
      headers: as(gd),
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(FILES.pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="${p1}-evidence-${evidence.id}.pdf"; filename*=UTF-8''${encodeURIComponent('张伟-调查报告.pdf')}`,
    );
    expect(download.headers['cache-control']).toBe('no-store');
    expect(await auditTypes(store, p1)).toEqual(['item.distributed', 'evidence.uploaded', 'evidence.downloaded']);

    // Outside the scope, or not this item's, it does not exist.
    const other = await app.inject({
      method: 'GET',
      url: `/api/v1/items/${p1}/evidence/${evidence.id}`,
      headers: as(bj),
    });
    expect(other.statusCode).toBe(404);
    const p2 = await itemOfPolicy(store, 'P2');
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/items/${p2}/evidence/${evidence.id}`, headers: as(gd) }))
        .statusCode,
    ).toBe(404);

    // The detail lists it, with the work it caused in the timeline.
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/items/${p1}`, headers: as(gz) })).json();
    expect(detail.evidence).toEqual([evidence]);
    expect(detail.timeline.at(-1)).toMatchObject({
      action: 'evidence_uploaded',
      note: 'investigation_report',
      toStatus: 'investigating',
    });
  });

  it('tells the type by content: a PDF-named text file, a wrong kind and an empty form are refused', async () => {
    const fake = await upload(gz, p1, pdf('report.pdf', FILES.fakePdf));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const png = await upload(
      gz,
      p1,
      multipart({ kind: 'customer_confirmation' }, { name: 'scan.pdf', type: 'application/pdf', content: FILES.png }),
    );
    expect(png.json().evidence).toMatchObject({ mediaType: 'image/png', fileName: 'scan.pdf' });
    const jpeg = await upload(
      gz,
      p1,
      multipart({ kind: 'other' }, { name: 'x.exe', type: 'application/x-msdownload', content: FILES.jpeg }),
    );
    expect(jpeg.json().evidence.mediaType).toBe('image/jpeg');
    expect(
      (
        await upload(
          gz,
          p1,
          multipart({ kind: 'selfie' }, { name: 'a.pdf', type: 'application/pdf', content: FILES.pdf }),
        )
      ).statusCode,
    ).toBe(400);
    expect((await upload(gz, p1, multipart({ kind: 'other' }))).statusCode).toBe(400);
    const json = await app.inject({
      method: 'POST',
      url: `/api/v1/items/${p1}/evidence`,
      headers: as(gz),
      payload: { kind: 'other' },
    });
    expect(json.statusCode).toBe(400);
    expect(await store.db.kysely.selectFrom('item_evidence').select('kind').orderBy('id').execute()).toEqual([
      { kind: 'customer_confirmation' },
      { kind: 'other' },
    ]);
  });

  it('refuses a file over 10 MiB, and leaves nothing behind', async () => {
    const big = Buffer.concat([FILES.pdf, Buffer.alloc(MAX_EVIDENCE_BYTES + 1 - FILES.pdf.length)]);
    const response = await upload(gz, p1, pdf('big.pdf', big));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const exact = Buffer.concat([FILES.pdf, Buffer.alloc(MAX_EVIDENCE_BYTES - FILES.pdf.length)]);
    expect((await upload(gz, p1, pdf('exact.pdf', exact))).statusCode).toBe(200);
    expect(fs.readdirSync(path.join(store.config.dataDir, 'evidence'))).toHaveLength(1);
  });

  it('takes uploads only from the assignee, on an item in a working status', async () => {
    await makeStaff(store, 'gz2', 'channel_back_office', ['branch:GD-GZ']);
    const other = await upload(await signIn(app, 'gz2'), p1, pdf());
    expect(other.statusCode).toBe(403);
    expect((await upload(bj, p1, pdf())).statusCode).toBe(404);
    const p3 = await itemOfPolicy(store, 'P3');
    expect((await upload(bj, p3, pdf())).statusCode).toBe(403);
    expect(fs.existsSync(path.join(store.config.dataDir, 'evidence'))).toBe(false);
  });
});
