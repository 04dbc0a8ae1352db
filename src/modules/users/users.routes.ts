import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { auditContextOf } from '../../platform/http/route-access.js';
import { errorResponses, scopeSchema } from '../../platform/http/schemas.js';
import { ROLE_NAMES } from '../../shared/roles.js';
import { addUser, disableUser, listUsers, setEmail } from './users.service.js';

const userSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLE_NAMES as [string, ...string[]]),
    scope: scopeSchema,
    status: z.enum(['active', 'disabled']),
    createdAt: z.string(),
    email: z.string().nullable().describe('Where escalations are mailed'),
  })
  .meta({ id: 'User' });

/** Administrators manage staff accounts (P5.21). */
export function usersRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const access = { permission: 'users.manage' } as const;
    app.get(
      '/users',
      {
        config: { access },
        schema: {
          tags: ['users'],
          summary: '用户列表 Users',
          response: { 200: z.object({ users: z.array(userSchema) }), ...errorResponses(401, 403) },
        },
      },
      async () => ({ users: await listUsers(deps) }),
    );
    app.post(
      '/users',
      {
        config: { access },
        schema: {
          tags: ['users'],
          summary: '新建用户 Create a user',
          body: z.object({
            username: z.string().min(2).max(32),
            displayName: z.string().max(64).optional(),
            role: z.enum(ROLE_NAMES as [string, ...string[]]),
            scope: scopeSchema.default({ branches: [], channels: [] }),
            password: z.string().min(1).max(256),
            email: z.string().max(254).nullable().optional(),
          }),
          response: { 201: userSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await addUser(deps, auditContextOf(request), request.body)),
    );
    app.post(
      '/users/:username/disable',
      {
        config: { access },
        schema: {
          tags: ['users'],
          summary: '停用用户 Disable a user (ends their sessions)',
          params: z.object({ username: z.string() }),
          response: { 200: userSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => disableUser(deps, auditContextOf(request), request.params.username),
    );
    app.put(
      '/users/:username/email',
      {
        config: { access },
        schema: {
          tags: ['users'],
          summary: '设置邮箱 Set or clear the e-mail address escalations go to',
          params: z.object({ username: z.string() }),
          body: z.object({ email: z.string().max(254).nullable() }),
          response: { 200: userSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => setEmail(deps, auditContextOf(request), request.params.username, request.body.email),
    );
  };
}
