import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../../test/harness.js';
import { application } from '../../../test/records.js';
import { addStaff, as, type Client, signIn, startApp } from '../../../test/server.js';
import { loadSmallBook } from '../../../test/small-book.js';
import { createApiKey } from '../../modules/apikeys/apikeys.service.js';
import { parseScope } from '../access/scope.js';
import { SYSTEM_CONTEXT } from '../audit/audit-events.js';
import { SERVER_BUSY_TIMEOUT_MS } from '../db/database.js';

/**
 * SQLite has one writer. While another connection holds the write lock (the scan's last try
 * does, for its whole run), the server neither stalls its event loop nor loses a submission:
 * reads go on, a submission waits for the lock and is stored, any other write is refused with
 * 503 and Retry-After. SQLite only: PostgreSQL has no such lock.
 */
describe('the embedded store while another connection holds the write lock', () => {
  let store: TestStore;
  let app: FastifyInstance;
  let kefu: Client;
  let lock: SQLite.Database;
  let key: string;

  beforeEach(async () => {
    store = await createTestStore('sqlite', { sqlite: { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS } });
    await loadSmallBook(store);
    await addStaff(store, 'kefu', 'customer_service');
    key = (await createApiKey(store, SYSTEM_CONTEXT, { name: 'core', scope: parseScope([]) })).key;
    app = await startApp(store);
    kefu = await signIn(app, 'kefu');
    lock = new SQLite(path.join(store.dir, 'veracity.db'));
    lock.exec('begin immediate');
  });
  afterEach(async () => {
    if (lock.inTransaction) lock.exec('rollback');
    lock.close();
    await app.close();
    await store.destroy();
  });

  it('answers reads, and refuses a write with 503, Retry-After and both languages', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/items', headers: as(kefu) });
    expect(list.statusCode).toBe(200);
    const itemNo = list.json().items[0].itemNo as string;
    // Reading an item writes its audit event (P5.21): with the writer taken, the read is refused.
    const detail = await app.inject({ method: 'GET', url: `/api/v1/items/${itemNo}`, headers: as(kefu) });
    expect(detail.statusCode).toBe(503);
    expect(detail.headers['retry-after']).toBe('2');
    expect(detail.json().error).toMatchObject({ code: 'UNAVAILABLE', zh: expect.stringContaining('稍后重试') });
  });

  it('keeps a submission waiting for the lock, then stores it', async () => {
    const submitted = app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: application({ policyNo: 'P2026120400001' }),
      headers: { authorization: `Bearer ${key}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const check = await app.inject({
      method: 'POST',
      url: '/api/v1/applications/check',
      payload: application({ policyNo: 'P2026120400002' }),
      headers: { authorization: `Bearer ${key}` },
    });
    expect(check.statusCode).toBe(200);
    lock.exec('commit');
    const answer = await submitted;
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().status).toBe('accepted');
    const stored = await store.db.kysely
      .selectFrom('submissions')
      .select('policy_no')
      .where('policy_no', '=', 'P2026120400001')
      .execute();
    expect(stored).toHaveLength(1);
  });
});
