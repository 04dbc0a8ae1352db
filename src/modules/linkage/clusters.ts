import { familyPairs, households, type PolicyParty, type ValueHolder } from './households.js';

/** Parties grouped by policy, for the clusters of one scan. */
export function partiesByPolicy(parties: readonly PolicyParty[]): (policyNo: string) => readonly PolicyParty[] {
  const byPolicy = new Map<string, PolicyParty[]>();
  for (const p of parties) {
    const list = byPolicy.get(p.policyNo);
    if (list) list.push(p);
    else byPolicy.set(p.policyNo, [p]);
  }
  return (policyNo) => byPolicy.get(policyNo) ?? [];
}

/** What one shared value amounts to: its households and the policies it appears on. */
export interface Cluster {
  households: number;
  /** Distinct members (customers), sorted: what a cleared link remembers. */
  members: string[];
  policies: string[];
}

/**
 * Groups a value's holders into households using the family relations of their policies. Everyone
 * on those policies takes part, so two policies of one parent for one child without an ID number
 * join the child's two party records through the parent.
 */
export function clusterOf(
  holders: readonly ValueHolder[],
  partiesOf: (policyNo: string) => readonly PolicyParty[],
): Cluster {
  const members = [...new Set(holders.map((h) => h.member))].sort();
  const policies = new Set(holders.map((h) => h.policyNo));
  const involved = [...policies].flatMap((policyNo) => partiesOf(policyNo));
  const byMember = households([...members, ...involved.map((p) => p.member)], familyPairs(involved));
  const holdersHouseholds = new Set(members.map((m) => byMember.get(m)));
  return { households: holdersHouseholds.size, members, policies: [...policies].sort() };
}

/** A cleared link rises again only when someone new joins it. */
export function hasNewcomer(members: readonly string[], clearedMembers: readonly string[]): boolean {
  const cleared = new Set(clearedMembers);
  return members.some((m) => !cleared.has(m));
}
