import { familyPairs, households, type PolicyParty, type ValueHolder } from './households.js';

/** What one shared value amounts to: its households and the policies it appears on. */
export interface Cluster {
  households: number;
  /** Distinct members (customers), sorted: what a cleared link remembers. */
  members: string[];
  policies: string[];
}

/** Groups a value's holders into households using the family relations of their policies. */
export function clusterOf(holders: readonly ValueHolder[], parties: readonly PolicyParty[]): Cluster {
  const members = [...new Set(holders.map((h) => h.member))].sort();
  const policies = new Set(holders.map((h) => h.policyNo));
  const byMember = households(members, familyPairs(parties.filter((p) => policies.has(p.policyNo))));
  return { households: new Set(byMember.values()).size, members, policies: [...policies].sort() };
}

/** A cleared link rises again only when someone new joins it. */
export function hasNewcomer(members: readonly string[], clearedMembers: readonly string[]): boolean {
  const cleared = new Set(clearedMembers);
  return members.some((m) => !cleared.has(m));
}
