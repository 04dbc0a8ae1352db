import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Deps } from '../context.js';

/** Liveness (the process answers) and readiness (the store answers, not shutting down). */
export function registerHealth(app: FastifyInstance, deps: Deps, draining: () => boolean): void {
  const status = z.object({ status: z.enum(['ok', 'unavailable']), store: z.string().optional() });
  app.get(
    '/healthz',
    { config: { access: { public: true } }, schema: { tags: ['operations'], response: { 200: status } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { access: { public: true } },
      schema: { tags: ['operations'], response: { 200: status, 503: status } },
    },
    async (_request, reply) => {
      if (draining()) return reply.status(503).send({ status: 'unavailable', store: deps.db.dialect });
      try {
        await sql`select 1`.execute(deps.db.kysely);
        return { status: 'ok' as const, store: deps.db.dialect };
      } catch {
        return reply.status(503).send({ status: 'unavailable', store: deps.db.dialect });
      }
    },
  );
}
