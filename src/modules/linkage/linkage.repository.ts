import { type Insertable, type Kysely, sql } from 'kysely';
import { insertMany } from '../../platform/db/bulk-insert.js';
import { chunkValues } from '../../platform/db/chunks.js';
import type { Database, LinkTable, ProblemItemTable } from '../../platform/db/schema.js';
import type { PolicyParty, ValueHolder } from './households.js';

type Q = Kysely<Database>;

export interface ApplicationFacts {
  policyNo: string;
  channel: string | null;
  branchCode: string | null;
  agentCode: string | null;
  agencyCode: string | null;
  productCode: string | null;
  receiptSignedAt: string | null;
}

/** Accepted applications entered before the scan day (day T < D, China dates) and not scanned yet. */
export async function waitingApplications(q: Q, asOf: string): Promise<string[]> {
  // No ORDER BY: it would walk the whole primary key instead of the small partial index.
  const rows = await q
    .selectFrom('applications')
    .select('policy_no')
    .where('applied_on', '<', asOf)
    .where('scanned_on', 'is', null)
    .where('accepted_submission_id', 'is not', null)
    .execute();
  return rows.map((r) => r.policy_no).sort();
}

export async function countScannable(q: Q, asOf: string): Promise<number> {
  const row = await q
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('applied_on', '<', asOf)
    .where('accepted_submission_id', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The full scan takes in whatever was still waiting; rows scanned before keep their day. */
export async function markWaitingScanned(q: Q, asOf: string): Promise<void> {
  await q
    .updateTable('applications')
    .set({ scanned_on: asOf })
    .where('applied_on', '<', asOf)
    .where('scanned_on', 'is', null)
    .where('accepted_submission_id', 'is not', null)
    .execute();
}

export async function applicationsByPolicy(q: Q, policyNos: string[]): Promise<Map<string, ApplicationFacts>> {
  const out = new Map<string, ApplicationFacts>();
  for (const chunk of chunkValues(policyNos)) {
    const rows = await q
      .selectFrom('applications')
      .select(['policy_no', 'channel', 'branch_code', 'agent_code', 'agency_code', 'product_code', 'receipt_signed_at'])
      .where('policy_no', 'in', chunk)
      .execute();
    for (const r of rows) {
      out.set(r.policy_no, {
        policyNo: r.policy_no,
        channel: r.channel,
        branchCode: r.branch_code,
        agentCode: r.agent_code,
        agencyCode: r.agency_code,
        productCode: r.product_code,
        receiptSignedAt: r.receipt_signed_at,
      });
    }
  }
  return out;
}

export interface ContactValue {
  kind: 'phone' | 'address' | 'account';
  bidx: string;
}

/** The distinct contact values of some policies. */
export async function contactValuesOf(q: Q, policyNos: string[]): Promise<ContactValue[]> {
  const seen = new Map<string, ContactValue>();
  for (const chunk of chunkValues(policyNos)) {
    const rows = await q
      .selectFrom('contacts')
      .select(['kind', sql<string>`cast(bidx as text)`.as('bidx')])
      .where('policy_no', 'in', chunk)
      .execute();
    for (const r of rows) seen.set(`${r.kind}:${r.bidx}`, { kind: r.kind, bidx: r.bidx });
  }
  return [...seen.values()];
}

const memberOf = (r: {
  customer_id: number | string | null;
  policy_no: string;
  party_role: string;
  party_seq: number;
}) => (r.customer_id === null ? `${r.policy_no}/${r.party_role}/${r.party_seq}` : `c${r.customer_id}`);

/**
 * Everyone in the book as of the scan day holding one of these values, by value. Only policies
 * entered before the day count, so a scan "as of" a past day finds what it found then.
 */
export async function holdersOf(
  q: Q,
  kind: string,
  bidxs: string[],
  asOf: string,
): Promise<Map<string, ValueHolder[]>> {
  const out = new Map<string, ValueHolder[]>();
  for (const chunk of chunkValues(bidxs)) {
    const rows = await q
      .selectFrom('contacts')
      .innerJoin('applications', 'applications.policy_no', 'contacts.policy_no')
      .select([
        'contacts.policy_no',
        'contacts.party_role',
        'contacts.party_seq',
        'contacts.customer_id',
        sql<string>`cast(contacts.bidx as text)`.as('bidx'),
      ])
      .where('contacts.kind', '=', kind as ContactValue['kind'])
      .where('contacts.bidx', 'in', chunk)
      .where('applications.applied_on', '<', asOf)
      .execute();
    for (const r of rows) {
      const holder: ValueHolder = { member: memberOf(r), policyNo: r.policy_no, role: r.party_role, seq: r.party_seq };
      const list = out.get(r.bidx);
      if (list) list.push(holder);
      else out.set(r.bidx, [holder]);
    }
  }
  return out;
}

/**
 * Values held by two or more members in the book: every candidate link of the full scan. A cheap
 * superset, read from the (kind, bidx, customer_id) index alone — two customers, or a party without
 * a customer key beside another holder, whatever the day — that holdersOf (as of the scan day) and
 * the households then decide exactly.
 */
export async function sharedValues(q: Q, kind: string): Promise<string[]> {
  const rows = await q
    .selectFrom('contacts')
    .select(sql<string>`cast(contacts.bidx as text)`.as('bidx'))
    .where('contacts.kind', '=', kind as ContactValue['kind'])
    .groupBy('contacts.bidx')
    .having(
      sql<boolean>`count(*) > 1 and (min(contacts.customer_id) <> max(contacts.customer_id) or count(contacts.customer_id) < count(*))`,
    )
    .execute();
  return rows.map((r) => r.bidx);
}

export async function partiesOf(q: Q, policyNos: string[]): Promise<PolicyParty[]> {
  const out: PolicyParty[] = [];
  for (const chunk of chunkValues(policyNos)) {
    const rows = await q
      .selectFrom('policy_parties')
      .select(['policy_no', 'role', 'seq', 'customer_id', 'relation'])
      .where('policy_no', 'in', chunk)
      .execute();
    for (const r of rows) {
      out.push({
        policyNo: r.policy_no,
        role: r.role,
        seq: r.seq,
        member: memberOf({ ...r, party_role: r.role, party_seq: r.seq }),
        relation: r.relation,
      });
    }
  }
  return out;
}

export interface AgentContactMatch {
  agentCode: string;
  owner: 'self' | 'relative';
  bidx: string;
  /** The seller's own customer identity, when known: a seller buying for themself is no clue. */
  agentIdBidx: string | null;
}

/**
 * Sellers' contact values that some customer of the book also uses (the full scan's AGENT_CONTACT
 * candidates): from the sellers' few values, one index probe each into the book's contacts.
 */
export async function agentValuesInUse(q: Q, kind: 'phone' | 'address'): Promise<string[]> {
  const rows = await q
    .selectFrom('agent_contacts')
    .select(sql<string>`cast(agent_contacts.bidx as text)`.as('bidx'))
    .where('agent_contacts.kind', '=', kind)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('contacts')
          .select(sql`1`.as('one'))
          .where('contacts.kind', '=', kind)
          .whereRef('contacts.bidx', '=', 'agent_contacts.bidx'),
      ),
    )
    .distinct()
    .execute();
  return rows.map((r) => r.bidx);
}

