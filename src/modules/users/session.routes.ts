import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isWholeCompany } from '../../platform/access/scope.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, auditContextOf, SESSION_COOKIE } from '../../platform/http/route-access.js';
import { errorResponses, scopeSchema } from '../../platform/http/schemas.js';
import { PERMISSIONS, type Permission, ROLE_NAMES, ROLE_PERMISSIONS } from '../../shared/roles.js';
import { signIn, signOut } from './sessions.service.js';

const sessionSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLE_NAMES as [string, ...string[]]),
    scope: scopeSchema,
    wholeCompany: z.boolean(),
    permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]])),
    csrfToken: z.string().describe('Send it back in the X-CSRF-Token header on every change'),
  })
  .meta({ id: 'Session' });

/** Staff sign-in, who-am-I and sign-out (P5.21). */
export function sessionRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/session',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['session'],
          summary: '登录 Sign in',
          body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
          response: { 200: sessionSchema, ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) => {
        const signedIn = await signIn(deps, { requestId: String(request.id), ip: request.ip }, request.body);
        reply.setCookie(SESSION_COOKIE, signedIn.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.config.server.secureCookies,
          expires: new Date(signedIn.expiresAt),
        });
        return describe(signedIn.actor);
      },
    );

    app.get(
      '/session',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['session'],
          summary: '当前用户 Who am I',
          response: { 200: sessionSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (actor.kind !== 'user') throw new AppError('FORBIDDEN', { zh: '仅限员工', en: 'staff only' });
        return describe(actor);
      },
    );

    app.delete(
      '/session',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['session'],
          summary: '退出 Sign out',
          response: { 204: z.null(), ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (actor.kind === 'user') await signOut(deps, auditContextOf(request), actor);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );
  };
}

function describe(actor: Extract<ReturnType<typeof actorOf>, { kind: 'user' }>) {
  return {
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    scope: actor.scope,
    wholeCompany: isWholeCompany(actor.scope),
    permissions: [...ROLE_PERMISSIONS[actor.role]],
    csrfToken: actor.csrfToken,
  };
}
