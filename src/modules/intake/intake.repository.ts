import { type Insertable, type Kysely, sql } from 'kysely';
import { insertMany } from '../../platform/db/bulk-insert.js';
import { chunkRows, chunkValues } from '../../platform/db/chunks.js';
import type {
  ApplicationTable,
  ContactTable,
  CustomerVersionTable,
  Database,
  ImportBatchTable,
  PolicyPartyTable,
  SubmissionTable,
} from '../../platform/db/schema.js';

/** The only place intake builds queries. Every function takes the transaction it runs in. */
type Q = Kysely<Database>;

export interface StoredCustomer {
  id: number;
  idType: string;
  idBidx: string;
  current: { version: number; dataDigest: string; submissionId: number; partyRole: string; partySeq: number };
}

export interface SubmissionState {
  /** Content digest of each policy's latest submission. */
  latest: Map<string, string>;
  /** Policies with an accepted submission: a new accepted one replaces their parties and contacts. */
  accepted: Set<string>;
  /** `policyNo NUL digest NUL line` already stored from the same file: what a re-run must skip. */
  fromSameFile: Set<string>;
}

export async function findSubmissionState(
  q: Q,
  policyNos: string[],
  fileDigest: string | null,
): Promise<SubmissionState> {
  const state: SubmissionState = { latest: new Map(), accepted: new Set(), fromSameFile: new Set() };
  for (const chunk of chunkValues(policyNos)) {
    const current = await q
      .selectFrom('applications')
      .innerJoin('submissions', 'submissions.id', 'applications.last_submission_id')
      .select(['applications.policy_no', 'applications.accepted_submission_id', 'submissions.content_digest'])
      .where('applications.policy_no', 'in', chunk)
      .execute();
    for (const row of current) {
      state.latest.set(row.policy_no, row.content_digest);
      if (row.accepted_submission_id !== null) state.accepted.add(row.policy_no);
    }
    if (fileDigest === null) continue;
    const earlier = await q
      .selectFrom('submissions')
      .innerJoin('import_batches', 'import_batches.id', 'submissions.batch_id')
      .select(['submissions.policy_no', 'submissions.content_digest', 'submissions.line_no'])
      .where('import_batches.file_digest', '=', fileDigest)
      .where('submissions.policy_no', 'in', chunk)
      .execute();
    for (const row of earlier)
      state.fromSameFile.add(`${row.policy_no}\u0000${row.content_digest}\u0000${row.line_no}`);
  }
  return state;
}

const SUBMISSION_COLUMNS = [
  'policy_no',
  'content_digest',
  'batch_id',
  'line_no',
  'source',
  'received_at',
  'accepted',
  'errors',
  'warnings',
  'error_codes',
  'sealed',
] as const;

/** Inserts submissions; returns their ids keyed by `policyNo NUL contentDigest`. */
export async function insertSubmissions(q: Q, rows: Insertable<SubmissionTable>[]): Promise<Map<string, number>> {
  const inserted = await insertMany<{ id: number; policy_no: string; content_digest: string }>(
    q as Kysely<unknown>,
    { table: 'submissions', columns: SUBMISSION_COLUMNS, returning: ['id', 'policy_no', 'content_digest'] },
    rows.map((r) => SUBMISSION_COLUMNS.map((c) => r[c] ?? null)),
  );
  return new Map(inserted.map((row) => [`${row.policy_no}\u0000${row.content_digest}`, Number(row.id)]));
}

export async function findCustomers(q: Q, idBidxs: string[]): Promise<StoredCustomer[]> {
  const found: StoredCustomer[] = [];
  for (const chunk of chunkValues(idBidxs)) {
    const rows = await q
      .selectFrom('customers')
      .select([
        'id',
        'id_type',
        sql<string>`cast(id_bidx as text)`.as('id_bidx'),
        'data_digest',
        'version',
        'submission_id',
        'party_role',
        'party_seq',
      ])
      .where('id_bidx', 'in', chunk)
      .execute();
    for (const r of rows) {
      found.push({
        id: Number(r.id),
        idType: r.id_type,
        idBidx: r.id_bidx,
        current: {
          version: r.version,
          dataDigest: r.data_digest,
          submissionId: Number(r.submission_id),
          partyRole: r.party_role,
          partySeq: r.party_seq,
        },
      });
    }
  }
  return found;
}

