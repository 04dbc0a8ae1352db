import type { Kysely } from 'kysely';
import type { Deps } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { canonicalJson } from '../intake/canonical-json.js';
import { INDEX_DOMAIN } from '../intake/prepare-submission.js';
import { importRegister, type RegisterLine, type RegisterSummary } from '../intake/register-import.js';
import { forgetAgentFacts } from './agent-facts.js';
import { checkAgent } from './agents.js';
import * as repo from './agents.repository.js';

export interface AgentImportLine extends RegisterLine {
  agentCode: string | null;
}

export type AgentImportSummary = RegisterSummary;

/**
 * Imports the agent register (INTERCHANGE §2). Idempotent: an unchanged agent is left alone; a
 * changed one gets a new version, its old data kept in agent_versions.
 */
export async function importAgents(
  deps: Deps,
  file: string,
  onLine?: (line: AgentImportLine) => void,
): Promise<AgentImportSummary> {
  try {
    return await importRegister<AgentImportLine>(
      deps,
      file,
      {
        requiredColumns: ['agentCode'],
        store: (trx, record, lineNo) => storeAgent(deps, trx, record, lineNo),
        malformed: (line, errors) => ({ line, agentCode: null, status: 'malformed', errors, warnings: [] }),
      },
      onLine,
    );
  } finally {
    forgetAgentFacts(deps);
  }
}

async function storeAgent(
  deps: Deps,
  trx: Kysely<Database>,
  record: Record<string, unknown>,
  lineNo: number,
): Promise<AgentImportLine> {
  const checked = checkAgent(record);
  const base = {
    line: lineNo,
    agentCode: checked.agentCode ?? null,
    errors: checked.errors,
    warnings: checked.warnings,
  };
  if (checked.errors.length > 0 || !checked.agentCode || !checked.kind) return { ...base, status: 'rejected' };
  const agentCode = checked.agentCode;
  const kind = checked.kind;
  const digest = deps.sealer.digest(canonicalJson(record));
  const now = deps.clock.now().toISOString();
  {
    const current = await repo.findAgentDigest(trx, agentCode);
    if (current?.digest === digest) return { ...base, status: 'unchanged' as const };
    await repo.saveAgent(
      trx,
      {
        agentCode,
        idBidx: checked.idKey
          ? deps.sealer.blindIndex(INDEX_DOMAIN.id(checked.idKey.idType), checked.idKey.idNo).toString()
          : null,
        kind,
        agencyKind: checked.agencyKind,
        branchCode: checked.branchCode,
        qualifiedOn: checked.qualifiedOn,
        digest,
        sealed: deps.sealer.seal(record, 'agent'),
        version: (current?.version ?? 0) + 1,
      },
      checked.contacts.map((c) => ({
        agent_code: agentCode,
        owner: c.owner,
        kind: c.kind,
        bidx: deps.sealer.blindIndex(INDEX_DOMAIN[c.kind], c.value).toString(),
      })),
      now,
    );
    return { ...base, status: current ? ('updated' as const) : ('created' as const) };
  }
}
