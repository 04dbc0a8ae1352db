import { familyPairs, households, type PolicyParty, type ValueHolder } from './households.js';

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
export function clusterOf(holders: readonly ValueHolder[], parties: readonly PolicyParty[]): Cluster {
  const members = [...new Set(holders.map((h) => h.member))].sort();
  const policies = new Set(holders.map((h) => h.policyNo));
  const involved = parties.filter((p) => policies.has(p.policyNo));
  const byMember = households([...members, ...involved.map((p) => p.member)], familyPairs(involved));
  const holdersHouseholds = new Set(members.map((m) => byMember.get(m)));
  return { households: holdersHouseholds.size, members, policies: [...policies].sort() };
}

/** A cleared link rises again only when someone new joins it. */
export function hasNewcomer(members: readonly string[], clearedMembers: readonly string[]): boolean {
  const cleared = new Set(clearedMembers);
  return members.some((m) => !cleared.has(m));
}
