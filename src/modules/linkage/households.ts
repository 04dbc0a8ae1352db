import { FAMILY_RELATIONS, type Relation } from '../../shared/contract.js';

/**
 * INTERCHANGE §5: parties of one policy who are family (spouse, child, parent) and share a phone or
 * an account are not a clue by themselves. The holders of one value are therefore grouped into
 * households — people joined by a family relation on a policy where they appear together — and
 * only two or more households make a link.
 */
export interface ValueHolder {
  /** The customer, or the party itself when it has no customer key (a minor without an ID). */
  member: string;
  policyNo: string;
  role: string;
  seq: number;
}

/** A party of a policy, with its relation as the contract gives it. */
export interface PolicyParty {
  policyNo: string;
  role: string;
  seq: number;
  member: string;
  /** insured: to the applicant; beneficiary: to the insured. */
  relation: string | null;
}

/** Pairs of members that are family, from the parties of the policies involved. */
export function familyPairs(parties: readonly PolicyParty[]): Array<[string, string]> {
  const byPolicy = new Map<string, PolicyParty[]>();
  for (const p of parties) {
    const list = byPolicy.get(p.policyNo);
    if (list) list.push(p);
    else byPolicy.set(p.policyNo, [p]);
  }
  const pairs: Array<[string, string]> = [];
  for (const list of byPolicy.values()) {
    const applicant = list.find((p) => p.role === 'applicant');
    const insured = list.find((p) => p.role === 'insured') ?? applicant;
    if (!applicant || !insured) continue;
    if (insured !== applicant && isFamily(insured.relation)) pairs.push([applicant.member, insured.member]);
    for (const b of list) {
      if (b.role === 'beneficiary' && isFamily(b.relation)) pairs.push([insured.member, b.member]);
    }
  }
  return pairs;
}

function isFamily(relation: string | null): boolean {
  return relation !== null && FAMILY_RELATIONS.has(relation as Relation);
}

/** Groups the holders' members into households; returns member → household representative. */
export function households(members: Iterable<string>, pairs: ReadonlyArray<[string, string]>): Map<string, string> {
  const parent = new Map<string, string>();
  for (const m of members) parent.set(m, m);
  const find = (m: string): string => {
    let root = m;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    let node = m;
    while (parent.get(node) !== root) {
      const next = parent.get(node) as string;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    // The smaller key becomes the root: the same households whatever order the pairs come in.
    const [low, high] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(high, low);
  }
  const out = new Map<string, string>();
  for (const m of parent.keys()) out.set(m, find(m));
  return out;
}
