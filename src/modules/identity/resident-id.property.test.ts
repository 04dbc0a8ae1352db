import fc from 'fast-check';
import { stdnum } from 'stdnum';
import { describe, expect, it } from 'vitest';
import { mod11CheckChar } from './gb11643.js';
import { checkIdNumber } from './id-number.js';

const TODAY = '2026-12-03';
const DAY_MS = 86_400_000;
/** Province-level codes of GB/T 2260 (81 and 82 left out: 810000/820000 begin residence permits). */
const PROVINCES =
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71'.split(' ');

const check = (raw: string) => checkIdNumber('RESIDENT_ID', raw, { today: TODAY });
const codes = (raw: string) => check(raw).errors.map((e) => e.code);

function compactDate(from: string, to: string) {
  return fc
    .integer({ min: Date.parse(from) / DAY_MS, max: Date.parse(to) / DAY_MS })
    .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', ''));
}

const body17 = fc
  .tuple(
    fc.constantFrom(...PROVINCES),
    fc.stringMatching(/^\d{4}$/),
    compactDate('1900-01-01', TODAY),
    fc.stringMatching(/^\d{3}$/),
  )
  .map(([province, county, date, sequence]) => `${province}${county}${date}${sequence}`);
const residentId = body17.map((body) => body + mod11CheckChar(body));

describe('GB 11643 MOD 11-2 properties', () => {
  it('accepts any 17 digits with a real province and date plus the computed check character', () => {
    fc.assert(
      fc.property(residentId, (id) => {
        const result = check(id);
        expect(result.errors).toEqual([]);
        expect(result.birthDate).toBe(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
        expect(result.gender).toBe(Number(id[16]) % 2 === 1 ? 'M' : 'F');
        expect(check(id.toLowerCase()).errors).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('detects every change of one character', () => {
    fc.assert(
      fc.property(residentId, fc.nat(17), fc.integer({ min: 1, max: 10 }), (id, position, shift) => {
        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        const index = alphabet.indexOf(id.charAt(position));
        const replacement = alphabet.charAt((index + shift) % alphabet.length);
        fc.pre(replacement !== id.charAt(position));
        const mutated = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(codes(mutated)).toContain('ID_CHECKSUM');
      }),
      { numRuns: 5000 },
    );
  });

  it('detects every transposition of adjacent distinct characters', () => {
    fc.assert(
      fc.property(residentId, fc.nat(16), (id, position) => {
        const [a, b] = [id.charAt(position), id.charAt(position + 1)];
        fc.pre(a !== b && b !== 'X');
        const swapped = id.slice(0, position) + b + a + id.slice(position + 2);
        expect(codes(swapped)).toContain('ID_CHECKSUM');
      }),
      { numRuns: 5000 },
    );
  });

  it('upgrades a 15-digit number to 18 digits keeping birth date and gender', () => {
    const legacy = fc
      .tuple(
        fc.constantFrom(...PROVINCES),
        fc.stringMatching(/^\d{4}$/),
        compactDate('1900-01-01', '1999-12-31'),
        fc.stringMatching(/^\d{3}$/),
      )
      .map(([province, county, date, sequence]) => `${province}${county}${date.slice(2)}${sequence}`);
    fc.assert(
      fc.property(legacy, (number) => {
        const old = check(number);
        expect(old.errors.map((e) => e.code)).toEqual(['ID_FORMAT']);
        const upgraded = old.upgraded18 ?? '';
        expect(upgraded).toMatch(/^\d{17}[\dX]$/);
        expect(upgraded.slice(0, 6) + upgraded.slice(8, 17)).toBe(number);
        const current = check(upgraded);
        expect(current.errors).toEqual([]);
        expect(current.birthDate).toBe(old.birthDate);
        expect(current.gender).toBe(old.gender);
      }),
      { numRuns: 2000 },
    );
  });
});

const stdnumRic = stdnum.CN?.ric;

describe('cross-check with stdnum (cn.ric)', () => {
  // stdnum checks neither the province nor the 1900 floor, and reads "today" from the clock:
  // region errors are left out of the comparison and birth years stay within 1900–2025.
  const loose = fc
    .tuple(
      fc.oneof(fc.constantFrom(...PROVINCES), fc.stringMatching(/^\d{2}$/)),
      fc.stringMatching(/^\d{4}$/),
      fc.integer({ min: 1900, max: 2025 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.stringMatching(/^\d{3}$/),
      fc.constantFrom('computed', 'random', 'lower-x'),
      fc.constantFrom(...'0123456789X'),
    )
    .filter(([province]) => province !== '81' && province !== '82')
    .map(([province, county, year, month, day, sequence, checkKind, randomCheck]) => {
      const body = `${province}${county}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${sequence}`;
      const computed = mod11CheckChar(body) ?? '';
      if (checkKind === 'computed') return body + computed;
      if (checkKind === 'lower-x') return body + computed.toLowerCase();
      return body + randomCheck;
    });

  it('agrees on a few thousand generated numbers wherever the contract does not decide otherwise', () => {
    expect(stdnumRic).toBeDefined();
    let compared = 0;
    let validCount = 0;
    fc.assert(
      fc.property(loose, (id) => {
        const ours = check(id).errors.filter((e) => e.code !== 'ID_REGION');
        const theirs = stdnumRic?.validate(id).isValid;
        expect(ours.length === 0, `${id}: ours ${ours.map((e) => e.code)} vs stdnum ${theirs}`).toBe(theirs);
        compared++;
        if (theirs) validCount++;
      }),
      { numRuns: 4000 },
    );
    expect(compared).toBe(4000);
    expect(validCount).toBeGreaterThan(500);
  });
});
