import type { Generated } from 'kysely';

/**
 * The database as Kysely sees it. Personal values live only inside `sealed` columns
 * (AES-256-GCM, platform/crypto/sealer.ts); `*_bidx` columns are keyed blind indexes.
 * Booleans are 0/1 integers and timestamps ISO 8601 text, so one schema serves SQLite and PostgreSQL.
 */
export interface Database {
  import_batches: ImportBatchTable;
  links: LinkTable;
  problem_items: ProblemItemTable;
  problem_item_history: ProblemItemHistoryTable;
  product_terms: ProductTermTable;
  product_term_versions: ProductTermVersionTable;
  scan_runs: ScanRunTable;
  submissions: SubmissionTable;
  applications: ApplicationTable;
  customers: CustomerTable;
  customer_versions: CustomerVersionTable;
  policy_parties: PolicyPartyTable;
  contacts: ContactTable;
  agents: AgentTable;
  agent_versions: AgentVersionTable;
  agent_contacts: AgentContactTable;
  calendar_years: CalendarYearTable;
  calendar_year_versions: CalendarYearVersionTable;
  complaints: ComplaintTable;
  complaint_versions: ComplaintVersionTable;
  users: UserTable;
  sessions: SessionTable;
  sign_in_throttle: SignInThrottleTable;
  api_keys: ApiKeyTable;
  audit_events: AuditEventTable;
  distribution_rules: DistributionRuleTable;
  item_evidence: ItemEvidenceTable;
  notifications: NotificationTable;
  mail_outbox: MailOutboxTable;
  import_malformed: ImportMalformedTable;
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
  /** Who uploaded the file in the console; null for the CLI. */
  uploaded_by: string | null;
}

/**
 * A line of an imported file that did not become a submission: too malformed to be one (bad JSON,
 * a CSV row of the wrong width), or refused because it lies outside the uploader's data scope.
 */
