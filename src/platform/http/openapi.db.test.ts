import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../../test/harness.js';
import { buildApp } from '../../app.js';

interface Operation {
  summary?: string;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** The OpenAPI document describes every route with its schemas and error codes. */
describe('the OpenAPI document at /api/docs', () => {
  let store: TestStore;
  let app: FastifyInstance;
  let doc: {
    openapi: string;
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown> };
  };
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    app = await buildApp(store);
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(async () => {
    await app.close();
    await store.destroy();
  });

  it('is OpenAPI 3.1 and the browsable page answers', async () => {
    expect(doc.openapi).toBe('3.1.0');
    expect((await app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });

  it('has every route, each with a summary, a success answer with a schema, and its errors', () => {
    const routes = app.routeTable.filter((r) => r.url.startsWith('/api/v1') || r.url.endsWith('z'));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toBeDefined();
      if (!op) continue;
      expect(op.summary ?? route.url.endsWith('z'), `${route.method} ${route.url} summary`).toBeTruthy();
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        `${route.method} ${route.url} success`,
      ).toBe(true);
      expect(statuses).toContain('500');
      if (!(route.access && 'public' in route.access)) expect(statuses).toEqual(expect.arrayContaining(['401', '403']));
      const error = op.responses['403'] ?? op.responses['500'];
      expect(JSON.stringify(error?.content)).toMatch(/Error/);
    }
  });

  it('names the contract’s records as schemas', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Application', 'GateOutcome', 'StoredOutcome', 'BatchOutcome', 'Error', 'Session']),
    );
  });
});
