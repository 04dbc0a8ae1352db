import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isWholeCompany, type Scope } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { importApplications } from '../intake/intake.service.js';
import { formatOf } from '../intake/record-source.js';
import { safeFileName } from '../intake/safe-file-name.js';
import { scopeRefusals } from './import-scope.js';
import * as repo from './imports.repository.js';

/** A member of staff uploading or reading batches: their name and data scope. */
export interface Uploader {
  username: string;
  scope: Scope;
}

export interface ImportCounts {
  lines: number;
  accepted: number;
  /** The gate's rejections and the records refused as outside the uploader's scope. */
  rejected: number;
  unchanged: number;
  malformed: number;
}

export interface ImportBatch {
  batchId: number;
  fileName: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  uploadedBy: string | null;
  summary: ImportCounts;
}

/** Largest file the console takes: a day's business of a big branch. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const notFound = (id: number) =>
  new AppError('NOT_FOUND', { zh: `导入批次 ${id} 不存在`, en: `import batch ${id} does not exist` });

/**
 * A file uploaded in the console (INTERCHANGE §1), through the same importer as `veracity import`:
 * written to a temporary file, gated, stored; each line's outcome kept with the batch, which names
 * the uploader. Records outside the uploader's scope are refused one by one (import-scope.ts).
 */
export async function uploadApplications(
  deps: Deps,
  uploader: Uploader,
  context: AuditContext,
  upload: { fileName: string; stream: Readable },
): Promise<{ batchId: number; summary: ImportCounts & { refused: number } }> {
  const name = safeFileName(upload.fileName);
  formatOf(name);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'veracity-upload-'));
  try {
    const file = path.join(dir, name);
    await pipeline(upload.stream, createWriteStream(file, { mode: 0o600 }));
    // Busboy stops at the limit and marks the stream truncated rather than failing it.
    if ((upload.stream as Readable & { truncated?: boolean }).truncated) {
      throw new AppError('PAYLOAD_TOO_LARGE', {
        zh: `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB，请拆分后上传`,
        en: `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB; split it and upload the parts`,
      });
    }
    const result = await importApplications(deps, file, {
      uploadedBy: uploader.username,
      refuse: scopeRefusals(deps.db.kysely, uploader.scope),
    });
    const summary = {
      lines: result.linesRead,
      accepted: result.accepted,
      rejected: result.rejected,
      unchanged: result.unchanged,
      malformed: result.malformed,
    };
    await deps.db.kysely
      .transaction()
      .execute((trx) =>
        deps.audit.append(trx, context, [
          { type: 'import.uploaded', objectType: 'import_batch', objectId: String(result.batchId), data: summary },
        ]),
      );
    return { batchId: result.batchId, summary: { ...summary, refused: result.refused } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function toBatch(row: repo.BatchRow): ImportBatch {
  return {
    batchId: Number(row.id),
    fileName: row.file_name,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    uploadedBy: row.uploaded_by,
    summary: {
      lines: Number(row.lines_read),
      accepted: Number(row.accepted),
      rejected: Number(row.rejected),
      unchanged: Number(row.unchanged),
      malformed: Number(row.malformed),
    },
  };
}

/**
 * The recent application batches the caller may read: all of them for the whole company, else
 * their own uploads (another branch's batch names its policies).
 */
export async function listImports(deps: Deps, viewer: Uploader, limit = 50): Promise<ImportBatch[]> {
  const rows = await repo.recentBatches(
    deps.db.kysely,
    isWholeCompany(viewer.scope) ? undefined : viewer.username,
    limit,
  );
  return rows.map(toBatch);
}

/** One batch the caller may read; another's reads as not there. */
export async function visibleBatch(deps: Deps, viewer: Uploader, batchId: number): Promise<ImportBatch> {
  const row = await repo.findBatch(deps.db.kysely, batchId);
  if (!row || (!isWholeCompany(viewer.scope) && row.uploaded_by !== viewer.username)) throw notFound(batchId);
  return toBatch(row);
}

export interface ImportRecord {
  line: number;
  policyNo: string | null;
  status: repo.RecordOutcome;
  errors: Array<{ code: string; path: string; message: string }>;
}

export function toRecord(row: repo.RecordRow): ImportRecord {
  const errors = JSON.parse(row.errors) as Array<{ code: string; path: string; message: string }>;
  return {
    line: Number(row.line_no),
    policyNo: row.policy_no === '' ? null : row.policy_no,
    status: row.status as repo.RecordOutcome,
    errors: errors.map((e) => ({ code: e.code, path: e.path, message: e.message })),
  };
}

/** A batch's records in file order, by outcome, page by page. */
export async function importRecords(
  deps: Deps,
  viewer: Uploader,
  batchId: number,
  outcome: repo.RecordOutcome | undefined,
  page: { limit: number; offset: number },
): Promise<{ records: ImportRecord[]; total: number }> {
  await visibleBatch(deps, viewer, batchId);
  const q = deps.db.kysely;
  const [rows, total] = await Promise.all([
    repo.batchRecords(q, batchId, outcome, page),
    repo.countBatchRecords(q, batchId, outcome),
  ]);
  return { records: rows.map(toRecord), total };
}
