import { describe, expect, it } from 'vitest';
import { checkComplaint, recheckWindow } from './complaints.js';

const SUMMARY = '客户张伟反映销售人员夸大分红收益';

function complaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    complaintNo: 'C2026-00031',
    agentCode: 'A10023',
    policyNo: 'P2026052100017',
    receivedOn: '2026-06-02',
    kind: 'misleading_sales',
    verified: true,
    verifiedOn: '2026-06-20',
    summary: SUMMARY,
    ...overrides,
  };
}

const codesOf = (raw: Record<string, unknown>) => checkComplaint(raw).errors.map((e) => `${e.code} ${e.path}`);

describe('checkComplaint', () => {
  it('reads the contract example as a normalised complaint', () => {
    const checked = checkComplaint(complaint({ agentCode: ' A10023 ' }));
    expect(checked.errors).toEqual([]);
    expect(checked.warnings).toEqual([]);
    expect(checked.complaintNo).toBe('C2026-00031');
    expect(checked.complaint).toEqual({
      complaintNo: 'C2026-00031',
      agentCode: 'A10023',
      policyNo: 'P2026052100017',
      receivedOn: '2026-06-02',
      kind: 'misleading_sales',
      verified: true,
      verifiedOn: '2026-06-20',
      summary: SUMMARY,
    });
  });

  it('accepts an unverified complaint without policy number, verification day or summary', () => {
    const checked = checkComplaint({
      complaintNo: 'C1',
      agentCode: 'A1',
      receivedOn: '2026-06-02',
      kind: 'service',
      verified: false,
    });
    expect(checked.errors).toEqual([]);
    expect(checked.complaint).toMatchObject({ policyNo: null, verified: false, verifiedOn: null, summary: null });
    // Absent, null or an empty CSV cell: not (yet) verified.
    for (const verified of [undefined, null, '']) {
      const raw = complaint({ verified, verifiedOn: null });
      expect(checkComplaint(raw).complaint?.verified, String(verified)).toBe(false);
    }
  });

  it('accepts every kind of the contract', () => {
    for (const kind of ['misleading_sales', 'service', 'claims', 'other']) {
      expect(checkComplaint(complaint({ kind })).complaint?.kind).toBe(kind);
    }
  });

  it('reads "true" and "false" as CSV cells carry them', () => {
    expect(checkComplaint(complaint({ verified: 'true' })).complaint?.verified).toBe(true);
    expect(checkComplaint(complaint({ verified: 'TRUE' })).complaint?.verified).toBe(true);
    expect(checkComplaint(complaint({ verified: 'false', verifiedOn: '' })).complaint?.verified).toBe(false);
  });

  it('names every missing key field', () => {
    expect(codesOf({ verified: false })).toEqual([
      'MISSING_FIELD complaintNo',
      'MISSING_FIELD agentCode',
      'MISSING_FIELD receivedOn',
      'MISSING_FIELD kind',
    ]);
    expect(codesOf(complaint({ complaintNo: '  ', agentCode: null }))).toEqual([
      'MISSING_FIELD complaintNo',
      'MISSING_FIELD agentCode',
    ]);
    const rejected = checkComplaint(complaint({ kind: '' }));
    expect(rejected.complaint).toBeUndefined();
    expect(rejected.complaintNo).toBe('C2026-00031');
  });

  it('rejects a kind outside the contract', () => {
    expect(codesOf(complaint({ kind: 'rudeness' }))).toEqual(['FIELD_INVALID kind']);
    expect(codesOf(complaint({ kind: 'Misleading_Sales' }))).toEqual(['FIELD_INVALID kind']);
  });

  it('rejects dates that are not real YYYY-MM-DD dates', () => {
    expect(codesOf(complaint({ receivedOn: '2026-02-30' }))).toEqual(['FIELD_INVALID receivedOn']);
    expect(codesOf(complaint({ receivedOn: '2026/06/02' }))).toEqual(['FIELD_INVALID receivedOn']);
    expect(codesOf(complaint({ receivedOn: '2026-06-02T10:00:00+08:00' }))).toEqual(['FIELD_INVALID receivedOn']);
    expect(codesOf(complaint({ verifiedOn: '2026-13-01' }))).toEqual(['FIELD_INVALID verifiedOn']);
    expect(codesOf(complaint({ receivedOn: '2028-02-29', verifiedOn: '2028-03-01' }))).toEqual([]);
    expect(codesOf(complaint({ receivedOn: '2027-02-29', verifiedOn: '2027-03-01' }))).toEqual([
      'FIELD_INVALID receivedOn',
    ]);
  });

  it('rejects a verified flag that is not a boolean', () => {
    for (const verified of [1, 'yes', '是', {}, []]) {
      expect(codesOf(complaint({ verified })), JSON.stringify(verified)).toEqual(['FIELD_INVALID verified']);
    }
  });

  it('rejects a verification before the complaint was received', () => {
    expect(codesOf(complaint({ verifiedOn: '2026-06-01' }))).toEqual(['FIELD_INVALID verifiedOn']);
    expect(codesOf(complaint({ verifiedOn: '2026-06-02' }))).toEqual([]);
  });

  it('needs the verification day of a verified complaint (P5.14 dates the rule by it), and no day without one', () => {
    const missing = checkComplaint(complaint({ verifiedOn: null }));
    expect(missing.errors.map((e) => [e.code, e.path, e.clause])).toEqual([
      ['FIELD_INVALID', 'verifiedOn', 'INTERCHANGE §1'],
    ]);
    expect(codesOf(complaint({ verified: 'true', verifiedOn: '' }))).toEqual(['FIELD_INVALID verifiedOn']);
    expect(codesOf(complaint({ verified: false }))).toEqual(['FIELD_INVALID verifiedOn']);
  });

  it('collects every defect of a record at once', () => {
    expect(codesOf(complaint({ agentCode: '', kind: 'x', verified: 'y', receivedOn: '2026-02-30' }))).toEqual([
      'MISSING_FIELD agentCode',
      'FIELD_INVALID receivedOn',
      'FIELD_INVALID kind',
      'FIELD_INVALID verified',
    ]);
  });

  it('writes bilingual messages that never repeat the values sent', () => {
    const raw = complaint({
      complaintNo: 'C-SECRET-1',
      agentCode: '',
      kind: '张伟的投诉',
      verified: '13800138000',
      receivedOn: '1980-02-30',
      verifiedOn: '110101198001011232',
    });
    const { errors } = checkComplaint(raw);
    expect(errors.length).toBeGreaterThanOrEqual(5);
    for (const e of errors) {
      expect(e.message).toMatch(/^[^()]*[\u4e00-\u9fff][^()]* \(.+\)$/);
      for (const value of ['C-SECRET-1', '张伟', '13800138000', '1980-02-30', '110101198001011232', SUMMARY]) {
        expect(e.message.includes(value), `${e.path}: ${value}`).toBe(false);
      }
    }
  });
});

