import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Complaint, RecheckWindow } from './complaints.js';

type Q = Kysely<Database>;

/** The current content digest and version of a complaint, if it is stored. */
export async function findComplaintDigest(
  q: Q,
  complaintNo: string,
): Promise<{ digest: string; version: number } | undefined> {
  const row = await q
    .selectFrom('complaints')
    .select(['content_digest', 'version'])
    .where('complaint_no', '=', complaintNo)
    .executeTakeFirst();
  return row && { digest: row.content_digest, version: row.version };
}

/** A complaint ready to store: its digest, sealed record (AAD `complaint`) and new version. */
export interface ComplaintRow {
  complaint: Complaint;
  digest: string;
  sealed: Uint8Array;
  version: number;
}

/** Writes the current row and its version (every version is kept, the current one included). */
export async function saveComplaint(q: Q, row: ComplaintRow, now: string): Promise<void> {
  const c = row.complaint;
  const values = {
    agent_code: c.agentCode,
    policy_no: c.policyNo,
    received_on: c.receivedOn,
    kind: c.kind,
    verified: c.verified ? 1 : 0,
    verified_on: c.verifiedOn,
    content_digest: row.digest,
    sealed: row.sealed,
    version: row.version,
    updated_at: now,
  };
  await q
    .insertInto('complaints')
    .values({ complaint_no: c.complaintNo, ...values, created_at: now })
    .onConflict((oc) => oc.column('complaint_no').doUpdateSet(values))
    .execute();
  await q
    .insertInto('complaint_versions')
    .values({
      complaint_no: c.complaintNo,
      version: row.version,
      content_digest: row.digest,
      sealed: row.sealed,
      recorded_at: now,
    })
    .execute();
}

/** One verified misleading-sales complaint, as the P5.14 query returns it. */
export interface VerifiedMisleadingSale {
  agentCode: string;
  complaintNo: string;
  verifiedOn: string;
}

/**
 * P5.14: the verified misleading-sales complaints in the window of sellers who have two or more
 * there, by seller and verification day (served by the complaints_recheck index).
 */
export async function listRecheckComplaints(q: Q, window: RecheckWindow): Promise<VerifiedMisleadingSale[]> {
  const inWindow = q
    .selectFrom('complaints')
    .where('kind', '=', 'misleading_sales')
    .where('verified', '=', 1)
    .where('verified_on', '>', window.after)
    .where('verified_on', '<=', window.through);
  const rows = await inWindow
    .select(['agent_code', 'complaint_no', 'verified_on'])
    .where(
      'agent_code',
      'in',
      inWindow
        .select('agent_code')
        .groupBy('agent_code')
        .having((eb) => eb.fn.countAll(), '>=', 2),
    )
    .orderBy('agent_code')
    .orderBy('verified_on')
    .orderBy('complaint_no')
    .execute();
  return rows.map((r) => ({
    agentCode: r.agent_code,
    complaintNo: r.complaint_no,
    verifiedOn: r.verified_on as string,
  }));
}
