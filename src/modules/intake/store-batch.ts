import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type {
  ContactTable,
  CustomerVersionTable,
  Database,
  PolicyPartyTable,
  SubmissionTable,
} from '../../platform/db/schema.js';
import * as repo from './intake.repository.js';
import type { PreparedSubmission } from './prepared.js';

export type SubmissionStatus = 'accepted' | 'rejected' | 'unchanged';

export interface StoredOutcome {
  status: SubmissionStatus;
  submissionId: number | null;
}

interface Meta {
  batchId: number | null;
  /** SHA-256 of the file being imported; null for the API. */
  fileDigest: string | null;
  source: 'file' | 'api';
  receivedAt: string;
  /** Runs in the same transaction once stored: the API writes its audit events here. */
  onStored?: (trx: Transaction<Database>, outcomes: readonly StoredOutcome[]) => Promise<void>;
}

/**
 * Stores gated submissions in one transaction: the submission history, the current application,
 * customers (versioned), parties and the contact index.
 * A submission is `unchanged` — stores nothing — when its content is the policy's latest, or when
 * this very line of this very file was stored before (a re-run, or the rest of a crashed import:
 * nothing doubled, nothing lost). Anything else is new: a first submission or a correction, even
 * one that goes back to an earlier content (A → B → A ends on A).
 */
export async function storeBatch(db: Db, items: readonly PreparedSubmission[], meta: Meta): Promise<StoredOutcome[]> {
  return db.kysely.transaction().execute(async (trx) => {
    const results: StoredOutcome[] = [];
    for (const segment of withoutRepeatedPolicies(items)) results.push(...(await storeSegment(trx, segment, meta)));
    await meta.onStored?.(trx, results);
    return results;
  });
}

