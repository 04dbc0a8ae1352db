import type { Kysely } from 'kysely';
import type { Deps } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Issue } from '../../shared/codes.js';
import { canonicalJson } from '../intake/canonical-json.js';
import { INDEX_DOMAIN } from '../intake/prepare-submission.js';
import { assertReadable, readRecords } from '../intake/record-source.js';
import { checkAgent } from './agents.js';
import * as repo from './agents.repository.js';

export interface AgentImportLine {
  line: number;
  agentCode: string | null;
  status: 'created' | 'updated' | 'unchanged' | 'rejected' | 'malformed';
  errors: Issue[];
  warnings: Issue[];
}

export interface AgentImportSummary {
  file: string;
  linesRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  malformed: number;
}

/**
 * Imports the agent register (INTERCHANGE §2). Idempotent: an unchanged agent is left alone; a
 * changed one gets a new version, its old data kept in agent_versions.
 */
export async function importAgents(
  deps: Deps,
  file: string,
  onLine?: (line: AgentImportLine) => void,
): Promise<AgentImportSummary> {
  assertReadable(file);
  const summary: AgentImportSummary = {
    file,
    linesRead: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    malformed: 0,
  };
  let pending: Array<{ record: Record<string, unknown>; lineNo: number }> = [];
  const flush = async () => {
    const lines = await deps.db.kysely.transaction().execute(async (trx) => {
      const out: AgentImportLine[] = [];
      for (const p of pending) out.push(await storeAgent(deps, trx, p.record, p.lineNo));
      return out;
    });
    for (const line of lines) {
      summary[line.status]++;
      onLine?.(line);
    }
    pending = [];
  };
  for await (const raw of readRecords(file, { requiredColumns: ['agentCode'] })) {
    summary.linesRead++;
    let record: unknown;
    if ('text' in raw) {
      try {
        record = JSON.parse(raw.text);
      } catch {
        record = undefined;
      }
    } else record = raw.record;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      summary.malformed++;
      onLine?.({ line: raw.lineNo, agentCode: null, status: 'malformed', errors: [], warnings: [] });
      continue;
    }
    pending.push({ record: record as Record<string, unknown>, lineNo: raw.lineNo });
    if (pending.length >= 1000) await flush();
  }
  if (pending.length > 0) await flush();
  return summary;
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
