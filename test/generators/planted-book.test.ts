import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { stdnum } from 'stdnum';
import { describe, expect, it } from 'vitest';
import { applicationSchema } from '../../src/shared/contract.js';
import {
  CONTRACT_ERROR_CODES,
  PLANTED_TODAY,
  type PlantedRecord,
  plantedAgentLookup,
  plantedAgents,
  plantedBook,
} from './planted-book.js';

const book = plantedBook();
const lookup = plantedAgentLookup();

function count(predicate: (r: PlantedRecord) => boolean): number {
  return book.filter(predicate).length;
}

function has(r: PlantedRecord, code: string, path?: string | RegExp): boolean {
  return r.expectedErrors.some(
    (e) => e.code === code && (path === undefined || (typeof path === 'string' ? e.path === path : path.test(e.path))),
  );
}

// The planted book is a test fixture: these tests check the fixture, not the gate.
describe('planted book', () => {
  it('has 20,000 records with unique policy numbers by default', () => {
    expect(book).toHaveLength(20_000);
    expect(new Set(book.map((r) => r.record.policyNo)).size).toBe(20_000);
  });

  it('plants every contract error code at least 20 times, and no other code', () => {
    for (const code of CONTRACT_ERROR_CODES)
      expect(
        count((r) => has(r, code)),
        code,
      ).toBeGreaterThanOrEqual(20);
    for (const r of book) for (const e of r.expectedErrors) expect(CONTRACT_ERROR_CODES).toContain(e.code);
  });

  it('plants party codes on both the applicant and the insured', () => {
    const partyCodes = [
      'MISSING_FIELD',
      'ID_FORMAT',
      'ID_CHECKSUM',
      'ID_REGION',
      'ID_BIRTHDATE',
      'GENDER_MISMATCH',
      'BIRTHDATE_MISMATCH',
      'PHONE_FORMAT',
    ];
    for (const code of partyCodes) {
      for (const party of ['applicant', 'insured']) {
        expect(
          count((r) => has(r, code, new RegExp(`^${party}\\.`))),
          `${code} on ${party}`,
        ).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('plants MISSING_FIELD for every key field', () => {
    const paths = [
      ...['name', 'gender', 'birthDate', 'idType', 'idNo', 'address', 'phones'].map((f) => `applicant.${f}`),
      ...['name', 'gender', 'birthDate', 'idType', 'idNo'].map((f) => `insured.${f}`),
    ];
    for (const path of paths)
      expect(
        count((r) => has(r, 'MISSING_FIELD', path)),
        path,
      ).toBeGreaterThanOrEqual(20);
    for (const variant of ['absent', 'null', 'empty', 'spaces', 'empty array']) {
      expect(
        count((r) => r.plants.some((p) => p.startsWith('MISSING_FIELD') && p.endsWith(`: ${variant}`))),
        variant,
      ).toBeGreaterThanOrEqual(20);
    }
  });

  it('plants both sides of the minor exemption and the 18th-birthday boundary', () => {
    expect(
      count((r) => r.plants.some((p) => p.startsWith('minor insured without idNo')) && r.expectedErrors.length === 0),
    ).toBeGreaterThanOrEqual(20);
    const boundary = book.filter((r) => r.plants.some((p) => p.startsWith('insured 18th birthday boundary')));
    expect(boundary.filter((r) => has(r, 'MISSING_FIELD', 'insured.idNo')).length).toBeGreaterThanOrEqual(20);
    expect(boundary.filter((r) => !has(r, 'MISSING_FIELD', 'insured.idNo')).length).toBeGreaterThanOrEqual(20);
  });

  it('has clean records, records that must pass despite odd but valid values, and two-defect records', () => {
    expect(count((r) => r.plants[0] === 'clean')).toBeGreaterThanOrEqual(2000);
    expect(count((r) => r.plants[0] !== 'clean' && r.expectedErrors.length === 0)).toBeGreaterThanOrEqual(1000);
    expect(count((r) => r.plants.length === 2 && r.expectedErrors.length >= 2)).toBeGreaterThanOrEqual(500);
    expect(count((r) => has(r, 'GENDER_MISMATCH') && has(r, 'BIRTHDATE_MISMATCH'))).toBeGreaterThanOrEqual(20);
  });

  it('is deterministic by seed', () => {
    const again = plantedBook({ count: 2000 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(book.slice(0, 2000)));
    expect(JSON.stringify(plantedBook({ count: 2000, seed: 2 }))).not.toBe(JSON.stringify(again));
  });
});

// Cross-checks of the fixture's claims with code that is neither the fixture's nor the gate's.
describe('planted book, cross-checked', () => {
  const ric = stdnum.CN?.ric;

  function residentIdsOf(r: PlantedRecord): Array<{ path: string; idNo: string }> {
    return (['applicant', 'insured'] as const).flatMap((party) => {
      const p = r.record[party];
      return p.idType === 'RESIDENT_ID' && typeof p.idNo === 'string' && p.idNo.trim() !== ''
        ? [{ path: `${party}.idNo`, idNo: p.idNo }]
        : [];
    });
  }

  it('resident IDs are valid for python-stdnum exactly when no ID error is expected', () => {
    if (!ric) throw new Error('stdnum has no CN.ric validator');
    for (const r of book) {
      for (const { path, idNo } of residentIdsOf(r)) {
        const idError = r.expectedErrors.find((e) => e.path === path && e.code.startsWith('ID_'));
        const verdict = ric.validate(idNo.toUpperCase());
        // stdnum knows nothing of GB/T 2260 provinces: an ID_REGION number is otherwise valid.
        const shouldBeValid = !idError || idError.code === 'ID_REGION';
        expect(verdict.isValid, `${r.record.policyNo} ${path} ${idNo} ${r.plants.join('; ')}`).toBe(shouldBeValid);
      }
    }
  });

  it('phones are valid for libphonenumber exactly when no PHONE_FORMAT is expected', () => {
    for (const r of book) {
      for (const party of ['applicant', 'insured'] as const) {
        (r.record[party].phones ?? []).forEach((raw, i) => {
          const path = `${party}.phones[${i}]`;
          const international = raw.startsWith('0086') ? `+${raw.slice(2)}` : raw;
          const valid = parsePhoneNumberFromString(international, 'CN')?.isValid() ?? false;
          expect(valid, `${r.record.policyNo} ${path} ${raw}`).toBe(!has(r, 'PHONE_FORMAT', path));
        });
      }
    }
  });

  it('seller codes resolve in the register exactly when no AGENT_UNKNOWN is expected', () => {
    expect(plantedAgents().length).toBeGreaterThanOrEqual(60);
    for (const r of book) {
      const field = r.record.channel === 'agency' ? 'agencyCode' : 'agentCode';
      const code = r.record[field];
      expect(code && lookup(code) !== undefined, `${r.record.policyNo} ${code}`).toBe(!has(r, 'AGENT_UNKNOWN'));
    }
  });

  it('records expected to pass are well-formed contract records', () => {
    for (const r of book.filter((x) => x.expectedErrors.length === 0)) {
      const parsed = applicationSchema.safeParse(r.record);
      expect(parsed.success, `${r.record.policyNo} ${r.plants.join('; ')} ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it('every appliedAt is before the gate day', () => {
    for (const r of book) expect(r.record.appliedAt.slice(0, 10) < PLANTED_TODAY).toBe(true);
  });
});
