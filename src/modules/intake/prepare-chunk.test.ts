import { describe, expect, it } from 'vitest';
import { ZHANG_WEI_ID } from '../../../test/records.js';
import { ephemeralKeyring } from '../../platform/crypto/keyring.js';
import { createSealer } from '../../platform/crypto/sealer.js';
import { prepareChunk } from './prepare-chunk.js';

describe('a line that is not JSON', () => {
  const sealer = createSealer(ephemeralKeyring());
  const context = { agents: () => undefined, today: '2026-12-03' };

  it('is reported with where it breaks, never with what it says', () => {
    const lines = [
      `{"policyNo":"P1","applicant":{"name":"张伟","idNo":X${ZHANG_WEI_ID}}}`,
      `{"policyNo":"P2","applicant":{"name":"张伟","idNo":"${ZHANG_WEI_ID}"`,
      `{"policyNo":"P3","applicant":{"name":"张伟" "idNo":"${ZHANG_WEI_ID}"}}`,
    ];
    const { malformed } = prepareChunk(
      lines.map((text, i) => ({ lineNo: i + 1, text })),
      context,
      sealer,
    );
    expect(malformed.map((m) => m.lineNo)).toEqual([1, 2, 3]);
    for (const { reason } of malformed) {
      expect(reason.en).toMatch(/^the line is not valid JSON/);
      for (const text of [reason.zh, reason.en]) {
        expect(text).not.toContain('张伟');
        expect(text).not.toContain(ZHANG_WEI_ID.slice(0, 6));
      }
    }
  });
});
