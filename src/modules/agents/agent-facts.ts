import type { Deps } from '../../platform/context.js';
import type { AgentLookup } from '../intake/gate.js';
import { agentLookupFrom } from '../intake/prepare-chunk.js';
import { agentChangeMarker, listAgentFacts } from './agents.repository.js';

/**
 * The seller register as the real-time gate sees it (P5.10–11). Read again only when it has
 * changed; whether it has is asked at most every RECHECK_MS, so a seller registered by another
 * process (the CLI) counts within half a second, and one registered by this process at once.
 */
const RECHECK_MS = 500;

interface Cached {
  marker: string;
  lookup: AgentLookup;
  checkedAt: number;
}
const cache = new WeakMap<Deps, Cached>();

export async function currentAgentFacts(deps: Deps): Promise<AgentLookup> {
  const now = performance.now();
  const cached = cache.get(deps);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.lookup;
  const marker = await agentChangeMarker(deps.db.kysely);
  if (cached?.marker === marker) {
    cached.checkedAt = now;
    return cached.lookup;
  }
  const fresh = { marker, lookup: agentLookupFrom(await listAgentFacts(deps.db.kysely)), checkedAt: now };
  cache.set(deps, fresh);
  return fresh.lookup;
}

/** After this process changed the register. */
export function forgetAgentFacts(deps: Deps): void {
  cache.delete(deps);
}
