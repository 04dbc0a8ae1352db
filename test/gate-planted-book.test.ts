import { describe, expect, it } from 'vitest';
import { gateApplication } from '../src/modules/intake/gate.js';
import { PLANTED_TODAY, plantedAgentLookup, plantedBook } from './generators/planted-book.js';

const key = (e: { code: string; path: string }) => `${e.code} @ ${e.path}`;

describe('gate over the planted book (INTERCHANGE §3)', () => {
  it('reports exactly the planted errors, and no others, for every record', () => {
    const agents = plantedAgentLookup();
    const mismatches: string[] = [];
    let differing = 0;
    for (const { record, expectedErrors, plants } of plantedBook()) {
      const outcome = gateApplication(record, { agents, today: PLANTED_TODAY });
      const expected = new Set(expectedErrors.map(key));
      const actual = new Set(outcome.errors.map(key));
      const missing = [...expected].filter((k) => !actual.has(k));
      const unexpected = [...actual].filter((k) => !expected.has(k));
      if (missing.length === 0 && unexpected.length === 0) continue;
      differing++;
      if (mismatches.length < 20) {
        mismatches.push(
          [
            `${record.policyNo} — planted: ${plants.join('; ')}`,
            ...missing.map((k) => `    missing:    ${k}`),
            ...unexpected.map((k) => `    unexpected: ${k}`),
            `    record: ${JSON.stringify(record)}`,
          ].join('\n'),
        );
      }
    }
    expect(
      differing,
      `${differing} records differ; the first ${mismatches.length}:\n\n${mismatches.join('\n\n')}`,
    ).toBe(0);
  });
});

describe('gate messages over the planted book', () => {
  // Outcomes are stored and shown unmasked (JR/T 0171): no message may repeat a personal value.
  it('never repeat an ID number, phone or account number of the record', () => {
    const agents = plantedAgentLookup();
    const leaks: string[] = [];
    for (const { record } of plantedBook()) {
      const outcome = gateApplication(record, { agents, today: PLANTED_TODAY });
      const values = personalDigits(record);
      for (const issue of [...outcome.errors, ...outcome.warnings]) {
        const digits = issue.message.replace(/[^0-9]/g, ' ');
        for (const value of values) if (digits.includes(value)) leaks.push(`${issue.code}: ${issue.message}`);
      }
    }
    expect(leaks.slice(0, 10)).toEqual([]);
  });
});

/** Digit runs of 7 or more in the record's ID numbers, phones and accounts. */
function personalDigits(record: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string' && /idNo|phones|accountNo/i.test(key)) {
      for (const run of value.replace(/[^0-9]/g, ' ').split(' ')) if (run.length >= 7) out.push(run);
    } else if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(record, '');
  return out;
}
