import { describe, expect, it } from 'vitest';
import { familyPairs, households, type PolicyParty } from './households.js';

const party = (
  policyNo: string,
  role: string,
  member: string,
  relation: string | null = null,
  seq = 0,
): PolicyParty => ({
  policyNo,
  role,
  seq,
  member,
  relation,
});

describe('households (INTERCHANGE §5: family on one policy is not a clue)', () => {
  it('joins applicant and insured who are spouse, child or parent', () => {
    const pairs = familyPairs([party('P1', 'applicant', 'a'), party('P1', 'insured', 'b', 'spouse')]);
    expect(pairs).toEqual([['a', 'b']]);
    const h = households(['a', 'b'], pairs);
    expect(h.get('a')).toBe(h.get('b'));
  });

  it('joins beneficiaries to the insured, and the insured-self applicant', () => {
    const pairs = familyPairs([party('P1', 'applicant', 'a'), party('P1', 'beneficiary', 'c', 'child')]);
    expect(pairs).toEqual([['a', 'c']]);
  });

  it('does not join other relations, or family on different policies', () => {
    const pairs = familyPairs([
      party('P1', 'applicant', 'a'),
      party('P1', 'insured', 'b', 'employer'),
      party('P2', 'applicant', 'c'),
      party('P3', 'applicant', 'd'),
    ]);
    expect(pairs).toEqual([]);
    const h = households(['a', 'b', 'c', 'd'], pairs);
    expect(new Set(h.values()).size).toBe(4);
  });

  it('is transitive: a family met on two policies is one household', () => {
    const pairs = familyPairs([
      party('P1', 'applicant', 'a'),
      party('P1', 'insured', 'b', 'spouse'),
      party('P2', 'applicant', 'b'),
      party('P2', 'insured', 'c', 'child'),
    ]);
    const h = households(['a', 'b', 'c', 'x'], pairs);
    expect(new Set([h.get('a'), h.get('b'), h.get('c')]).size).toBe(1);
    expect(h.get('x')).toBe('x');
  });
});