/**
 * Creates new customers and moves changed ones to their latest version in one statement; returns
 * their ids keyed by `idType|idBidx`.
 */
export async function upsertCustomers(
  q: Q,
  customers: Array<{
    idType: string;
    idBidx: string;
    version: number;
    dataDigest: string;
    submissionId: number;
    partyRole: string;
    partySeq: number;
  }>,
  now: string,
): Promise<Map<string, number>> {
  const rows = await insertMany<{ id: number; id_type: string; id_bidx: string }>(
    q as Kysely<unknown>,
    {
      table: 'customers',
      columns: [
        'id_type',
        'id_bidx',
        'data_digest',
        'version',
        'submission_id',
        'party_role',
        'party_seq',
        'created_at',
        'updated_at',
      ],
      suffix: `on conflict (id_bidx, id_type) do update set data_digest = excluded.data_digest,
        version = excluded.version, submission_id = excluded.submission_id, party_role = excluded.party_role,
        party_seq = excluded.party_seq, updated_at = excluded.updated_at`,
      returning: ['id', 'id_type', 'cast(id_bidx as text) as id_bidx'],
    },
    customers.map((c) => [
      c.idType,
      c.idBidx,
      c.dataDigest,
      c.version,
      c.submissionId,
      c.partyRole,
      c.partySeq,
      now,
      now,
    ]),
  );
  return new Map(rows.map((row) => [`${row.id_type}|${row.id_bidx}`, Number(row.id)]));
}

export async function insertCustomerVersions(q: Q, rows: CustomerVersionTable[]): Promise<void> {
  const columns = [
    'customer_id',
    'version',
    'data_digest',
    'submission_id',
    'party_role',
    'party_seq',
    'recorded_at',
  ] as const;
  await insertMany(
    q as Kysely<unknown>,
    { table: 'customer_versions', columns },
    rows.map((r) => columns.map((c) => r[c])),
  );
}

/** A correction replaces the policy's parties and contacts; the previous ones stay in its submissions. */
export async function deletePolicyBook(q: Q, policyNos: string[]): Promise<void> {
  for (const chunk of chunkValues(policyNos)) {
    await q.deleteFrom('contacts').where('policy_no', 'in', chunk).execute();
    await q.deleteFrom('policy_parties').where('policy_no', 'in', chunk).execute();
  }
}

export async function insertParties(q: Q, rows: Insertable<PolicyPartyTable>[]): Promise<void> {
  const columns = ['policy_no', 'role', 'seq', 'customer_id', 'relation', 'share_pct', 'submission_id'] as const;
  await insertMany(
    q as Kysely<unknown>,
    { table: 'policy_parties', columns },
    rows.map((r) => columns.map((c) => r[c] ?? null)),
  );
}

export async function insertContacts(q: Q, rows: ContactTable[]): Promise<void> {
  const columns = ['policy_no', 'party_role', 'party_seq', 'customer_id', 'kind', 'bidx'] as const;
  await insertMany(
    q as Kysely<unknown>,
    { table: 'contacts', columns },
    rows.map((r) => columns.map((c) => r[c])),
  );
}

const DESCRIPTIVE_COLUMNS = [
  'channel',
  'agent_code',
  'agency_code',
  'branch_code',
  'product_code',
  'product_type',
  'term_months',
  'applied_at',
  'applied_on',
  'receipt_signed_at',
] as const;

/**
 * One row per policy. The descriptive columns follow the last accepted submission (a rejected
 * correction does not change the book), or the latest one while none was accepted.
 */
