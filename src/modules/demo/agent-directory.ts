import type { AgentKind } from '../../shared/contract.js';
import { type Branch, pickBranch } from './branches.js';
import { Rng, Weighted } from './prng.js';
import { Stream } from './streams.js';

/** What a sale needs to know about a seller, cheap to compute for every register entry. */
export interface AgentProfile {
  index: number;
  agentCode: string;
  kind: AgentKind;
  branch: Branch;
  /** Day number of the sales qualification; null when the seller has none. */
  qualifiedDay: number | null;
  agencyKind: 'professional' | 'part_time' | null;
  /** The bank whose outlets a bancassurance specialist works in. */
  partnerBank: string | null;
}

const KINDS = new Weighted<AgentKind>([
  ['agent', 80],
  ['bancassurance_specialist', 15],
  ['agency', 5],
]);

const CODE_PREFIX: Record<AgentKind, string> = { agent: 'A', bancassurance_specialist: 'B', agency: 'D' };
const FIRST_CODE_NUMBER = 10001;

function codeOf(kind: AgentKind, index: number): string {
  return `${CODE_PREFIX[kind]}${FIRST_CODE_NUMBER + index}`;
}

/** A code in the register's style that no register entry has. */
export function unregisteredCode(rng: Rng, kind: AgentKind, registerSize: number): string {
  return codeOf(kind, registerSize + rng.int(1, 9000));
}

const YEAR = 365;

/**
 * Register entry `index` of `count`. The first three are one qualified seller of each kind and the
 * last two are agents without a qualification on the first day (one never, one half-way through),
 * so every channel and the unqualified-seller defect can be served even by a 20-seller register.
 */
export function agentProfile(seed: number, index: number, count: number, fromDay: number, days: number): AgentProfile {
  const rng = Rng.of(seed, Stream.agentProfile, index);
  const forcedKinds: AgentKind[] = ['agent', 'bancassurance_specialist', 'agency'];
  let kind = forcedKinds[index] ?? KINDS.pick(rng);
  const branch = pickBranch(rng);
  const u = rng.next();
  let qualifiedDay: number | null;
  if (u < 0.02) qualifiedDay = null;
  else if (u < 0.04) qualifiedDay = fromDay + rng.int(1, days + 30);
  else qualifiedDay = fromDay - rng.int(30, 12 * YEAR);

  if (index < forcedKinds.length) qualifiedDay = fromDay - 3 * YEAR - rng.int(0, YEAR);
  if (index === count - 1) {
    kind = 'agent';
    qualifiedDay = null;
  } else if (index === count - 2) {
    kind = 'agent';
    qualifiedDay = fromDay + Math.floor(days / 2);
  }
  return {
    index,
    agentCode: codeOf(kind, index),
    kind,
    branch,
    qualifiedDay,
    agencyKind: kind === 'agency' ? (rng.chance(0.6) ? 'professional' : 'part_time') : null,
    partnerBank: kind === 'bancassurance_specialist' ? rng.pick(branch.partnerBanks) : null,
  };
}

export function isQualifiedOn(profile: AgentProfile, day: number): boolean {
  return profile.qualifiedDay !== null && profile.qualifiedDay <= day;
}

/** All sellers' profiles, indexed by kind and branch for picking the seller of a sale. */
export class AgentDirectory {
  private readonly profiles: AgentProfile[] = [];
  private readonly byKind = new Map<AgentKind, number[]>();
  private readonly byKindAndBranch = new Map<string, number[]>();
  /** Persons (not agencies) without a qualification on the book's first day. */
  private readonly unqualified: number[] = [];

  constructor(
    seed: number,
    readonly count: number,
    fromDay: number,
    days: number,
  ) {
    for (let i = 0; i < count; i++) {
      const profile = agentProfile(seed, i, count, fromDay, days);
      this.profiles.push(profile);
      push(this.byKind, profile.kind, i);
      push(this.byKindAndBranch, `${profile.kind}/${profile.branch.code}`, i);
      if (profile.kind !== 'agency' && !isQualifiedOn(profile, fromDay)) this.unqualified.push(i);
    }
  }

  profile(index: number): AgentProfile {
    const profile = this.profiles[index];
    if (!profile) throw new RangeError(`no seller #${index}`);
    return profile;
  }

  /** A seller of the kind qualified on the day, preferably from the branch. */
  pickQualified(rng: Rng, kind: AgentKind, day: number, branch?: Branch): AgentProfile {
    const local = branch ? this.byKindAndBranch.get(`${kind}/${branch.code}`) : undefined;
    const pool = local && local.length > 0 ? local : (this.byKind.get(kind) ?? []);
    for (let attempt = 0; attempt < 40 && pool.length > 0; attempt++) {
      const profile = this.profile(rng.pick(pool));
      if (isQualifiedOn(profile, day)) return profile;
    }
    const fallback = pool.map((i) => this.profile(i)).find((p) => isQualifiedOn(p, day));
    return fallback ?? this.profile(['agent', 'bancassurance_specialist', 'agency'].indexOf(kind));
  }

  /** A person-seller not qualified on the day (the last register entry never is). */
  pickUnqualified(rng: Rng, day: number): AgentProfile {
    for (let attempt = 0; attempt < 10; attempt++) {
      const profile = this.profile(rng.pick(this.unqualified));
      if (!isQualifiedOn(profile, day)) return profile;
    }
    return this.profile(this.count - 1);
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
