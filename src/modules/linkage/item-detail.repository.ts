import { type Kysely, sql } from 'kysely';
import type { Scope } from '../../platform/access/scope.js';
import { scopeCondition } from '../../platform/access/scope-sql.js';
import { chunkValues } from '../../platform/db/chunks.js';
import type { Database } from '../../platform/db/schema.js';
import type { ListedItem } from './items.repository.js';

type Q = Kysely<Database>;

/** One item with its policy's channel, branch and seller, if it lies within the scope (P5.21). */
export async function findItemInScope(q: Q, itemNo: string, scope: Scope): Promise<ListedItem | undefined> {
  return q
    .selectFrom('problem_items')
    .innerJoin('applications', 'applications.policy_no', 'problem_items.policy_no')
    .leftJoin('users', 'users.id', 'problem_items.assignee_id')
    .selectAll('problem_items')
    .select(['applications.channel', 'applications.branch_code', 'applications.agent_code'])
    .select('users.display_name as assignee_name')
    .where('problem_items.item_no', '=', itemNo)
    .where((eb) => scopeCondition(eb, scope, { branch: 'applications.branch_code', channel: 'applications.channel' }))
    .executeTakeFirst();
}

export interface PolicyRow {
  policy_no: string;
  channel: string | null;
  branch_code: string | null;
  agent_code: string | null;
  agency_code: string | null;
  status: 'accepted' | 'rejected';
  accepted_submission_id: number | null;
}

export async function policiesOf(q: Q, policyNos: string[]): Promise<PolicyRow[]> {
  const out: PolicyRow[] = [];
  for (const chunk of chunkValues(policyNos)) {
    out.push(
      ...(await q
        .selectFrom('applications')
        .select([
          'policy_no',
          'channel',
          'branch_code',
          'agent_code',
          'agency_code',
          'status',
          'accepted_submission_id',
        ])
        .where('policy_no', 'in', chunk)
        .execute()),
    );
  }
  return out;
}

export interface ContactRow {
  policy_no: string;
  party_role: string;
  party_seq: number;
  customer_id: number | null;
  kind: 'phone' | 'address' | 'account';
  bidx: string;
}

/** The contact index of some policies, for the kinds given (blind indexes only). */
export async function contactsOf(q: Q, policyNos: string[], kinds: ContactRow['kind'][]): Promise<ContactRow[]> {
  const out: ContactRow[] = [];
  for (const chunk of chunkValues(policyNos)) {
    out.push(
      ...(await q
        .selectFrom('contacts')
        .select([
          'policy_no',
          'party_role',
          'party_seq',
          'customer_id',
          'kind',
          sql<string>`cast(bidx as text)`.as('bidx'),
        ])
        .where('policy_no', 'in', chunk)
        .where('kind', 'in', kinds)
        .execute()),
    );
  }
  return out;
}

export interface PartyRow {
  policy_no: string;
  role: string;
  seq: number;
  customer_id: number;
}

/** The parties of some policies that are customers (a known ID), the payer account's holder included. */
export async function customerPartiesOf(q: Q, policyNos: string[]): Promise<PartyRow[]> {
  const out: PartyRow[] = [];
  for (const chunk of chunkValues(policyNos)) {
    const parties = await q
      .selectFrom('policy_parties')
      .select(['policy_no', 'role', 'seq', 'customer_id'])
      .where('policy_no', 'in', chunk)
      .where('customer_id', 'is not', null)
      .orderBy('policy_no')
      .orderBy('id')
      .execute();
    const payers = await q
      .selectFrom('contacts')
      .select(['policy_no', 'party_role as role', 'party_seq as seq', 'customer_id'])
      .where('policy_no', 'in', chunk)
      .where('party_role', '=', 'payer')
      .where('customer_id', 'is not', null)
      .execute();
    for (const r of [...parties, ...payers]) {
      if (r.customer_id !== null) out.push({ ...r, customer_id: Number(r.customer_id) });
    }
  }
  return out;
}

/** The sellers whose own or relatives' contact this value is (P5.11). */
export async function sellersWithContact(
  q: Q,
  kind: 'phone' | 'address',
  bidx: string,
): Promise<Array<{ agentCode: string; owner: 'self' | 'relative' }>> {
  const rows = await q
    .selectFrom('agent_contacts')
    .select(['agent_code', 'owner'])
    .where('kind', '=', kind)
    .where('bidx', '=', bidx)
    .orderBy('agent_code')
    .orderBy('owner', 'desc')
    .execute();
  return rows.map((r) => ({ agentCode: r.agent_code, owner: r.owner }));
}
