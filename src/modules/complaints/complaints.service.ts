import type { Kysely } from 'kysely';
import type { Deps } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { canonicalJson } from '../intake/canonical-json.js';
import { isRealDate } from '../intake/china-time.js';
import { importRegister, type RegisterLine, type RegisterSummary } from '../intake/register-import.js';
import { checkComplaint, recheckWindow } from './complaints.js';
import * as repo from './complaints.repository.js';

/** The result of one line of the register file (`complaints import --json` prints these). */
export interface ComplaintImportLine extends RegisterLine {
  complaintNo: string | null;
}

/** Counts of one import, by line status. */
export type ComplaintImportSummary = RegisterSummary;

/**
 * Imports the complaints register (INTERCHANGE §2a). Idempotent: an unchanged complaint is left
 * alone; a changed one (a complaint later verified, say) gets a new version, the old one kept in
 * complaint_versions.
 */
export function importComplaints(
  deps: Deps,
  file: string,
  onLine?: (line: ComplaintImportLine) => void,
): Promise<ComplaintImportSummary> {
  return importRegister<ComplaintImportLine>(
    deps,
    file,
    {
      requiredColumns: ['complaintNo'],
      store: (trx, record, lineNo) => storeComplaint(deps, trx, record, lineNo),
      malformed: (line, errors) => ({ line, complaintNo: null, status: 'malformed', errors, warnings: [] }),
    },
    onLine,
  );
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
