import type { Kysely } from 'kysely';
import type { Deps } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { type Issue, issue } from '../../shared/codes.js';
import { canonicalJson } from '../intake/canonical-json.js';
import { isRealDate } from '../intake/china-time.js';
import { assertReadable, readRecords } from '../intake/record-source.js';
import { checkComplaint, recheckWindow } from './complaints.js';
import * as repo from './complaints.repository.js';

/** The result of one line of the register file (`complaints import --json` prints these). */
export interface ComplaintImportLine {
  line: number;
  complaintNo: string | null;
  status: 'created' | 'updated' | 'unchanged' | 'rejected' | 'malformed';
  errors: Issue[];
  warnings: Issue[];
}

/** Counts of one import, by line status. */
export interface ComplaintImportSummary {
  file: string;
  linesRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  malformed: number;
}

const BATCH = 1000;

/**
 * Imports the complaints register (INTERCHANGE §2a). Idempotent: an unchanged complaint is left
 * alone; a changed one (a complaint later verified, say) gets a new version, the old one kept in
 * complaint_versions.
 */
export async function importComplaints(
  deps: Deps,
  file: string,
  onLine?: (line: ComplaintImportLine) => void,
): Promise<ComplaintImportSummary> {
  assertReadable(file);
  const summary: ComplaintImportSummary = {
    file,
    linesRead: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    malformed: 0,
  };
  // Malformed lines wait in the batch too, so results are reported in file order.
  let pending: Array<{ record: Record<string, unknown> | undefined; lineNo: number }> = [];
  const flush = async () => {
    const lines = await deps.db.kysely.transaction().execute(async (trx) => {
      const out: ComplaintImportLine[] = [];
      for (const p of pending) {
        out.push(p.record ? await storeComplaint(deps, trx, p.record, p.lineNo) : malformedLine(p.lineNo));
      }
      return out;
    });
    for (const line of lines) {
      summary[line.status]++;
      onLine?.(line);
    }
    pending = [];
  };
  for await (const raw of readRecords(file, { requiredColumns: ['complaintNo'] })) {
    summary.linesRead++;
    let record: unknown;
    if ('text' in raw) {
      try {
        record = JSON.parse(raw.text);
      } catch {
        record = undefined;
      }
    } else record = raw.record;
    const isObject = typeof record === 'object' && record !== null && !Array.isArray(record);
    pending.push({ record: isObject ? (record as Record<string, unknown>) : undefined, lineNo: raw.lineNo });
    if (pending.length >= BATCH) await flush();
  }
  if (pending.length > 0) await flush();
  return summary;
}

function malformedLine(lineNo: number): ComplaintImportLine {
  return {
    line: lineNo,
    complaintNo: null,
    status: 'malformed',
    errors: [
      issue('RECORD_MALFORMED', `line ${lineNo}`, { zh: '该行不是JSON对象', en: 'the line is not a JSON object' }),
    ],
    warnings: [],
  };
}

async function storeComplaint(
  deps: Deps,
  trx: Kysely<Database>,
  record: Record<string, unknown>,
  lineNo: number,
): Promise<ComplaintImportLine> {
  const checked = checkComplaint(record);
  const base = {
    line: lineNo,
    complaintNo: checked.complaintNo ?? null,
    errors: checked.errors,
    warnings: checked.warnings,
  };
  const complaint = checked.complaint;
  if (!complaint) return { ...base, status: 'rejected' };
  // The record as sent, with its fields read as the rules read them: `"true"` from a CSV and `true`
  // from JSON Lines are one content, and fields beyond the contract are kept.
  const content = { ...record, ...complaint };
  const json = canonicalJson(content);
  const digest = deps.sealer.digest(json);
  const current = await repo.findComplaintDigest(trx, complaint.complaintNo);
  if (current?.digest === digest) return { ...base, status: 'unchanged' };
  await repo.saveComplaint(
    trx,
    {
      complaint,
      digest,
      sealed: deps.sealer.sealJson(json, 'complaint'),
      version: (current?.version ?? 0) + 1,
    },
    deps.clock.now().toISOString(),
  );
  return { ...base, status: current ? 'updated' : 'created' };
}

/** A seller due for the P5.14 re-check, with the complaints that make them due. */
export interface SellerToRecheck {
  agentCode: string;
  count: number;
  complaintNos: string[];
  /** Verification days in the window, earliest first. */
  verifiedOn: string[];
}

/**
 * P5.14: sellers with two or more verified misleading-sales complaints verified within the twelve
 * months ending on `asOf` — (asOf − 1 year, asOf], see `recheckWindow` — by agent code.
 */
export async function sellersToRecheck(deps: Deps, asOf: string): Promise<SellerToRecheck[]> {
  if (!isRealDate(asOf)) {
    throw new AppError('BAD_INPUT', {
      zh: '基准日应为真实日期 YYYY-MM-DD',
      en: 'the as-of day must be a real date YYYY-MM-DD',
    });
  }
  const rows = await repo.listRecheckComplaints(deps.db.kysely, recheckWindow(asOf));
  const sellers: SellerToRecheck[] = [];
  for (const row of rows) {
    let seller = sellers[sellers.length - 1];
    if (seller?.agentCode !== row.agentCode) {
      seller = { agentCode: row.agentCode, count: 0, complaintNos: [], verifiedOn: [] };
      sellers.push(seller);
    }
    seller.count++;
    seller.complaintNos.push(row.complaintNo);
    seller.verifiedOn.push(row.verifiedOn);
  }
  return sellers;
}
