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
