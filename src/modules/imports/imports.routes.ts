import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, auditContextOf } from '../../platform/http/route-access.js';
import { errorResponses, pageQuery } from '../../platform/http/schemas.js';
import {
  importRecords,
  listImports,
  MAX_UPLOAD_BYTES,
  type Uploader,
  uploadApplications,
  visibleBatch,
} from './imports.service.js';
import { exportRejections } from './rejections-workbook.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbook = z.custom<Readable>((v) => v instanceof Readable).meta({ type: 'string', format: 'binary' });
const params = z.object({ batchId: z.coerce.number().int().positive().max(2_147_483_647) });

const counts = {
  lines: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int().describe('Rejected by the gate, or refused as outside your data scope'),
  unchanged: z.number().int(),
  malformed: z.number().int(),
};
const batchSchema = z
  .object({
    batchId: z.number().int(),
    fileName: z.string(),
    status: z.string().describe('running, finished or failed'),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    uploadedBy: z.string().nullable().describe('null: imported with the CLI'),
    summary: z.object(counts),
  })
  .meta({ id: 'ImportBatch' });
const recordSchema = z
  .object({
    line: z.number().int(),
    policyNo: z.string().nullable(),
    status: z.enum(['accepted', 'rejected', 'malformed']),
    errors: z.array(z.object({ code: z.string(), path: z.string(), message: z.string().describe('中文 (English)') })),
  })
  .meta({ id: 'ImportRecord' });

function uploaderOf(request: FastifyRequest): Uploader {
  const actor = actorOf(request);
  return { username: actor.kind === 'user' ? actor.username : `key:${actor.name}`, scope: actor.scope };
}

/** The console's intake (INTERCHANGE §1, §3): upload a file, see each record's outcome, download the rejections. */
export function importsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0, parts: 1 } });
    const access = { permission: 'applications.submit' } as const;
    app.post(
      '/imports',
      {
        config: { access },
        schema: {
          tags: ['applications'],
          summary: '上传投保资料文件 Upload a file of applications (.jsonl, .csv or .xlsx; multipart field `file`)',
          consumes: ['multipart/form-data'],
          response: {
            201: z
              .object({
                batchId: z.number().int(),
                summary: z.object({
                  ...counts,
                  refused: z.number().int().describe('Of the rejected: outside your data scope, not stored'),
                }),
              })
              .meta({ id: 'ImportUploaded' }),
            ...errorResponses(400, 401, 403, 413, 422),
          },
        },
      },
      async (request, reply) => {
        const part = request.isMultipart() ? await request.file() : undefined;
        if (!part) {
          throw new AppError('BAD_INPUT', {
            zh: '请以 multipart/form-data 上传一个文件（字段 file）',
            en: 'upload one file as multipart/form-data (field `file`)',
          });
        }
        const uploaded = await uploadApplications(deps, uploaderOf(request), auditContextOf(request), {
          fileName: part.filename,
          stream: part.file,
        });
        return reply.status(201).send(uploaded);
      },
    );
    app.get(
      '/imports',
      {
        config: { access },
        schema: {
          tags: ['applications'],
          summary: '导入批次 Recent batches (yours; all of them for the whole company)',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: {
            200: z.object({ batches: z.array(batchSchema) }).meta({ id: 'ImportBatchList' }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => ({ batches: await listImports(deps, uploaderOf(request), request.query.limit) }),
    );
    app.get(
      '/imports/:batchId',
      {
        config: { access },
        schema: {
          tags: ['applications'],
          summary: '导入批次 One batch and its counts',
          params,
          response: { 200: batchSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => visibleBatch(deps, uploaderOf(request), request.params.batchId),
    );
    app.get(
      '/imports/:batchId/records',
      {
        config: { access },
        schema: {
          tags: ['applications'],
          summary: '逐条结果 Each record of a batch with its gate outcome, in file order',
          params,
          querystring: z.object({ outcome: z.enum(['accepted', 'rejected', 'malformed']).optional(), ...pageQuery }),
          response: {
            200: z.object({ records: z.array(recordSchema), total: z.number().int() }).meta({ id: 'ImportRecordPage' }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const { outcome, limit, offset } = request.query;
        return importRecords(deps, uploaderOf(request), request.params.batchId, outcome, { limit, offset });
      },
    );
    app.get(
      '/imports/:batchId/rejections.xlsx',
      {
        config: { access },
        schema: {
          tags: ['applications'],
          summary: '下载未通过记录 The rejected and malformed lines with their reasons (Excel)',
          params,
          response: {
            200: { description: 'The workbook', content: { [XLSX]: { schema: workbook } } },
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const exported = await exportRejections(
          deps,
          uploaderOf(request),
          auditContextOf(request),
          request.params.batchId,
        );
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="${exported.fileName}"`)
          .header('cache-control', 'no-store')
          .send(exported.stream);
      },
    );
  };
}
