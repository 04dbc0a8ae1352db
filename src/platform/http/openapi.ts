import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

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
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
}
