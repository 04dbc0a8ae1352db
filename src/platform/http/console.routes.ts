import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `vite build` writes the console (`npm run build`): dist/web, seen from src/ or dist/ alike. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/**
 * The console runs no inline script. Ant Design writes its CSS-in-JS into <style> elements at run
 * time and ECharts styles its SVG inline, hence 'unsafe-inline' for styles only.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

function securityHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', CONSOLE_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('x-frame-options', 'DENY');
}

/**
 * The web console at /: its files (hashed assets cached for a year, index.html revalidated every
 * time) and, for any other GET outside /api, index.html, so the console's own routes (/items/…)
 * load on a reload or a pasted address. Without a built console (no dist/web/index.html) nothing
 * is registered and the answer says so.
 */
export async function registerConsole(app: FastifyInstance, dir: string = CONSOLE_DIR): Promise<boolean> {
  const indexFile = path.join(dir, 'index.html');
  if (!fs.existsSync(indexFile)) return false;
  const indexHtml = fs.readFileSync(indexFile);

  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: false,
    // One route per built file, found at start: unknown paths fall through to the SPA route below.
    wildcard: false,
    cacheControl: false,
    decorateReply: false,
    setHeaders: (reply, filePath) => {
      securityHeaders(reply);
      const relative = path.relative(dir, filePath).split(path.sep).join('/');
      reply.header('cache-control', relative.startsWith('assets/') ? IMMUTABLE : 'no-cache');
    },
  });

  const sendIndex = (reply: FastifyReply) => {
    securityHeaders(reply);
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  };

  app.get('/', { config: { access: { public: true } }, schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    // The API and its documentation keep their own 404 (the JSON error body); so does a missing
    // file (an old asset, /favicon.ico), which must not come back as HTML. Console addresses
    // (/items/Q20261204-000015, /customers/12) have no file extension.
    const file = /\.[A-Za-z0-9]+$/.test(url);
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/assets/') || file) return reply.callNotFound();
    return sendIndex(reply);
  });
  return true;
}
