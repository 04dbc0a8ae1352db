import type { Kysely } from 'kysely';
import type { AgentContactTable, Database } from '../../platform/db/schema.js';
import type { AgentFacts } from '../intake/gate.js';

type Q = Kysely<Database>;

export async function findAgentDigest(
  q: Q,
  agentCode: string,
): Promise<{ digest: string; version: number } | undefined> {
  const row = await q
    .selectFrom('agents')
    .select(['content_digest', 'version'])
    .where('agent_code', '=', agentCode)
    .executeTakeFirst();
  return row && { digest: row.content_digest, version: row.version };
}

export interface AgentRow {
  agentCode: string;
  idBidx: string | null;
  kind: string;
  agencyKind: string | null;
  branchCode: string | null;
  qualifiedOn: string | null;
  digest: string;
  sealed: Uint8Array;
  version: number;
}

/** Writes the current row, its version and its contact index (replacing the previous contacts). */
export async function saveAgent(q: Q, agent: AgentRow, contacts: AgentContactTable[], now: string): Promise<void> {
  const values = {
    id_bidx: agent.idBidx,
    kind: agent.kind,
    agency_kind: agent.agencyKind,
    branch_code: agent.branchCode,
    qualified_on: agent.qualifiedOn,
    content_digest: agent.digest,
    sealed: agent.sealed,
    version: agent.version,
    updated_at: now,
  };
  await q
    .insertInto('agents')
    .values({ agent_code: agent.agentCode, ...values, created_at: now })
    .onConflict((oc) => oc.column('agent_code').doUpdateSet(values))
    .execute();
  await q
    .insertInto('agent_versions')
    .values({
      agent_code: agent.agentCode,
      version: agent.version,
      content_digest: agent.digest,
      sealed: agent.sealed,
      recorded_at: now,
    })
    .execute();
  await q.deleteFrom('agent_contacts').where('agent_code', '=', agent.agentCode).execute();
  if (contacts.length > 0) await q.insertInto('agent_contacts').values(contacts).execute();
}

export async function listAgentFacts(q: Q): Promise<Array<[string, AgentFacts]>> {
  const rows = await q.selectFrom('agents').select(['agent_code', 'kind', 'qualified_on']).execute();
  return rows.map((r) => [r.agent_code, { kind: r.kind as AgentFacts['kind'], qualifiedOn: r.qualified_on }]);
}

/** Changes whenever a seller is added or changed: the count and the latest change. */
export async function agentChangeMarker(q: Q): Promise<string> {
  const row = await q
    .selectFrom('agents')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')])
    .executeTakeFirstOrThrow();
  return `${row.n}|${row.at ?? ''}`;
}

export async function countAgents(q: Q): Promise<Array<{ kind: string; qualified: number; total: number }>> {
  const rows = await q
    .selectFrom('agents')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('total'), eb.fn.count<number>('qualified_on').as('qualified')])
    .groupBy('kind')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, total: Number(r.total), qualified: Number(r.qualified) }));
}