export async function upsertApplications(q: Q, rows: Insertable<ApplicationTable>[]): Promise<void> {
  const keepAccepted = sql<boolean>`(excluded.status = 'accepted' or applications.accepted_submission_id is null)`;
  const descriptive = Object.fromEntries(
    DESCRIPTIVE_COLUMNS.map((column) => [
      column,
      sql`case when ${keepAccepted} then excluded.${sql.ref(column)} else applications.${sql.ref(column)} end`,
    ]),
  );
  for (const chunk of chunkRows(rows)) {
    await q
      .insertInto('applications')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('policy_no').doUpdateSet({
          ...descriptive,
          status: sql`excluded.status`,
          last_submission_id: sql`excluded.last_submission_id`,
          accepted_submission_id: sql`coalesce(excluded.accepted_submission_id, applications.accepted_submission_id)`,
          version: sql`applications.version + 1`,
          // A newly accepted version changes the book: the next scan takes it in again (P5.7).
          scanned_on: sql`case when excluded.status = 'accepted' then null else applications.scanned_on end`,
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .execute();
  }
}

export async function createImportBatch(
  q: Q,
  batch: Pick<ImportBatchTable, 'kind' | 'file_name' | 'file_digest' | 'started_at'> &
    Partial<Pick<ImportBatchTable, 'uploaded_by'>>,
): Promise<number> {
  const row = await q
    .insertInto('import_batches')
    .values({ ...batch, status: 'running', finished_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function addToImportBatch(
  q: Q,
  id: number,
  counts: { linesRead: number; accepted: number; rejected: number; unchanged: number; malformed: number },
): Promise<void> {
  await q
    .updateTable('import_batches')
    .set((eb) => ({
      lines_read: eb('lines_read', '+', counts.linesRead),
      accepted: eb('accepted', '+', counts.accepted),
      rejected: eb('rejected', '+', counts.rejected),
      unchanged: eb('unchanged', '+', counts.unchanged),
      malformed: eb('malformed', '+', counts.malformed),
    }))
    .where('id', '=', id)
    .execute();
}

/** Lines of a batch that became no submission (malformed, or refused), with their issues. */
export async function recordUnstoredLines(
  q: Q,
  batchId: number,
  lines: ReadonlyArray<{ line: number; outcome: 'malformed' | 'refused'; policyNo: string | null; errors: unknown[] }>,
): Promise<void> {
  const rows = lines.map((l) => ({
    batch_id: batchId,
    line_no: l.line,
    outcome: l.outcome,
    policy_no: l.policyNo,
    errors: JSON.stringify(l.errors),
  }));
  for (const chunk of chunkRows(rows)) {
    await q
      .insertInto('import_malformed')
      .values(chunk)
      .onConflict((oc) => oc.columns(['batch_id', 'line_no']).doNothing())
      .execute();
  }
}

export async function finishImportBatch(
  q: Q,
  id: number,
  status: 'finished' | 'failed',
  finishedAt: string,
): Promise<void> {
  await q.updateTable('import_batches').set({ status, finished_at: finishedAt }).where('id', '=', id).execute();
}

export interface BookCounts {
  applications: Array<{ status: string; count: number }>;
  rejectedByCode: Array<{ codes: string; count: number }>;
  customers: number;
  submissions: number;
}

export async function countBook(q: Q): Promise<BookCounts> {
  const applications = await q
    .selectFrom('applications')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute();
  const rejectedByCode = await q
    .selectFrom('applications')
    .innerJoin('submissions', 'submissions.id', 'applications.last_submission_id')
    .select((eb) => [sql<string>`submissions.error_codes`.as('codes'), eb.fn.countAll<number>().as('count')])
    .where('applications.status', '=', 'rejected')
    .groupBy('submissions.error_codes')
    .execute();
  const customers = await q
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const submissions = await q
    .selectFrom('submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return {
    applications: applications.map((r) => ({ status: r.status, count: Number(r.count) })),
    rejectedByCode: rejectedByCode.map((r) => ({ codes: r.codes, count: Number(r.count) })),
    customers: Number(customers?.n ?? 0),
    submissions: Number(submissions?.n ?? 0),
  };
}

/** Where the book already has these policies: a record may not move one from another's scope. */
export async function policiesHeld(
  q: Q,
  policyNos: readonly string[],
): Promise<Map<string, { channel: string | null; branchCode: string | null }>> {
  const out = new Map<string, { channel: string | null; branchCode: string | null }>();
  for (const chunk of chunkValues([...new Set(policyNos)])) {
    const rows = await q
      .selectFrom('applications')
      .select(['policy_no', 'channel', 'branch_code'])
      .where('policy_no', 'in', chunk)
      .execute();
    for (const r of rows) out.set(r.policy_no, { channel: r.channel, branchCode: r.branch_code });
  }
  return out;
}