export async function agentContactsMatching(q: Q, kind: string, bidxs: string[]): Promise<AgentContactMatch[]> {
  const out: AgentContactMatch[] = [];
  for (const chunk of chunkValues(bidxs)) {
    const rows = await q
      .selectFrom('agent_contacts')
      .innerJoin('agents', 'agents.agent_code', 'agent_contacts.agent_code')
      .select([
        'agent_contacts.agent_code',
        'agent_contacts.owner',
        sql<string>`cast(agent_contacts.bidx as text)`.as('bidx'),
        sql<string | null>`cast(agents.id_bidx as text)`.as('agent_id_bidx'),
      ])
      .where('agent_contacts.kind', '=', kind as 'phone' | 'address')
      .where('agent_contacts.bidx', 'in', chunk)
      .execute();
    for (const r of rows) {
      out.push({ agentCode: r.agent_code, owner: r.owner, bidx: r.bidx, agentIdBidx: r.agent_id_bidx });
    }
  }
  return out;
}

/** `c<id>` → the customer's ID blind index. */
export async function customerIdBidxs(q: Q, members: string[]): Promise<Map<string, string>> {
  const ids = members.filter((m) => m.startsWith('c')).map((m) => Number(m.slice(1)));
  const out = new Map<string, string>();
  for (const chunk of chunkValues(ids)) {
    const rows = await q
      .selectFrom('customers')
      .select(['id', sql<string>`cast(id_bidx as text)`.as('id_bidx')])
      .where('id', 'in', chunk)
      .execute();
    for (const r of rows) out.set(`c${r.id}`, r.id_bidx);
  }
  return out;
}

