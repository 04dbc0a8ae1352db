import type { FastifySchemaCompiler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { errorBodySchema } from '../../platform/http/error-handler.js';
import { actorOf, auditContextOf } from '../../platform/http/route-access.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { applicationSchema, gateOutcomeSchema } from '../../shared/contract.js';
import { checkApplication, submitApplications } from './gate-api.service.js';

const MAX_BATCH = 1000;

/**
 * The gate answers in its own codes (INTERCHANGE §3), so the body is documented as the contract's
 * application but only checked to be a JSON object here: a missing field is MISSING_FIELD in the
 * outcome, not a 400.
 */
const anyObject: FastifySchemaCompiler<unknown> = () => (data) =>
  typeof data === 'object' && data !== null && !Array.isArray(data)
    ? { value: data }
    : {
        error: new AppError('BAD_INPUT', {
          zh: '请求体须为一条投保单（JSON 对象）',
          en: 'the body must be one application (a JSON object)',
        }),
      };

const applicationBody = applicationSchema.meta({ id: 'Application' });
const outcome = gateOutcomeSchema.meta({ id: 'GateOutcome' });
const storedOutcome = gateOutcomeSchema
  .extend({
    status: z
      .enum(['accepted', 'rejected', 'unchanged'])
      .describe(
        'accepted: stored in the book; rejected: kept with its errors; unchanged: the same content was already stored',
      ),
  })
  .meta({ id: 'StoredOutcome' });

/** Real-time gate for core and bancassurance systems (P5.5–6, P5.11). */
export function intakeRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/applications/check',
      {
        config: { access: { permission: 'applications.check', apiKeys: true } },
        validatorCompiler: anyObject,
        schema: {
          tags: ['gate'],
          summary: '资料校验（不保存）Check an application; nothing is stored',
          security: [{ apiKey: [] }, { session: [] }],
          body: applicationBody,
          response: { 200: outcome, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => checkApplication(deps, actorOf(request), request.body),
    );

    app.post(
      '/applications',
      {
        config: { access: { permission: 'applications.submit', apiKeys: true } },
        validatorCompiler: anyObject,
        schema: {
          tags: ['gate'],
          summary: '提交投保资料 Submit an application: stored when accepted, kept with its errors when not',
          security: [{ apiKey: [] }, { session: [] }],
          body: applicationBody,
          response: { 200: storedOutcome, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const [answer] = await submitApplications(deps, actorOf(request), auditContextOf(request), [request.body]);
        if (!answer) throw new AppError('INTERNAL', { zh: '没有结果', en: 'no outcome' });
        if ('refused' in answer) throw answer.refused;
        return answer.outcome as z.infer<typeof storedOutcome>;
      },
    );

    app.post(
      '/applications/batch',
      {
        config: { access: { permission: 'applications.submit', apiKeys: true } },
        bodyLimit: 16 * 1024 * 1024,
        validatorCompiler: () => (data) =>
          Array.isArray((data as { applications?: unknown })?.applications) &&
          (data as { applications: unknown[] }).applications.length <= MAX_BATCH
            ? { value: data }
            : {
                error: new AppError(
                  'BAD_INPUT',
                  {
                    zh: `请求体须为 { applications: [...] }，至多 ${MAX_BATCH} 条`,
                    en: `the body must be { applications: [...] } with at most ${MAX_BATCH} records`,
                  },
                  { details: ['applications: an array of application records'] },
                ),
              },
        schema: {
          tags: ['gate'],
          summary: `批量提交 Submit up to ${MAX_BATCH} applications; each record is answered on its own (207)`,
          security: [{ apiKey: [] }, { session: [] }],
          body: z.object({ applications: z.array(applicationBody).max(MAX_BATCH) }),
          response: {
            207: z
              .object({
                results: z.array(
                  z.object({
                    index: z.number().int().describe('Position in the request'),
                    status: z
                      .number()
                      .int()
                      .describe('200, or the HTTP status of this record alone (403: out of scope, 400: not an object)'),
                    outcome: storedOutcome.optional(),
                    error: errorBodySchema.shape.error.optional(),
                  }),
                ),
                accepted: z.number().int(),
                rejected: z.number().int(),
                unchanged: z.number().int(),
                refused: z.number().int(),
              })
              .meta({ id: 'BatchOutcome' }),
            ...errorResponses(400, 401, 403, 413),
          },
        },
      },
      async (request, reply) => {
        const records = (request.body as { applications: unknown[] }).applications;
        const isObject = (r: unknown) => typeof r === 'object' && r !== null && !Array.isArray(r);
        const objects = records.filter(isObject);
        const answers = await submitApplications(deps, actorOf(request), auditContextOf(request), objects);
        const counts = { accepted: 0, rejected: 0, unchanged: 0, refused: 0 };
        let next = 0;
        const results = records.map((record, index) => {
          if (!isObject(record)) {
            counts.refused++;
            const error = new AppError('BAD_INPUT', {
              zh: '该条不是 JSON 对象',
              en: 'this record is not a JSON object',
            });
            return { index, status: 400, error: errorOf(error, String(request.id)) };
          }
          const answer = answers[next++];
          if (!answer || 'refused' in answer) {
            counts.refused++;
            const error = answer?.refused ?? new AppError('INTERNAL', { zh: '没有结果', en: 'no outcome' });
            return { index, status: error.status, error: errorOf(error, String(request.id)) };
          }
          const status = answer.outcome.status ?? 'unchanged';
          counts[status]++;
          return { index, status: 200, outcome: { ...answer.outcome, status } };
        });
        return reply.status(207).send({ results, ...counts });
      },
    );
  };
}

function errorOf(error: AppError, requestId: string) {
  return { code: error.kind, zh: error.zh, en: error.en, details: [...error.details], requestId };
}
