import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { checkPhone, normalizePhone } from './phone.js';

const codes = (raw: string) => checkPhone(raw).errors.map((e) => e.code);

describe('mainland mobiles', () => {
  it.each([
    '13800138000',
    '138 0013 8000',
    '138-0013-8000',
    '138.0013.8000',
    '(138) 0013 8000',
    '+8613800138000',
    '+86 138-0013-8000',
    '+86 (138) 0013 8000',
    '0086 138 0013 8000',
    '0086-13800138000',
    '8613800138000',
    '86 138 0013 8000',
    '＋８６　１３８－００１３－８０００',
    '（138）00138000',
    '138\u201300138000',
  ])('%j → +8613800138000', (raw) => {
    const result = checkPhone(raw);
    expect(result).toMatchObject({
      normalized: '+8613800138000',
      kind: 'mobile',
      country: 'CN',
      errors: [],
      warnings: [],
    });
    expect(result.input).toBe(raw);
  });

  it('warns (does not reject) a mobile outside the numbering metadata', () => {
    const result = checkPhone('14899230918');
    expect(result.errors).toEqual([]);
    expect(result.normalized).toBe('+8614899230918');
    expect(result.warnings.map((w) => w.code)).toEqual(['PHONE_RANGE_UNKNOWN']);
    expect(result.warnings[0]?.path).toBe('phone');
    expect(checkPhone('19412341234', 'applicant.phones[0]').warnings[0]?.path).toBe('applicant.phones[0]');
  });

  it('gives no warning for ranges the metadata lists', () => {
    for (const raw of ['13912345678', '15012345678', '16612345678', '17712345678', '18812345678', '19912345678']) {
      expect(checkPhone(raw).warnings).toEqual([]);
    }
  });
});

describe('landlines', () => {
  it.each([
    ['020-8888 1234', '+862088881234', '020', '广州市'],
    ['(020) 8888-1234', '+862088881234', '020', '广州市'],
    ['+86 20 8888 1234', '+862088881234', '020', '广州市'],
    ['0086 20 88881234', '+862088881234', '020', '广州市'],
    ['010 6552 9988', '+861065529988', '010', '北京市'],
    ['021-6321 1234', '+862163211234', '021', '上海市'],
    ['0755-8888 1234', '+8675588881234', '0755', '深圳市'],
    ['0571-8702 1234', '+8657187021234', '0571', '杭州市'],
    ['0898-6653 1234', '+8689866531234', '0898', '海南省'],
  ])('%j → %s', (raw, e164, areaCode, city) => {
    expect(checkPhone(raw)).toMatchObject({
      normalized: e164,
      kind: 'landline',
      areaCode,
      city,
      country: 'CN',
      errors: [],
    });
  });

  it.each([
    '026-8888 1234', // no area code 026
    '020-888', // too short
    '0000-8888 1234',
    '013800138000', // a mobile is not dialled with a trunk 0
    '08613811211114',
    '+86 0755 8888 1234',
    '88881234', // no area code
  ])('%j → PHONE_FORMAT', (raw) => {
    expect(codes(raw)).toEqual(['PHONE_FORMAT']);
    expect(checkPhone(raw).normalized).toBeUndefined();
  });
});

describe('international numbers', () => {
  it.each([
    ['+1 650 253 0000', '+16502530000', 'US'],
    ['001 650 253 0000', '+16502530000', 'US'],
    ['+852 2123 4567', '+85221234567', 'HK'],
    ['+853 2882 3456', '+85328823456', 'MO'],
    ['+886 2 2345 6789', '+886223456789', 'TW'],
    ['+44 20 7946 0958', '+442079460958', 'GB'],
    ['+81 3-1234-5678', '+81312345678', 'JP'],
  ])('%j → %s (%s)', (raw, e164, country) => {
    expect(checkPhone(raw)).toMatchObject({ normalized: e164, kind: 'international', country, errors: [] });
  });

  it.each(['+1 650', '+999 1234 5678', '+852 1234'])('%j → PHONE_FORMAT', (raw) => {
    expect(codes(raw)).toEqual(['PHONE_FORMAT']);
  });
});