export interface ImportMalformedTable {
  batch_id: number;
  line_no: number;
  /** JSON array of issues (code, path, message). */
  errors: string;
  outcome: 'malformed' | 'refused';
  /** The policy number the line gave, when it could be read (a refused line). */
  policy_no: string | null;
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
  /** The as-of day of the scan that took this version in; null while it waits (P5.7). */
  scanned_on: Generated<string | null>;
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
  /** Blind index of the seller's own ID number: a seller buying a policy may use their own phone. */
  id_bidx: BlindIndex | null;
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

/**
 * A year of the working-day calendar entered locally (P5.7, P5.13): it wins over the chinese-days
 * package for that year. Holidays and make-up working days are JSON text, sorted.
 */
export interface CalendarYearTable {
  year: number;
  /** JSON array of { date, name }. */
  holidays: string;
  /** JSON array of dates. */
  workdays: string;
  /** Where the data comes from: the State Council notice, or the file it was read from. */
  reference: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Every version of a calendar override, the current one included: nothing is overwritten without history. */
export interface CalendarYearVersionTable {
  year: number;
  version: number;
  holidays: string;
  workdays: string;
  reference: string;
  recorded_at: string;
}

/**
 * The complaints register (INTERCHANGE §2a): in the clear what the two-in-a-year rule (P5.14) and
 * the lists need; the whole record sealed (its summary is free text that may name people).
 */
export interface ComplaintTable {
  complaint_no: string;
  agent_code: string;
  policy_no: string | null;
  received_on: string;
  kind: string;
  /** 0/1. */
  verified: number;
  /** The day P5.14 dates a verified complaint by. */
  verified_on: string | null;
  content_digest: string;
  sealed: Sealed;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Every version of a complaint, the current one included: nothing is overwritten without history. */
export interface ComplaintVersionTable {
  complaint_no: string;
  version: number;
  content_digest: string;
  sealed: Sealed;
  recorded_at: string;
}

/** One shared value (or one seller under re-check) and what the scan last found on it. */
export interface LinkTable {
  link_id: string;
  rule: string;
  kind: string;
  status: 'open' | 'cleared';
  households: number;
  /** JSON array of the members (customers) the link had when last raised. */
  members: string;
  /** JSON array of the members when it was cleared as legitimate: only a newcomer raises it again. */
  cleared_members: string | null;
  first_detected_on: string;
  last_detected_on: string;
}

/** A problem item (问题件), INTERCHANGE §5. */
export interface ProblemItemTable {
  item_no: string;
  policy_no: string;
  rule: string;
  link_id: string;
  related_policy_nos: string;
  detected_on: string;
  due_on: string;
  cooling_off_ends_on: string | null;
  status: string;
  /** JSON array of calendar warnings behind `due_on` (a year without official data). */
  deadline_warnings: string;
  created_at: string;
  updated_at: string;
  /** The back-office user who has the item (P5.13); null until distributed. */
  assignee_id: Generated<number | null>;
  /** The China date the back office received it: `due_on` counts 3 working days from here. */
  distributed_on: Generated<string | null>;
  /** When the investigator submitted a resolution for verification. */
  submitted_at: Generated<string | null>;
  /** Who submitted it: the verifier must be someone else (four eyes). */
  investigator_id: Generated<number | null>;
  /** `corrected` (the data was wrong and is fixed) or `legitimate` (the link is explained). */
  resolution: Generated<string | null>;
  /** For a legitimate link: family, same_employer, ... (cases/case-rules.ts). */
  legitimate_reason: Generated<string | null>;
  verifier_id: Generated<number | null>;
  closed_on: Generated<string | null>;
  /** The China date the item went overdue and was escalated to channel management and compliance. */
  escalated_on: Generated<string | null>;
  /** 0/1: compliance investigates the item itself (P5.13, P5.24). */
  compliance_review: Generated<number | null>;
  /** The China date compliance referred the item to the compliance committee (P5.24). */
  referred_on: Generated<string | null>;
}

export interface ProblemItemHistoryTable {
  id: Generated<number>;
  item_no: string;
  at: string;
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string;
  /** Never personal: a count, a code, a reason category. */
  note: string | null;
  /** The user behind `actor`, when a member of staff. */
  actor_id: Generated<number | null>;
  /** What staff wrote (call notes, reasons, opinions): free text may name people, so it is sealed. */
  detail_sealed: Generated<Sealed | null>;
}

/**
 * P5.13: customer service's routing of new items to a back-office user, by the policy's channel,
 * branch (and its sub-branches) and seller; the most specific active rule wins, then priority.
 * Rules are never edited in place: a change retires the old row and adds a new one.
 */
export interface DistributionRuleTable {
  id: Generated<number>;
  priority: number;
  channel: string | null;
  branch_prefix: string | null;
  agent_code: string | null;
  assignee_id: number;
  created_by: string;
  created_at: string;
  retired_at: string | null;
  retired_by: string | null;
}

/**
 * Evidence for an item (P5.13): the customer's signed confirmation, statements, the back office's
 * signed report. The file is sealed on disk under `stored_name`; `sha256` is of its content.
 */
export interface ItemEvidenceTable {
  id: Generated<number>;
  item_no: string;
  kind: string;
  media_type: string;
  size: number;
  sha256: string;
  stored_name: string;
  /** The uploaded file's own name, sealed (it may name the customer). */
  name_sealed: Sealed;
  uploaded_by: string;
  uploaded_by_id: number | null;
  uploaded_at: string;
}

/** What the console shows a user in their bell: an overdue item escalated to them, say. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  item_no: string | null;
  /** JSON; never a personal value. */
  data: string;
  created_at: string;
  read_at: string | null;
}

/** Mail waiting to go, or gone: sent by the outbox job over SMTP; kept with its last error. */
export interface MailOutboxTable {
  id: Generated<number>;
  kind: string;
  /** One mail per event and person, however often the job runs. */
  dedupe_key: string;
  to_address: string;
  subject: string;
  /** Plain text; never a personal value of a customer. */
  body: string;
  created_at: string;
  sent_at: string | null;
  attempts: number;
  last_error: string | null;
  /** When the sender may try it (next); null once sent, or given up after the last attempt. */
  next_attempt_at: string | null;
}

export interface ScanRunTable {
  id: Generated<number>;
  as_of: string;
  mode: 'daily' | 'full';
  started_at: string;
  finished_at: string | null;
  applications: number;
  items_raised: number;
}

/** A product's cooling-off period (犹豫期), at least 15 calendar days from the receipt. */
export interface ProductTermTable {
  product_code: string;
  cooling_off_days: number;
  version: number;
  updated_at: string;
}

export interface ProductTermVersionTable {
  product_code: string;
  version: number;
  cooling_off_days: number;
  recorded_at: string;
}

/** A member of staff. `scope` is JSON { branches, channels }: empty lists mean the whole company. */
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  scope: string;
  /** argon2id PHC string. */
  password_hash: string;
  status: 'active' | 'disabled';
  created_at: string;
  updated_at: string;
  /** Where escalations are mailed; staff mail, not a customer's. */
  email: Generated<string | null>;
}

/** A signed-in session. `id` is the SHA-256 of the cookie's token: a stolen table opens no session. */
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, whatever the activity. */
  expires_at: string;
  revoked_at: string | null;
}

/** Failed sign-ins per username (known or not, so the throttle tells nothing about who exists). */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  locked_until: string | null;
  last_failure_at: string;
}

/** A core system's key: only its SHA-256 is kept; `prefix` names it in lists. */
export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  key_hash: string;
  scope: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

/** The audit trail: append-only, each event's hash covers the previous one's (P1.3). */
export interface AuditEventTable {
  seq: number;
  at: string;
  type: string;
  actor_kind: string;
  actor: string;
  request_id: string | null;
  ip: string | null;
  object_type: string | null;
  object_id: string | null;
  /** JSON; never a personal value. */
  data: string;
  prev_hash: string;
  hash: string;
}