/** Accepted policies sold by these sellers (as agent, or as agency) before the day; one index each. */
export async function policiesOfSellers(q: Q, agentCodes: string[], asOf: string): Promise<string[]> {
  if (agentCodes.length === 0) return [];
  const policies = new Set<string>();
  for (const column of ['agent_code', 'agency_code'] as const) {
    const rows = await q
      .selectFrom('applications')
      .select('policy_no')
      .where(column, 'in', agentCodes)
      .where('accepted_submission_id', 'is not', null)
      .where('applied_on', '<', asOf)
      .execute();
    for (const r of rows) policies.add(r.policy_no);
  }
  return [...policies].sort();
}

export async function findLinks(q: Q, linkIds: string[]): Promise<Map<string, LinkTable>> {
  const out = new Map<string, LinkTable>();
  for (const chunk of chunkValues(linkIds)) {
    for (const r of await q.selectFrom('links').selectAll().where('link_id', 'in', chunk).execute())
      out.set(r.link_id, r);
  }
  return out;
}

export async function saveLink(q: Q, link: LinkTable): Promise<void> {
  await q
    .insertInto('links')
    .values(link)
    .onConflict((oc) =>
      oc.column('link_id').doUpdateSet({
        status: link.status,
        households: link.households,
        members: link.members,
        last_detected_on: link.last_detected_on,
      }),
    )
    .execute();
}

export async function itemsOfLinks(
  q: Q,
  linkIds: string[],
): Promise<Array<Pick<ProblemItemTable, 'item_no' | 'policy_no' | 'link_id' | 'related_policy_nos'>>> {
  const out: Array<Pick<ProblemItemTable, 'item_no' | 'policy_no' | 'link_id' | 'related_policy_nos'>> = [];
  for (const chunk of chunkValues(linkIds)) {
    out.push(
      ...(await q
        .selectFrom('problem_items')
        .select(['item_no', 'policy_no', 'link_id', 'related_policy_nos'])
        .where('link_id', 'in', chunk)
        .execute()),
    );
  }
  return out;
}

export async function lastItemSequence(q: Q, detectedOn: string): Promise<number> {
  const prefix = `Q${detectedOn.replaceAll('-', '')}-`;
  const row = await q
    .selectFrom('problem_items')
    .select((eb) => eb.fn.max('item_no').as('last'))
    .where('item_no', 'like', `${prefix}%`)
    .executeTakeFirst();
  return row?.last ? Number(String(row.last).slice(prefix.length)) : 0;
}

export async function insertItems(q: Q, items: Insertable<ProblemItemTable>[]): Promise<void> {
  const columns = [
    'item_no',
    'policy_no',
    'rule',
    'link_id',
    'related_policy_nos',
    'detected_on',
    'due_on',
    'cooling_off_ends_on',
    'status',
    'deadline_warnings',
    'created_at',
    'updated_at',
  ] as const;
  await insertMany(
    q as Kysely<unknown>,
    { table: 'problem_items', columns },
    items.map((i) => columns.map((c) => i[c])),
  );
  const history = ['item_no', 'at', 'actor', 'action', 'from_status', 'to_status', 'note'] as const;
  await insertMany(
    q as Kysely<unknown>,
    { table: 'problem_item_history', columns: history },
    items.map((i) => [i.item_no, i.created_at, 'scan', 'detected', null, i.status, null]),
  );
}

export async function updateRelated(q: Q, itemNo: string, related: string[], now: string): Promise<void> {
  await q
    .updateTable('problem_items')
    .set({ related_policy_nos: JSON.stringify(related), updated_at: now })
    .where('item_no', '=', itemNo)
    .execute();
  await q
    .insertInto('problem_item_history')
    .values({
      item_no: itemNo,
      at: now,
      actor: 'scan',
      action: 'link_grew',
      from_status: null,
      to_status: 'open',
      note: `${related.length}`,
    })
    .execute();
}

export async function markScanned(q: Q, policyNos: string[], asOf: string): Promise<void> {
  for (const chunk of chunkValues(policyNos)) {
    await q.updateTable('applications').set({ scanned_on: asOf }).where('policy_no', 'in', chunk).execute();
  }
}

export async function recordScanRun(
  q: Q,
  run: {
    asOf: string;
    mode: 'daily' | 'full';
    startedAt: string;
    finishedAt: string;
    applications: number;
    itemsRaised: number;
  },
): Promise<void> {
  await q
    .insertInto('scan_runs')
    .values({
      as_of: run.asOf,
      mode: run.mode,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      applications: run.applications,
      items_raised: run.itemsRaised,
    })
    .execute();
}
