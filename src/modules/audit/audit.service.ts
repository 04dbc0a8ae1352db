import { type ChainReport, verifyAuditChain } from '../../platform/audit/audit.js';
import { type AuditQuery, listEvents } from '../../platform/audit/audit.repository.js';
import type { Deps } from '../../platform/context.js';

export interface AuditEventView {
  seq: number;
  at: string;
  type: string;
  actorKind: string;
  actor: string;
  requestId: string | null;
  ip: string | null;
  objectType: string | null;
  objectId: string | null;
  data: Record<string, unknown>;
  hash: string;
}

/** The audit trail, newest first (P1.3): for auditors, compliance and the information office. */
export async function searchAuditEvents(
  deps: Deps,
  query: AuditQuery,
  page: { limit: number; offset: number },
): Promise<{ events: AuditEventView[]; total: number }> {
  const { rows, total } = await listEvents(deps.db.kysely, query, page);
  return {
    total,
    events: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      type: r.type,
      actorKind: r.actor_kind,
      actor: r.actor,
      requestId: r.request_id,
      ip: r.ip,
      objectType: r.object_type,
      objectId: r.object_id,
      data: JSON.parse(r.data) as Record<string, unknown>,
      hash: r.hash,
    })),
  };
}

export function verifyChain(deps: Deps): Promise<ChainReport> {
  return verifyAuditChain(deps.db.kysely, deps.keyring.indexKey);
}
