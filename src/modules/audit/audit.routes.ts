import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { errorResponses, pageQuery } from '../../platform/http/schemas.js';
import { searchAuditEvents, verifyChain } from './audit.service.js';

const eventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    type: z.string(),
    actorKind: z.string(),
    actor: z.string(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

/** The audit trail and its chain check (P1.3). */
export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const access = { permission: 'audit.read' } as const;
    app.get(
      '/audit-events',
      {
        config: { access },
        schema: {
          tags: ['audit'],
          summary: '审计日志 Audit events, newest first',
          querystring: z.object({
            type: z.string().optional(),
            actor: z.string().optional(),
            objectType: z.string().optional(),
            objectId: z.string().optional(),
            from: z.string().optional().describe('ISO timestamp, inclusive'),
            to: z.string().optional().describe('ISO timestamp, exclusive'),
            ...pageQuery,
          }),
          response: {
            200: z.object({ events: z.array(eventSchema), total: z.number().int() }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => {
        const { limit, offset, ...query } = request.query;
        return searchAuditEvents(deps, query, { limit, offset });
      },
    );
    app.get(
      '/audit-events/verify',
      {
        config: { access },
        schema: {
          tags: ['audit'],
          summary: '校验审计链 Recompute the hash chain',
          response: {
            200: z.object({
              ok: z.boolean(),
              events: z.number().int(),
              brokenAt: z.object({ seq: z.number().int(), reason: z.enum(['edited', 'missing']) }).optional(),
              headHash: z.string(),
            }),
            ...errorResponses(401, 403),
          },
        },
      },
      async () => verifyChain(deps),
    );
  };
}
