import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isStoreBusy } from '../db/database.js';
import { AppError, isAppError } from '../errors.js';

/** One error body for every failure: a code, both languages, and the fields at fault. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('AppError kind: BAD_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, …'),
      zh: z.string(),
      en: z.string(),
      details: z.array(z.string()),
      fields: z
        .array(z.object({ field: z.string(), code: z.string(), zh: z.string(), en: z.string() }))
        .optional()
        .describe('For BAD_INPUT: each field at fault, with its rule and the reason in both languages'),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

const ZOD_CODE_ZH: Record<string, string> = {
  invalid_type: '类型或缺失',
  too_small: '过短或过小',
  too_big: '过长或过大',
  invalid_format: '格式不符',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '含有不允许的字段',
  invalid_union: '不符合任何允许的形式',
  custom: '不符合规则',
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = String(request.id);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const fields = error.validation.map((v) => {
        const field = `${where}${v.instancePath.replaceAll('/', '.')}`.replace(/\.$/, '');
        return {
          field,
          code: v.keyword,
          zh: `${field}：${ZOD_CODE_ZH[v.keyword] ?? '不符合规则'}`,
          en: `${field}: ${v.message}`,
        };
      });
      return reply.status(400).send({
        error: {
          code: 'BAD_INPUT',
          zh: '请求内容有误',
          en: 'the request is invalid',
          details: fields.map((f) => f.en),
          fields,
          requestId,
        },
      } satisfies ErrorBody);
    }
    if (isAppError(error)) return reply.status(error.status).send(bodyOf(error, requestId));
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send(
          bodyOf(
            new AppError('PAYLOAD_TOO_LARGE', { zh: '请求体过大', en: 'the request body is too large' }),
            requestId,
          ),
        );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      // The parser's message quotes the body around the fault, and a body holds personal values.
      return reply
        .status(400)
        .send(
          bodyOf(
            new AppError('BAD_INPUT', { zh: '请求体不是有效的JSON', en: 'the request body is not valid JSON' }),
            requestId,
          ),
        );
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: wrong content type, …
      return reply.status(error.statusCode).send(
        bodyOf(
          new AppError('BAD_INPUT', {
            zh: `请求无法解析：${error.message}`,
            en: `the request cannot be read: ${error.message}`,
          }),
          requestId,
        ),
      );
    }
    if (isStoreBusy(error)) {
      // The embedded store's one writer is taken (the scan's last try holds it for its run): the
      // server does not stall its event loop waiting, it says so and the caller tries again.
      request.log.warn({ code: error.code }, 'store busy');
      return reply
        .status(503)
        .header('retry-after', '2')
        .send(
          bodyOf(
            new AppError('UNAVAILABLE', {
              zh: '数据库正忙（每日扫描正在写入），请稍后重试',
              en: 'the store is busy (the daily scan is writing); try again in a moment',
            }),
            requestId,
          ),
        );
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(
      bodyOf(
        new AppError('INTERNAL', {
          zh: '内部错误，请联系运维并提供请求编号',
          en: 'internal error; give IT operations the request id',
        }),
        requestId,
      ),
    );
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(
      bodyOf(
        new AppError('NOT_FOUND', {
          zh: `没有这个地址：${request.method} ${request.url}`,
          en: `no such route: ${request.method} ${request.url}`,
        }),
        String(request.id),
      ),
    );
  });
}

function bodyOf(error: AppError, requestId: string): ErrorBody {
  return { error: { code: error.kind, zh: error.zh, en: error.en, details: [...error.details], requestId } };
}
