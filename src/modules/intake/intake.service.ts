import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { toPortable } from '../../platform/crypto/keyring.js';
import { AppError } from '../../platform/errors.js';
import { WorkerPool } from '../../platform/workers/worker-pool.js';
import { type Code, type Issue, issue } from '../../shared/codes.js';
import { listAgentFacts } from '../agents/agents.repository.js';
import type { GateContext, GateOutcome } from './gate.js';
import type { GateWorkerData } from './gate.worker.js';
import * as repo from './intake.repository.js';
import { agentLookupFrom, type PreparedChunk, prepareChunk } from './prepare-chunk.js';
import { prepareSubmission } from './prepare-submission.js';
import type { PreparedSubmission } from './prepared.js';
import { assertReadable, type RawRecord, readRecords } from './record-source.js';
import { safeFileName } from './safe-file-name.js';
import { type SubmissionStatus, storeBatch } from './store-batch.js';

export interface LineOutcome extends GateOutcome {
  line: number;
  /** `refused`: not stored, by the importer's `refuse` (a record outside the uploader's scope). */
  status: SubmissionStatus | 'malformed' | 'refused';
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  records: number;
}

export interface ImportOptions {
  /** Worker threads for the CPU half; 0 runs in-process. Default: one per core but one, for big files. */
  workers?: number;
  chunkSize?: number;
  onOutcome?: (outcome: LineOutcome) => void;
  onProgress?: (progress: ImportProgress) => void;
  /** Who uploaded the file in the console (null for the CLI). */
  uploadedBy?: string;
  /**
   * Records the caller may not submit, by chunk: the reasons for each record refused, undefined
   * for one let through. A refused record stores nothing; it counts as rejected (P5.21: the console
   * takes in only the uploader's scope).
   */
  refuse?: (prepared: readonly PreparedSubmission[]) => Promise<ReadonlyArray<Issue[] | undefined>>;
}

export interface ImportSummary {
  file: string;
  batchId: number;
  linesRead: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  malformed: number;
  /** Of the rejected, those refused before the gate's outcome was stored (`ImportOptions.refuse`). */
  refused: number;
  rejectedByCode: Partial<Record<Code, number>>;
  seconds: number;
}

const SMALL_FILE_BYTES = 2 * 1024 * 1024;

async function gateContext(deps: Deps): Promise<{ context: GateContext; agents: GateWorkerData['agents'] }> {
  const agents = await listAgentFacts(deps.db.kysely);
  return { context: { agents: agentLookupFrom(agents), today: chinaToday(deps.clock) }, agents };
}

/**
 * Imports a file of applications (INTERCHANGE §1) through the gate (§3). Streams the file in
 * chunks: workers parse, gate, seal and index; the main thread stores each chunk in one
 * transaction, in file order. Re-running a file, or its rest after a crash, doubles nothing.
 */
