import type { Generated } from 'kysely';

/**
 * The database as Kysely sees it. Personal values live only inside `sealed` columns
 * (AES-256-GCM, platform/crypto/sealer.ts); `*_bidx` columns are keyed blind indexes.
 * Booleans are 0/1 integers and timestamps ISO 8601 text, so one schema serves SQLite and PostgreSQL.
 */
export interface Database {
  import_batches: ImportBatchTable;
  submissions: SubmissionTable;
  applications: ApplicationTable;
  customers: CustomerTable;
  customer_versions: CustomerVersionTable;
  policy_parties: PolicyPartyTable;
  contacts: ContactTable;
  agents: AgentTable;
  agent_versions: AgentVersionTable;
  agent_contacts: AgentContactTable;
}

/** 64-bit blind index: bigint going in, string (pg) or number (sqlite) coming out. */
export type BlindIndex = bigint | string | number;
export type Sealed = Uint8Array;

export interface ImportBatchTable {
  id: Generated<number>;
  kind: 'applications' | 'agents';
  file_name: string;
  file_digest: string;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'finished' | 'failed';
  lines_read: Generated<number>;
  accepted: Generated<number>;
  rejected: Generated<number>;
  unchanged: Generated<number>;
  malformed: Generated<number>;
}

/** Every submission of an application with its gate outcome: the history (INTERCHANGE §3). */
export interface SubmissionTable {
  id: Generated<number>;
  policy_no: string;
  content_digest: string;
  batch_id: number | null;
  line_no: number | null;
  source: 'file' | 'api';
  received_at: string;
  accepted: number;
  errors: string;
  warnings: string;
  error_codes: string;
  sealed: Sealed;
}

/** The current state of each policy application. Parties and contacts follow the last accepted submission. */
export interface ApplicationTable {
  policy_no: string;
  status: 'accepted' | 'rejected';
  last_submission_id: number;
  accepted_submission_id: number | null;
  version: number;
  channel: string | null;
  agent_code: string | null;
  agency_code: string | null;
  branch_code: string | null;
  product_code: string | null;
  product_type: string | null;
  term_months: number | null;
  applied_at: string | null;
  /** China-time date of appliedAt: day T of the T+1 rule (P5.7). */
  applied_on: string | null;
  receipt_signed_at: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * A natural person keyed by (id_type, normalised id number) — INTERCHANGE §4. Holds no personal
 * value: what each policy said about the person is in that policy's sealed submission, and each
 * change is a version pointing at it (one cipher call per application, not per party).
 */
export interface CustomerTable {
  id: Generated<number>;
  id_type: string;
  id_bidx: BlindIndex;
  /** Keyed digest of the latest personal data seen, to tell a change from a repeat. */
  data_digest: string;
  version: number;
  /** Where the current version was said: that submission's sealed record, party role and seq. */
  submission_id: number;
  party_role: string;
  party_seq: number;
  created_at: string;
  updated_at: string;
}

/** Superseded versions of a customer (the current one is on the customer row). */
export interface CustomerVersionTable {
  customer_id: number;
  version: number;
  data_digest: string;
  submission_id: number;
  party_role: string;
  party_seq: number;
  recorded_at: string;
}

export interface PolicyPartyTable {
  id: Generated<number>;
  policy_no: string;
  role: 'applicant' | 'insured' | 'beneficiary';
  seq: number;
  customer_id: number | null;
  relation: string | null;
  share_pct: number | null;
  /** The accepted submission whose sealed record holds this party's data. */
  submission_id: number;
}

/**
 * Normalised contacts of the book, by blind index: what the scan links on (P5.7, P5.11).
 * The payer's account is a contact of role `payer`, its customer the account holder.
 */
export interface ContactTable {
  policy_no: string;
  party_role: string;
  party_seq: number;
  customer_id: number | null;
  kind: 'phone' | 'address' | 'account';
  bidx: BlindIndex;
}

export interface AgentTable {
  agent_code: string;
  kind: string;
  agency_kind: string | null;
  branch_code: string | null;
  qualified_on: string | null;
  content_digest: string;
  sealed: Sealed;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AgentVersionTable {
  agent_code: string;
  version: number;
  content_digest: string;
  sealed: Sealed;
  recorded_at: string;
}

export interface AgentContactTable {
  agent_code: string;
  owner: 'self' | 'relative';
  kind: 'phone' | 'address';
  bidx: BlindIndex;
}