/** Splits where a policy number repeats, so a correction later in the same file follows its original. */
function withoutRepeatedPolicies(items: readonly PreparedSubmission[]): PreparedSubmission[][] {
  const segments: PreparedSubmission[][] = [];
  let current: PreparedSubmission[] = [];
  let seen = new Set<string>();
  for (const item of items) {
    const policyNo = item.outcome.policyNo ?? '';
    if (seen.has(policyNo)) {
      segments.push(current);
      current = [];
      seen = new Set();
    }
    seen.add(policyNo);
    current.push(item);
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

const submissionKey = (i: PreparedSubmission) => `${i.outcome.policyNo ?? ''}\u0000${i.contentDigest}`;

async function storeSegment(
  trx: Db['kysely'],
  items: readonly PreparedSubmission[],
  meta: Meta,
): Promise<StoredOutcome[]> {
  const state = await repo.findSubmissionState(
    trx,
    items.map((i) => i.outcome.policyNo ?? ''),
    meta.fileDigest,
  );
  const fresh = items.filter((i) => {
    const policyNo = i.outcome.policyNo ?? '';
    if (state.latest.get(policyNo) === i.contentDigest) return false;
    return !state.fromSameFile.has(`${policyNo}\u0000${i.contentDigest}\u0000${i.lineNo}`);
  });
  const submissionIds = await repo.insertSubmissions(
    trx,
    fresh.map((i) => submissionRow(i, meta)),
  );
  const idOf = (i: PreparedSubmission) => submissionIds.get(submissionKey(i)) as number;

  const accepted = fresh.filter((i) => i.outcome.accepted && i.outcome.policyNo);
  const customerIds = await resolveCustomers(trx, accepted, idOf, meta.receivedAt);
  await repo.deletePolicyBook(
    trx,
    accepted.map((i) => i.outcome.policyNo as string).filter((p) => state.accepted.has(p)),
  );

  const parties: Insertable<PolicyPartyTable>[] = [];
  const contacts: ContactTable[] = [];
  for (const item of accepted) {
    const policyNo = item.outcome.policyNo as string;
    for (const party of item.parties) {
      const customerId = party.customer ? (customerIds.get(customerKey(party.customer)) ?? null) : null;
      if (party.role !== 'payer') {
        parties.push({
          policy_no: policyNo,
          role: party.role,
          seq: party.seq,
          customer_id: customerId,
          relation: party.relation,
          share_pct: party.sharePct,
          submission_id: idOf(item),
        });
      }
      for (const contact of party.contacts) {
        contacts.push({
          policy_no: policyNo,
          party_role: party.role,
          party_seq: party.seq,
          customer_id: customerId,
          kind: contact.kind,
          bidx: contact.bidx,
        });
      }
    }
  }
  await repo.insertParties(trx, parties);
  await repo.insertContacts(trx, contacts);
  await repo.upsertApplications(
    trx,
    fresh.filter((i) => i.outcome.policyNo).map((i) => applicationRow(i, idOf(i), meta.receivedAt)),
  );

  const freshSet = new Set(fresh);
  return items.map((i) =>
    freshSet.has(i)
      ? { status: i.outcome.accepted ? 'accepted' : 'rejected', submissionId: idOf(i) }
      : { status: 'unchanged', submissionId: null },
  );
}

function submissionRow(i: PreparedSubmission, meta: Meta): Insertable<SubmissionTable> {
  return {
    policy_no: i.outcome.policyNo ?? '',
    content_digest: i.contentDigest,
    batch_id: meta.batchId,
    line_no: i.lineNo,
    source: meta.source,
    received_at: meta.receivedAt,
    accepted: i.outcome.accepted ? 1 : 0,
    errors: JSON.stringify(i.outcome.errors),
    warnings: JSON.stringify(i.outcome.warnings),
    error_codes: [...new Set(i.outcome.errors.map((e) => e.code))].join(','),
    sealed: i.sealedRecord,
  };
}

function applicationRow(i: PreparedSubmission, submissionId: number, now: string) {
  const a = i.application;
  return {
    policy_no: i.outcome.policyNo as string,
    status: i.outcome.accepted ? ('accepted' as const) : ('rejected' as const),
    last_submission_id: submissionId,
    accepted_submission_id: i.outcome.accepted ? submissionId : null,
    version: 1,
    channel: a.channel,
    agent_code: a.agentCode,
    agency_code: a.agencyCode,
    branch_code: a.branchCode,
    product_code: a.productCode,
    product_type: a.productType,
    term_months: a.termMonths,
    applied_at: a.appliedAt,
    applied_on: a.appliedOn,
    receipt_signed_at: a.receiptSignedAt,
    created_at: now,
    updated_at: now,
  };
}

function customerKey(c: { idType: string; idBidx: string }): string {
  return `${c.idType}|${c.idBidx}`;
}

interface CustomerVersion {
  version: number;
  dataDigest: string;
  submissionId: number;
  partyRole: string;
  partySeq: number;
}

interface CustomerState {
  idType: string;
  idBidx: string;
  stored: boolean;
  current: CustomerVersion | null;
  superseded: CustomerVersion[];
}

/**
 * Finds or creates every customer of the segment. What a policy says about a person that differs
 * from the last thing said becomes the current version; the previous one moves to the history.
 */
async function resolveCustomers(
  trx: Db['kysely'],
  accepted: readonly PreparedSubmission[],
  submissionIdOf: (i: PreparedSubmission) => number,
  now: string,
): Promise<Map<string, number>> {
  const states = new Map<string, CustomerState>();
  const ids = new Map<string, number>();
  const idBidxs = new Set<string>();
  for (const item of accepted) for (const p of item.parties) if (p.customer) idBidxs.add(p.customer.idBidx);
  for (const s of await repo.findCustomers(trx, [...idBidxs])) {
    const key = customerKey(s);
    ids.set(key, s.id);
    states.set(key, { idType: s.idType, idBidx: s.idBidx, stored: true, current: s.current, superseded: [] });
  }

  const changed = new Set<CustomerState>();
  for (const item of accepted) {
    for (const party of item.parties) {
      const c = party.customer;
      if (!c) continue;
      const key = customerKey(c);
      let state = states.get(key);
      if (!state) {
        state = { idType: c.idType, idBidx: c.idBidx, stored: false, current: null, superseded: [] };
        states.set(key, state);
      }
      if (state.current?.dataDigest === c.dataDigest) continue;
      if (state.current) state.superseded.push(state.current);
      state.current = {
        version: (state.current?.version ?? 0) + 1,
        dataDigest: c.dataDigest,
        submissionId: submissionIdOf(item),
        partyRole: party.role,
        partySeq: party.seq,
      };
      changed.add(state);
    }
  }

  const upserted = await repo.upsertCustomers(
    trx,
    [...changed].map((s) => ({ idType: s.idType, idBidx: s.idBidx, ...(s.current as CustomerVersion) })),
    now,
  );
  for (const [key, id] of upserted) ids.set(key, id);
  const history: CustomerVersionTable[] = [];
  for (const state of changed) {
    const id = ids.get(customerKey(state)) as number;
    for (const v of state.superseded) {
      history.push({
        customer_id: id,
        version: v.version,
        data_digest: v.dataDigest,
        submission_id: v.submissionId,
        party_role: v.partyRole,
        party_seq: v.partySeq,
        recorded_at: now,
      });
    }
  }
  await repo.insertCustomerVersions(trx, history);
  return ids;
}
