import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { errorBodySchema } from './error-handler.js';
import type { RouteAccess } from './route-access.js';

type Transform = typeof jsonSchemaTransform;

/**
 * Every route documents the errors every route can give, so no route can forget them: 400 when
 * it reads input, 401 and 403 when it is not public, 500 always.
 */
const withStandardErrors: Transform = (input) => {
  const access = (input.route.config as { access?: RouteAccess } | undefined)?.access;
  const schema = input.schema as Record<string, unknown>;
  const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  const add = (status: number) => {
    response[status] ??= errorBodySchema;
  };
  if (schema.body || schema.querystring || schema.params) add(400);
  if (access && !('public' in access)) {
    add(401);
    add(403);
  }
  add(500);
  return jsonSchemaTransform({ ...input, schema: { ...schema, response } });
};

/** The OpenAPI document at /api/docs/json, and its browsable form at /api/docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Veracity (真信) API',
        version: '1',
        description:
          'Customer-information integrity for life insurers. Core systems call the gate with an API key ' +
          '(`Authorization: Bearer …`); staff sign in (`POST /api/v1/session`) and send the session cookie and, ' +
          'on every change, the `X-CSRF-Token` header. Every error has the body `Error`.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key of a core system (veracity apikeys create)' },
          session: { type: 'apiKey', in: 'cookie', name: 'veracity_session' },
        },
      },
    },
    transform: withStandardErrors,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
}
