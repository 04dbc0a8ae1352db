import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from '../context.js';
import { registerConsole } from './console.routes.js';
import { installErrorHandler } from './error-handler.js';
import { registerHealth } from './health.routes.js';
import { registerOpenApi } from './openapi.js';
import { type Authenticator, assertAccessDeclared, makeAccessHook, type RouteAccess } from './route-access.js';

export interface ServerOptions {
  authenticator: Authenticator;
  /** Feature routes, each a Fastify plugin mounted under /api/v1. */
  routes: FastifyPluginAsync[];
  /** Whether the process is draining (shutdown started): /readyz answers 503. */
  draining?: () => boolean;
  /** The built web console to serve at / (default dist/web); false: none. */
  consoleDir?: string | false;
}

/** What each route lets in: for the access tests and the console's navigation. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The API: request ids, one error handler, access on every route, OpenAPI at /api/docs. */
export async function buildServer(deps: Deps, options: ServerOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Our own one line per request (onResponse below) replaces Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: deps.config.server.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', undefined);
  installErrorHandler(app);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    assertAccessDeclared(route);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.config?.access });
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    // One line per request: route pattern, never the URL's values or a body.
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        actor: request.actor
          ? request.actor.kind === 'user'
            ? request.actor.username
            : `key:${request.actor.name}`
          : undefined,
      },
      'request',
    );
  });
  await app.register(cookie);
  await registerOpenApi(app);
  // Before the body is read or validated: an unknown caller gets 401, not a parse of its body.
  app.addHook('onRequest', makeAccessHook(options.authenticator));
  registerHealth(app, deps, options.draining ?? (() => false));
  await app.register(
    async (api) => {
      for (const routes of options.routes) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );
  if (options.consoleDir !== false && !(await registerConsole(app, options.consoleDir))) {
    deps.logger.info('web console not built (npm run build): serving the API only');
  }
  return app;
}
