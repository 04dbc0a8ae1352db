import type { Kysely, Selectable } from 'kysely';
import type { Scope } from '../../platform/access/scope.js';
import { scopeCondition } from '../../platform/access/scope-sql.js';
import { chunkValues } from '../../platform/db/chunks.js';
import type { Database, LinkTable } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

export async function findCustomer(q: Q, id: number) {
  return q
    .selectFrom('customers')
    .select(['id', 'id_type', 'submission_id', 'party_role', 'party_seq', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface CustomerPolicyRow {
  policy_no: string;
  role: string;
  seq: number;
  relation: string | null;
  channel: string | null;
  branch_code: string | null;
  agent_code: string | null;
  status: 'accepted' | 'rejected';
  accepted_submission_id: number | null;
}

const ON_POLICY = { branch: 'applications.branch_code', channel: 'applications.channel' };

/**
 * The policies a customer is on (as a party, or as the payer account's holder) within the scope:
 * the scope is part of the query, so a policy outside it never leaves the database (P5.21).
 */
export async function policiesOfCustomer(q: Q, id: number, scope: Scope): Promise<CustomerPolicyRow[]> {
  const application = [
    'applications.channel',
    'applications.branch_code',
    'applications.agent_code',
    'applications.status',
    'applications.accepted_submission_id',
  ] as const;
  const parties = await q
    .selectFrom('policy_parties')
    .innerJoin('applications', 'applications.policy_no', 'policy_parties.policy_no')
    .select(['policy_parties.policy_no', 'policy_parties.role', 'policy_parties.seq', 'policy_parties.relation'])
    .select(application)
    .where('policy_parties.customer_id', '=', id)
    .where((eb) => scopeCondition(eb, scope, ON_POLICY))
    .execute();
  const payers = await q
    .selectFrom('contacts')
    .innerJoin('applications', 'applications.policy_no', 'contacts.policy_no')
    .select(['contacts.policy_no', 'contacts.party_role as role', 'contacts.party_seq as seq'])
    .select(application)
    .where('contacts.customer_id', '=', id)
    .where('contacts.party_role', '=', 'payer')
    .where((eb) => scopeCondition(eb, scope, ON_POLICY))
    .execute();
  const rows: CustomerPolicyRow[] = [...parties, ...payers.map((p) => ({ ...p, relation: null }))];
  return rows.sort((a, b) => a.policy_no.localeCompare(b.policy_no) || a.role.localeCompare(b.role) || a.seq - b.seq);
}

/** The items of these policies in one of these statuses, earliest due first. */
export async function itemsInStatusesOf(q: Q, policyNos: string[], statuses: readonly string[]) {
  const out: Array<{ item_no: string; policy_no: string; rule: string; due_on: string; status: string }> = [];
  for (const chunk of chunkValues(policyNos)) {
    out.push(
      ...(await q
        .selectFrom('problem_items')
        .select(['item_no', 'policy_no', 'rule', 'due_on', 'status'])
        .where('policy_no', 'in', chunk)
        .where('status', 'in', [...statuses])
        .execute()),
    );
  }
  return out.sort((a, b) => a.due_on.localeCompare(b.due_on) || a.item_no.localeCompare(b.item_no));
}

/** The sealed records of these submissions, with the policy number each is bound to. */
export async function sealedSubmissions(q: Q, ids: number[]) {
  const out: Array<{ id: number; policy_no: string; sealed: Uint8Array }> = [];
  for (const chunk of chunkValues(ids)) {
    out.push(
      ...(await q.selectFrom('submissions').select(['id', 'policy_no', 'sealed']).where('id', 'in', chunk).execute()),
    );
  }
  return out;
}

export interface VersionRow {
  version: number;
  submission_id: number;
  party_role: string;
  party_seq: number;
  policy_no: string;
  received_at: string;
  sealed: Uint8Array;
}

/**
 * Every version of a customer said by a policy within the scope, oldest first: the history rows
 * and the current one on the customer. The scope is part of the query (P5.21).
 */
export async function customerVersions(q: Q, id: number, scope: Scope): Promise<VersionRow[]> {
  const columns = ['submissions.policy_no', 'submissions.received_at', 'submissions.sealed'] as const;
  const current = await q
    .selectFrom('customers')
    .innerJoin('submissions', 'submissions.id', 'customers.submission_id')
    .leftJoin('applications', 'applications.policy_no', 'submissions.policy_no')
    .select(['customers.version', 'customers.submission_id', 'customers.party_role', 'customers.party_seq'])
    .select(columns)
    .where('customers.id', '=', id)
    .where((eb) => scopeCondition(eb, scope, ON_POLICY))
    .execute();
  const earlier = await q
    .selectFrom('customer_versions')
    .innerJoin('submissions', 'submissions.id', 'customer_versions.submission_id')
    .leftJoin('applications', 'applications.policy_no', 'submissions.policy_no')
    .select([
      'customer_versions.version',
      'customer_versions.submission_id',
      'customer_versions.party_role',
      'customer_versions.party_seq',
    ])
    .select(columns)
    .where('customer_versions.customer_id', '=', id)
    .where((eb) => scopeCondition(eb, scope, ON_POLICY))
    .execute();
  return [...earlier, ...current]
    .map((r) => ({ ...r, submission_id: Number(r.submission_id) }))
    .sort((a, b) => a.version - b.version);
}

/** Every item of these policies, whatever its status. */
export async function itemsOf(q: Q, policyNos: string[]) {
  const out: Array<{
    item_no: string;
    policy_no: string;
    rule: string;
    link_id: string;
    detected_on: string;
    due_on: string;
    status: string;
    escalated_on: string | null;
  }> = [];
  for (const chunk of chunkValues(policyNos)) {
    out.push(
      ...(await q
        .selectFrom('problem_items')
        .select(['item_no', 'policy_no', 'rule', 'link_id', 'detected_on', 'due_on', 'status', 'escalated_on'])
        .where('policy_no', 'in', chunk)
        .execute()),
    );
  }
  return out.sort((a, b) => b.detected_on.localeCompare(a.detected_on) || a.item_no.localeCompare(b.item_no));
}

export async function linksById(q: Q, linkIds: string[]) {
  const out: Array<Selectable<LinkTable>> = [];
  for (const chunk of chunkValues(linkIds)) {
    out.push(...(await q.selectFrom('links').selectAll().where('link_id', 'in', chunk).execute()));
  }
  return out;
}
