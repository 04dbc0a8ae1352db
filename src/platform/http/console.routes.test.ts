import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP, registerConsole } from './console.routes.js';
import { installErrorHandler } from './error-handler.js';

/** The console at /: hashed assets cached for good, index.html revalidated, SPA fallback outside /api. */
describe('web console routes', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-console-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
    app = Fastify();
    installErrorHandler(app);
    app.get('/api/v1/ping', async () => ({ pong: true }));
    expect(await registerConsole(app, dir)).toBe(true);
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and at any console address, never cached, with the CSP', async () => {
    for (const url of ['/', '/items/PI-1', '/customers/12?x=1', '/admin/users']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toBe(CONSOLE_CSP);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.body).toContain('id="root"');
    }
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('caches hashed assets for a year', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toContain('javascript');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('leaves /api alone: its routes answer, its unknown paths get the JSON 404, as do missing assets', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ pong: true });
    for (const url of ['/api/v1/nothing', '/api', '/assets/gone-123.js', '/favicon.ico', '/robots.txt']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    const post = await app.inject({ method: 'POST', url: '/items' });
    expect(post.statusCode).toBe(404);
  });

  it('registers nothing without a built console', async () => {
    const bare = Fastify();
    expect(await registerConsole(bare, path.join(dir, 'missing'))).toBe(false);
    await bare.close();
  });
});