describe('invalid phones (conformance file and beyond)', () => {
  it.each([
    '+08613811211114',
    '+008613811211114',
    '08613811211114',
    '12345',
    '92138389438',
    '98199649964',
    '12038389438',
    '12838389438',
    '136123456781',
    '1380013800',
    '+86 12038389438',
    '+86 1380013800',
    'Vml2YW11cyBmZXJtZtesting123',
    '138 0013 8000 转 801',
    '138+00138000',
    '',
    '   ',
    '+',
  ])('%j → PHONE_FORMAT with a reason', (raw) => {
    const result = checkPhone(raw);
    expect(result.errors.map((e) => e.code)).toEqual(['PHONE_FORMAT']);
    expect(result.errors[0]?.message).toMatch(/：.+\(.+: .+\)$/);
    expect(result.normalized).toBeUndefined();
    expect(result.kind).toBeUndefined();
    expect(normalizePhone(raw)).toBeUndefined();
  });
});

describe('properties', () => {
  const mobile = fc
    .tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/))
    .map(([second, rest]) => `1${second}${rest}`);
  const landline = fc.constantFrom(
    '020-8888 1234',
    '010 6552 9988',
    '0755-8888 1234',
    '021 6321 1234',
    '0571 8702 1234',
  );
  const international = fc.constantFrom('+1 650 253 0000', '+852 2123 4567', '+44 20 7946 0958');
  const prefix = fc.constantFrom('', '+86', '0086', '86', '+86 ', '0086-');
  const separators = fc.array(fc.constantFrom(' ', '-', '.', '(', ')', '\u3000', '－', '（', '）'), { maxLength: 3 });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(mobile, landline, international, fc.string({ maxLength: 20 })), (raw) => {
        const once = normalizePhone(raw);
        if (once !== undefined) expect(normalizePhone(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('a mobile normalises to the same E.164 whatever prefix and separators surround its digits', () => {
    fc.assert(
      fc.property(
        mobile,
        prefix,
        fc.array(fc.tuple(fc.nat(16), separators), { maxLength: 6 }),
        (digits, pre, inserts) => {
          let raw = `${pre}${digits}`;
          for (const [at, chars] of inserts) {
            const position = at % (raw.length + 1);
            raw = raw.slice(0, position) + chars.join('') + raw.slice(position);
          }
          expect(normalizePhone(raw)).toBe(`+86${digits}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('inserted separators never change a landline or international number', () => {
    fc.assert(
      fc.property(fc.oneof(landline, international), fc.nat(20), separators, (raw, at, chars) => {
        const position = at % (raw.length + 1);
        const spaced = raw.slice(0, position) + chars.join('') + raw.slice(position);
        expect(normalizePhone(spaced)).toBe(normalizePhone(raw));
      }),
      { numRuns: 1000 },
    );
  });

  it('every 11-digit number starting 1[3-9] is a valid mobile; 10 and 12 are not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (digits) => {
        const eleven = `1${digits}`;
        expect(checkPhone(eleven).errors.length === 0).toBe(/^1[3-9]/.test(eleven));
        expect(checkPhone(eleven.slice(0, 10)).errors.length).toBe(1);
        expect(checkPhone(`${eleven}0`).errors.length).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('agreement with the full libphonenumber-js/max parser', () => {
  it('decides mainland landlines and mobiles as the parser does', () => {
    const national = fc.oneof(
      fc.stringMatching(/^(?:10|2\d)\d{6,9}$/),
      fc.stringMatching(/^[3-9]\d{8,10}$/),
      fc.stringMatching(/^1[3-9]\d{9}$/),
    );
    fc.assert(
      fc.property(national, (digits) => {
        const parsed = parsePhoneNumberFromString(`+86${digits}`);
        const type = parsed?.isValid() ? parsed.getType() : undefined;
        const ours = checkPhone(`+86${digits}`);
        if (digits.startsWith('1') && !digits.startsWith('10')) {
          // Mobiles: every 1[3-9] number is valid; the metadata decides only the warning.
          expect(ours.warnings.length === 0).toBe(type === 'MOBILE');
        } else {
          const landline = type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE';
          expect(ours.kind === 'landline', `+86${digits}: parser says ${type}`).toBe(landline);
          if (landline) expect(ours.normalized).toBe(parsed?.number);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
