import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, auditContextOf } from '../../platform/http/route-access.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { staffOf } from './case-actor.js';
import { EVIDENCE_KIND_NAMES, evidenceSchema } from './case-schemas.js';
import { assertMayUpload, downloadEvidence, uploadEvidence } from './evidence.service.js';
import { MAX_EVIDENCE_BYTES } from './evidence-type.js';

const binary = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' });
const itemParams = z.object({ itemNo: z.string().max(40) });

const badForm = (en: string, zh: string) => new AppError('BAD_INPUT', { zh, en });

/** The form: a `kind` field and one `file`. Anything else in it is refused. */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw badForm(
      'send multipart/form-data with a kind and a file',
      '请以 multipart/form-data 提交材料类别（kind）和文件（file）',
    );
  }
  let kind: string | undefined;
  let file: { fileName: string; content: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field' && part.fieldname === 'kind') kind = String(part.value);
    else if (part.type === 'file' && part.fieldname === 'file') {
      file = { fileName: part.filename, content: await part.toBuffer() };
    } else {
      if (part.type === 'file') part.file.resume();
      throw badForm(`unexpected form field ${part.fieldname}`, `表单含有不认识的字段 ${part.fieldname}`);
    }
  }
  const parsedKind = z.enum(EVIDENCE_KIND_NAMES).safeParse(kind);
  if (!parsedKind.success) {
    throw badForm(
      `kind must be one of ${EVIDENCE_KIND_NAMES.join(', ')}`,
      `材料类别（kind）应为 ${EVIDENCE_KIND_NAMES.join('、')} 之一`,
    );
  }
  if (!file || file.content.length === 0) throw badForm('the file is missing or empty', '缺少文件，或文件为空');
  return { kind: parsedKind.data, ...file };
}

/** RFC 6266: an ASCII name for old clients, the original (UTF-8) for the others. */
function attachment(downloadName: string, fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${downloadName}"; filename*=UTF-8''${encoded}`;
}

/**
 * Evidence of an item (P5.13): uploaded by its assignee, downloaded by those who may see the item.
 * Files are never shown inline: always an attachment, with no type sniffing and no scripts.
 */
export function evidenceRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      throwFileSizeLimit: true,
      limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 2, fieldSize: 256, parts: 3, headerPairs: 50 },
    });

    app.post(
      '/items/:itemNo/evidence',
      {
        config: { access: { permission: 'items.work' } },
        schema: {
          tags: ['items'],
          summary: '上传材料 Attach evidence (multipart: kind + file; PDF, JPEG or PNG by content; at most 10 MiB)',
          consumes: ['multipart/form-data'],
          params: itemParams,
          response: {
            200: z.object({ evidence: evidenceSchema }),
            ...errorResponses(400, 401, 403, 404, 409, 413, 415),
          },
        },
      },
      async (request) => {
        const staff = staffOf(actorOf(request));
        // Refused before the body is read: not the caller's item, or not in a working status.
        await assertMayUpload(deps, staff, request.params.itemNo);
        const upload = await readUpload(request);
        return uploadEvidence(deps, staff, auditContextOf(request), request.params.itemNo, upload);
      },
    );

    app.get(
      '/items/:itemNo/evidence/:evidenceId',
      {
        config: { access: { permission: 'items.read' } },
        schema: {
          tags: ['items'],
          summary: '下载材料 Download an evidence file, as an attachment (audited)',
          params: itemParams.extend({ evidenceId: z.coerce.number().int().positive() }),
          response: {
            200: { description: 'The file', content: { 'application/octet-stream': { schema: binary } } },
            ...errorResponses(401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const { itemNo, evidenceId } = request.params;
        const file = await downloadEvidence(
          deps,
          staffOf(actorOf(request)),
          auditContextOf(request),
          itemNo,
          evidenceId,
        );
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', attachment(file.downloadName, file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'no-store')
          .send(file.content);
      },
    );
  };
}
