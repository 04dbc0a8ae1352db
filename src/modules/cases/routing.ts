import { inScope, type Scope } from '../../platform/access/scope.js';

/** A routing rule of customer service (P5.13): any criterion left null matches every policy. */
export interface RoutingRule {
  id: number;
  priority: number;
  channel: string | null;
  branchPrefix: string | null;
  agentCode: string | null;
  assigneeId: number;
}

export interface PolicyPlace {
  channel: string | null;
  branchCode: string | null;
  agentCode: string | null;
}

/** Someone who may be given an item: an active user whose role works items. */
export interface Candidate {
  id: number;
  role: string;
  scope: Scope;
  /** Items in hand (not closed), kept up to date as a batch is distributed. */
  openItems: number;
}

/** A branch prefix covers the branch and its sub-branches: GD covers GD and GD-GZ. */
function covers(prefix: string, branch: string | null): boolean {
  return branch !== null && (branch === prefix || branch.startsWith(`${prefix}-`));
}

export function ruleMatches(rule: RoutingRule, policy: PolicyPlace): boolean {
  return (
    (rule.channel === null || rule.channel === policy.channel) &&
    (rule.branchPrefix === null || covers(rule.branchPrefix, policy.branchCode)) &&
    (rule.agentCode === null || rule.agentCode === policy.agentCode)
  );
}

/** A seller is more specific than a branch, a deeper branch than a shallower one, a branch than a channel. */
function specificity(rule: RoutingRule): number {
  const depth = rule.branchPrefix === null ? 0 : rule.branchPrefix.split('-').length;
  return (rule.agentCode === null ? 0 : 1000) + depth * 10 + (rule.channel === null ? 0 : 1);
}

/** The matching rules, most specific first, then by priority (1 before 2), then the older rule. */
export function matchingRules(rules: readonly RoutingRule[], policy: PolicyPlace): RoutingRule[] {
  return rules
    .filter((r) => ruleMatches(r, policy))
    .sort((a, b) => specificity(b) - specificity(a) || a.priority - b.priority || a.id - b.id);
}

export function mayTake(candidate: Candidate, policy: PolicyPlace): boolean {
  return inScope(candidate.scope, { branch: policy.branchCode, channel: policy.channel });
}

export type Routing =
  | { assigneeId: number; by: 'rule'; ruleId: number }
  | { assigneeId: number; by: 'fallback' }
  | { assigneeId: null };

/**
 * Who gets an item: the first matching rule whose assignee may still work it, else the channel
 * back-office user covering the policy with the fewest items in hand (then the lowest id).
 */
export function routeItem(
  rules: readonly RoutingRule[],
  candidates: ReadonlyMap<number, Candidate>,
  policy: PolicyPlace,
): Routing {
  for (const rule of matchingRules(rules, policy)) {
    const candidate = candidates.get(rule.assigneeId);
    if (candidate && mayTake(candidate, policy)) return { assigneeId: candidate.id, by: 'rule', ruleId: rule.id };
  }
  let best: Candidate | undefined;
  for (const c of candidates.values()) {
    if (c.role !== 'channel_back_office' || !mayTake(c, policy)) continue;
    if (!best || c.openItems < best.openItems || (c.openItems === best.openItems && c.id < best.id)) best = c;
  }
  return best ? { assigneeId: best.id, by: 'fallback' } : { assigneeId: null };
}

/**
 * How a link-mate that goes along to the first item's assignee was routed (P5.13): by its own
 * matching rule that names that assignee, else as the fallback does, to someone covering it.
 */
export function routeAlong(
  rules: readonly RoutingRule[],
  assigneeId: number,
  policy: PolicyPlace,
): Exclude<Routing, { assigneeId: null }> {
  const rule = matchingRules(rules, policy).find((r) => r.assigneeId === assigneeId);
  return rule ? { assigneeId, by: 'rule', ruleId: rule.id } : { assigneeId, by: 'fallback' };
}
