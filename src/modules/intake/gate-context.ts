import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { currentAgentFacts } from '../agents/agent-facts.js';
import type { GateContext } from './gate.js';

/** The gate's context for one real-time call: the current seller register and today's date. */
export async function liveGateContext(deps: Deps): Promise<GateContext> {
  return { agents: await currentAgentFacts(deps), today: chinaToday(deps.clock) };
}
