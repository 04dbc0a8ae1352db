import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { auditContextOf } from '../../platform/http/route-access.js';
import { errorResponses, scopeSchema } from '../../platform/http/schemas.js';
import { createApiKey, listApiKeys, revokeApiKey } from './apikeys.service.js';

const apiKeySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to recognise it'),
    scope: scopeSchema,
    createdBy: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

/** API keys for core systems: created (shown once), listed, revoked. */
export function apiKeysRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const access = { permission: 'apikeys.manage' } as const;
    app.get(
      '/api-keys',
      {
        config: { access },
        schema: {
          tags: ['api keys'],
          summary: '接口密钥 API keys',
          response: { 200: z.object({ apiKeys: z.array(apiKeySchema) }), ...errorResponses(401, 403) },
        },
      },
      async () => ({ apiKeys: await listApiKeys(deps) }),
    );
    app.post(
      '/api-keys',
      {
        config: { access },
        schema: {
          tags: ['api keys'],
          summary: '新建接口密钥 Create an API key (the key is shown only in this answer)',
          body: z.object({
            name: z.string().min(1).max(64),
            scope: scopeSchema.default({ branches: [], channels: [] }),
          }),
          response: { 201: z.object({ apiKey: apiKeySchema, key: z.string() }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => reply.status(201).send(await createApiKey(deps, auditContextOf(request), request.body)),
    );
    app.delete(
      '/api-keys/:id',
      {
        config: { access },
        schema: {
          tags: ['api keys'],
          summary: '吊销接口密钥 Revoke an API key',
          params: z.object({ id: z.coerce.number().int().min(1) }),
          response: { 200: apiKeySchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => revokeApiKey(deps, auditContextOf(request), request.params.id),
    );
  };
}