export async function importApplications(
  deps: Deps,
  file: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const totalBytes = assertReadable(file);
  const { context, agents } = await gateContext(deps);
  const fileDigest = await sha256Of(file);
  const batchId = await repo.createImportBatch(deps.db.kysely, {
    kind: 'applications',
    file_name: safeFileName(file),
    file_digest: fileDigest,
    started_at: deps.clock.now().toISOString(),
    uploaded_by: options.uploadedBy ?? null,
  });
  const summary: ImportSummary = {
    file,
    batchId,
    linesRead: 0,
    accepted: 0,
    rejected: 0,
    unchanged: 0,
    malformed: 0,
    refused: 0,
    rejectedByCode: {},
    seconds: 0,
  };
  const workers = options.workers ?? (totalBytes < SMALL_FILE_BYTES ? 0 : WorkerPool.defaultSize());
  const chunkSize = options.chunkSize ?? 2000;
  const pool =
    workers > 0
      ? new WorkerPool<RawRecord[], PreparedChunk>(
          new URL(import.meta.url.endsWith('.ts') ? './gate.worker.ts' : './gate.worker.js', import.meta.url),
          { keyring: toPortable(deps.keyring), agents, today: context.today } satisfies GateWorkerData,
          workers,
        )
      : undefined;
  const prepare = (records: RawRecord[]): Promise<PreparedChunk> =>
    pool ? pool.run(records) : Promise.resolve(prepareChunk(records, context, deps.sealer));

  let bytesRead = 0;
  const inFlight: Array<Promise<PreparedChunk>> = [];
  const store = async (chunk: PreparedChunk) => {
    await storeChunk(deps, chunk, { batchId, fileDigest }, summary, options);
    options.onProgress?.({ bytesRead, totalBytes, records: summary.linesRead });
  };

  const run = async () => {
    let records: RawRecord[] = [];
    const source = readRecords(file, {
      requiredColumns: ['policyNo'],
      onBytes: (b) => {
        bytesRead = Math.min(b, totalBytes);
      },
    });
    for await (const raw of source) {
      records.push(raw);
      if (records.length < chunkSize) continue;
      inFlight.push(prepare(records));
      records = [];
      if (inFlight.length > workers) await store(await (inFlight.shift() as Promise<PreparedChunk>));
    }
    if (records.length > 0) inFlight.push(prepare(records));
    while (inFlight.length > 0) await store(await (inFlight.shift() as Promise<PreparedChunk>));
  };
  try {
    await deps.db.bulkLoad(run);
    await repo.finishImportBatch(deps.db.kysely, batchId, 'finished', deps.clock.now().toISOString());
  } catch (error) {
    await repo.finishImportBatch(deps.db.kysely, batchId, 'failed', deps.clock.now().toISOString());
    throw error;
  } finally {
    await pool?.close();
  }

  if (summary.linesRead > 0 && summary.malformed === summary.linesRead) {
    throw new AppError('UNREADABLE_FILE', {
      zh: `文件 ${file} 没有一行是接口规范中的投保单记录（JSON Lines、CSV 或 XLSX）`,
      en: `no line of ${file} is an application record in the contract's form (JSON Lines, CSV or XLSX)`,
    });
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** The file's identity: a re-run of the same file skips the lines it already stored. */
async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function storeChunk(
  deps: Deps,
  chunk: PreparedChunk,
  { batchId, fileDigest }: { batchId: number; fileDigest: string },
  summary: ImportSummary,
  options: ImportOptions,
): Promise<void> {
  const refusals = options.refuse ? await options.refuse(chunk.prepared) : [];
  const admitted = chunk.prepared.filter((_, i) => !refusals[i]);
  const stored = await storeBatch(deps.db, admitted, {
    batchId,
    fileDigest,
    source: 'file',
    receivedAt: deps.clock.now().toISOString(),
  });
  const counts = { linesRead: 0, accepted: 0, rejected: 0, unchanged: 0, malformed: chunk.malformed.length };
  const lines: LineOutcome[] = [];
  const unstored: Array<{ line: number; outcome: 'malformed' | 'refused'; policyNo: string | null; errors: Issue[] }> =
    [];
  let next = 0;
  chunk.prepared.forEach((item, i) => {
    const refused = refusals[i];
    if (refused) {
      counts.rejected++;
      summary.refused++;
      lines.push({ line: item.lineNo ?? 0, status: 'refused', ...item.outcome, accepted: false, errors: refused });
      unstored.push({ line: item.lineNo ?? 0, outcome: 'refused', policyNo: item.outcome.policyNo, errors: refused });
      return;
    }
    const status = stored[next++]?.status ?? 'unchanged';
    counts[status]++;
    if (status === 'rejected') {
      for (const code of new Set(item.outcome.errors.map((e) => e.code))) {
        summary.rejectedByCode[code] = (summary.rejectedByCode[code] ?? 0) + 1;
      }
    }
    lines.push({ line: item.lineNo ?? 0, status, ...item.outcome });
  });
  for (const m of chunk.malformed) {
    const errors = [issue('RECORD_MALFORMED', `line ${m.lineNo}`, m.reason)];
    lines.push({ line: m.lineNo, status: 'malformed', policyNo: null, accepted: false, errors, warnings: [] });
    unstored.push({ line: m.lineNo, outcome: 'malformed', policyNo: null, errors });
  }
  counts.linesRead = chunk.prepared.length + chunk.malformed.length;
  // The lines that became no submission, so the batch's rejections can be listed later.
  await repo.recordUnstoredLines(deps.db.kysely, batchId, unstored);
  await repo.addToImportBatch(deps.db.kysely, batchId, counts);
  summary.linesRead += counts.linesRead;
  summary.accepted += counts.accepted;
  summary.rejected += counts.rejected;
  summary.unchanged += counts.unchanged;
  summary.malformed += counts.malformed;
  if (options.onOutcome) {
    lines.sort((a, b) => a.line - b.line);
    for (const line of lines) options.onOutcome(line);
  }
}

/**
 * One application through the gate, as the real-time API will call it: `store: false` only checks.
 */
export async function submitApplication(
  deps: Deps,
  record: unknown,
  options: { store: boolean },
): Promise<GateOutcome & { status?: SubmissionStatus }> {
  const { context } = await gateContext(deps);
  const prepared = prepareSubmission(record, null, context, deps.sealer);
  if (!options.store) return prepared.outcome;
  const [stored] = await storeBatch(deps.db, [prepared], {
    batchId: null,
    fileDigest: null,
    source: 'api',
    receivedAt: deps.clock.now().toISOString(),
  });
  return { ...prepared.outcome, status: stored?.status ?? 'unchanged' };
}