describe('recheckWindow (P5.14: the twelve months ending on the as-of day)', () => {
  it('runs from after the same day a year earlier up to and including the as-of day', () => {
    expect(recheckWindow('2027-06-20')).toEqual({ after: '2026-06-20', through: '2027-06-20' });
    expect(recheckWindow('2027-01-01')).toEqual({ after: '2026-01-01', through: '2027-01-01' });
    expect(recheckWindow('2026-12-31')).toEqual({ after: '2025-12-31', through: '2026-12-31' });
  });

  it('falls back from 29 February to the 28th a year earlier, and around it', () => {
    expect(recheckWindow('2028-02-29')).toEqual({ after: '2027-02-28', through: '2028-02-29' });
    expect(recheckWindow('2028-02-28')).toEqual({ after: '2027-02-28', through: '2028-02-28' });
    expect(recheckWindow('2028-03-01')).toEqual({ after: '2027-03-01', through: '2028-03-01' });
    expect(recheckWindow('2029-02-28')).toEqual({ after: '2028-02-28', through: '2029-02-28' });
    expect(recheckWindow('2029-03-01')).toEqual({ after: '2028-03-01', through: '2029-03-01' });
    // 2000 was a leap year, 2100 will not be.
    expect(recheckWindow('2001-02-28')).toEqual({ after: '2000-02-28', through: '2001-02-28' });
    expect(recheckWindow('2101-03-01').after).toBe('2100-03-01');
  });
});
