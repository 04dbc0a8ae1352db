import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { agentChangeMarker, listAgentFacts } from '../agents/agents.repository.js';
import type { GateContext } from './gate.js';
import { agentLookupFrom } from './prepare-chunk.js';

interface Cached {
  marker: string;
  lookup: GateContext['agents'];
}
const cache = new WeakMap<Deps, Cached>();

/**
 * The gate's context for one real-time call. The seller register is read again only when it has
 * changed (any process may have imported it): one indexed look-up per call, not the register.
 */
export async function liveGateContext(deps: Deps): Promise<GateContext> {
  const marker = await agentChangeMarker(deps.db.kysely);
  let cached = cache.get(deps);
  if (!cached || cached.marker !== marker) {
    cached = { marker, lookup: agentLookupFrom(await listAgentFacts(deps.db.kysely)) };
    cache.set(deps, cached);
  }
  return { agents: cached.lookup, today: chinaToday(deps.clock) };
}
