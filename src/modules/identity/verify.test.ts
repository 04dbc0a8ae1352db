import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isVerifyKind, VERIFY_KINDS, type VerifyKind, verifyValue } from './verify.js';

interface ConformanceLine {
  kind: string;
  value: string;
  valid: boolean;
  sourceSaid?: boolean;
  source: string;
  why?: string;
}

const TODAY = '2026-12-03';
const conformance: ConformanceLine[] = readFileSync(new URL('./testdata/id-conformance.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as ConformanceLine);

describe('id-conformance.jsonl (the contract decides where public suites disagree)', () => {
  it('has every line of the shared file', () => {
    expect(conformance).toHaveLength(167);
  });

  it.each(conformance.map((line, i) => [i + 1, line.kind, line.value, line] as const))(
    'line %i: %s %j',
    (_lineNo, kind, value, line) => {
      expect(isVerifyKind(kind)).toBe(true);
      const result = verifyValue(kind as VerifyKind, value, TODAY);
      expect(result.valid, `${line.source}${line.why ? ` — ${line.why}` : ''} → ${result.errors.join(',')}`).toBe(
        line.valid,
      );
    },
  );
});

describe('verifyValue', () => {
  it('gives codes, details and bilingual messages for an ID number', () => {
    const result = verifyValue('resident-id', '610104620927690', TODAY);
    expect(result).toMatchObject({
      valid: false,
      errors: ['ID_FORMAT'],
      warnings: [],
      normalized: '610104620927690',
      upgraded18: '610104196209276908',
      birthDate: '1962-09-27',
      gender: 'F',
      region: '陕西省西安市莲湖区',
      regionCode: '610104',
    });
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'ID_FORMAT',
        level: 'error',
        message: expect.stringContaining('15'),
      }),
    ]);
    // Messages are stored and shown unmasked: they never carry the number itself.
    expect(JSON.stringify(result.issues)).not.toContain('610104196209276908');
  });

  it('keeps a valid value valid when it only has warnings', () => {
    const result = verifyValue('resident-id', '370620199505100123', TODAY);
    expect(result).toMatchObject({
      valid: true,
      errors: [],
      warnings: ['ID_REGION_COUNTY'],
      region: '山东省烟台市威海市',
    });
  });

  it('reports nationality for a foreign permanent resident ID', () => {
    expect(verifyValue('foreign-permanent-resident', '932682198501010017', TODAY)).toMatchObject({
      valid: true,
      nationality: 'SAU',
      nationalityName: '沙特阿拉伯',
      gender: 'M',
      birthDate: '1985-01-01',
      region: '江苏省',
    });
  });

  it('reports phone details', () => {
    expect(verifyValue('phone', '020-8888 1234', TODAY)).toMatchObject({
      valid: true,
      normalized: '+862088881234',
      phoneKind: 'landline',
      areaCode: '020',
      city: '广州市',
      country: 'CN',
    });
  });

  it('reports the issuing bank of an account', () => {
    expect(verifyValue('bank-account', '6222 0210 0112 3456 789', TODAY)).toMatchObject({
      valid: true,
      normalized: '6222021001123456789',
      issuingBank: '中国工商银行',
      issuingBankCode: 'ICBC',
      cardType: 'debit',
      luhnValid: true,
    });
  });

  it('checks passports by form', () => {
    expect(verifyValue('passport', 'E12345678', TODAY).valid).toBe(true);
    expect(verifyValue('passport', 'E1', TODAY)).toMatchObject({ valid: false, errors: ['ID_FORMAT'] });
  });

  it('knows exactly the six kinds', () => {
    expect(VERIFY_KINDS).toEqual([
      'resident-id',
      'hmt-permit',
      'foreign-permanent-resident',
      'passport',
      'phone',
      'bank-account',
    ]);
    expect(isVerifyKind('iban')).toBe(false);
  });
});
