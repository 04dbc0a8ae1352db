import type { Relation } from '../../shared/contract.js';
import type { Household, Member, Person } from './households.js';
import type { Rng } from './prng.js';
import { isProtection, type Product } from './products.js';

export interface Beneficiary {
  person: Person;
  relationToInsured: Relation;
  sharePct: number;
}

/** Who is who on one policy, all from one household. */
export interface PolicyParties {
  applicant: Person;
  /** The applicant's spouse, when there is one (a possible payer). */
  partner?: Member;
  /** undefined when the applicant insures themself. */
  insured?: { person: Person; relationToApplicant: Relation };
  /** Empty for statutory beneficiaries (法定受益人). */
  beneficiaries: Beneficiary[];
}

/** Parents are insured up to about 70. */
const OLDEST_INSURED_PARENT_DAYS = 71 * 365;

type InsuredChoice = 'self' | 'spouse' | 'child' | 'parent';

const SPLITS: Record<number, ReadonlyArray<readonly number[]>> = {
  1: [[100]],
  2: [
    [50, 50],
    [50, 50],
    [60, 40],
    [70, 30],
  ],
  3: [
    [40, 30, 30],
    [34, 33, 33],
    [50, 25, 25],
  ],
};

/** Household members are only described once chosen: most policies involve two or three people. */
export function chooseParties(rng: Rng, household: Household, product: Product, day: number): PolicyParties {
  const mainMember: Member = { birthDay: household.main.birthDay, person: () => household.main };
  const spouse = household.spouse;
  const applicantIsSpouse = spouse !== undefined && rng.chance(0.2);
  const applicant = applicantIsSpouse ? spouse.person() : household.main;
  const partner = applicantIsSpouse ? mainMember : spouse;
  const children = household.children;
  // Only main's own parents: a parent-in-law is not a `parent` relation.
  const parents = applicantIsSpouse
    ? []
    : household.parents.filter((p) => day - p.birthDay < OLDEST_INSURED_PARENT_DAYS);
  const protection = isProtection(product);

  const choice = pickInsured(rng, {
    self: protection ? 40 : 70,
    spouse: partner ? 15 : 0,
    child: children.length > 0 ? (protection ? 35 : 15) : 0,
    parent: parents.length > 0 && protection ? 10 : 0,
  });

  const named = rng.chance(product.type === 'accident' || product.type === 'health' ? 0.35 : 0.65);
  const base = { applicant, ...(partner ? { partner } : {}) };
  switch (choice) {
    case 'spouse': {
      const insured = (partner as Member).person();
      return {
        ...base,
        insured: { person: insured, relationToApplicant: 'spouse' },
        beneficiaries: named
          ? adultBeneficiaries(rng, { birthDay: applicant.birthDay, person: () => applicant }, children)
          : [],
      };
    }
    case 'child': {
      const insured = rng.pick(children).person();
      const takers = partner && rng.chance(0.4) ? [applicant, partner.person()] : [applicant];
      return {
        ...base,
        insured: { person: insured, relationToApplicant: 'child' },
        beneficiaries: named
          ? split(
              rng,
              takers.map((person) => ({ person, relationToInsured: 'parent' as const })),
            )
          : [],
      };
    }
    case 'parent': {
      const insured = rng.pick(parents).person();
      return {
        ...base,
        insured: { person: insured, relationToApplicant: 'parent' },
        beneficiaries: named ? split(rng, [{ person: applicant, relationToInsured: 'child' }]) : [],
      };
    }
    default:
      return { ...base, beneficiaries: named ? adultBeneficiaries(rng, partner, children) : [] };
  }
}

function pickInsured(rng: Rng, weights: Record<InsuredChoice, number>): InsuredChoice {
  let u = rng.next() * (weights.self + weights.spouse + weights.child + weights.parent);
  for (const choice of ['spouse', 'child', 'parent'] as const) {
    if (u < weights[choice]) return choice;
    u -= weights[choice];
  }
  return 'self';
}

/** An adult insured's beneficiaries: the spouse, the children, or both. */
function adultBeneficiaries(rng: Rng, spouse: Member | undefined, children: Member[]): Beneficiary[] {
  const toSpouse = () => (spouse ? [{ person: spouse.person(), relationToInsured: 'spouse' as const }] : []);
  const toChildren = () => children.map((c) => ({ person: c.person(), relationToInsured: 'child' as const }));
  const u = rng.next();
  if (spouse && (u < 0.55 || children.length === 0)) return split(rng, toSpouse());
  if (children.length > 0 && (u < 0.8 || !spouse)) return split(rng, toChildren());
  return split(rng, [...toSpouse(), ...toChildren()]);
}

function split(rng: Rng, takers: Array<Omit<Beneficiary, 'sharePct'>>): Beneficiary[] {
  const pcts = rng.pick(SPLITS[takers.length] ?? [[100]]);
  return takers.map((t, i) => ({ ...t, sharePct: pcts[i] as number }));
}
