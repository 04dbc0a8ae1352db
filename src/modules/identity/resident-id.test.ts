import { describe, expect, it } from 'vitest';
import { checkIdNumber, type IdNumberCheck } from './id-number.js';
import { upgradeLegacyNumber } from './resident-id.js';

const TODAY = '2026-12-03';
const check = (raw: string, today = TODAY): IdNumberCheck => checkIdNumber('RESIDENT_ID', raw, { today });
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('RESIDENT_ID: known-good numbers (GB 11643-1999)', () => {
  it.each([
    ['110101199003078670', '1990-03-07', 'M', '东城区'],
    ['44011320141005001X', '2014-10-05', 'M', '番禺区'],
    ['44011320141005001x', '2014-10-05', 'M', '番禺区'], // lower-case x means 10
    ['330106197006150029', '1970-06-15', 'F', '西湖区'],
    ['440305198512314561', '1985-12-31', 'F', '南山区'],
    ['620102199911303147', '1999-11-30', 'F', '城关区'],
    ['11010120000229123X', '2000-02-29', 'M', '东城区'], // leap year divisible by 400
    ['110101190402291232', '1904-02-29', 'M', '东城区'], // leap year
    ['110101190001011236', '1900-01-01', 'M', '东城区'], // earliest accepted date
    ['110101202612031231', '2026-12-03', 'M', '东城区'], // born today
  ])('%s', (number, birthDate, gender, county) => {
    const result = check(number);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result).toMatchObject({ birthDate, gender, normalized: number.toUpperCase() });
    expect(result.region?.name).toBe(county);
    expect(result.region?.status).toBe('current');
  });

  it('normalises spaces, full-width characters and case before checking', () => {
    for (const raw of [
      '4401 1320 1410 0500 1x',
      ' 44011320141005001X\t',
      '４４０１１３２０１４１００５００１Ｘ',
      '440113\u300020141005001x',
    ]) {
      const result = check(raw);
      expect(result.normalized).toBe('44011320141005001X');
      expect(result.errors).toEqual([]);
      expect(result.input).toBe(raw);
    }
  });

  it('accepts an abolished county code with a warning only (old cards keep old codes)', () => {
    const result = check('110103198001011235'); // 崇文区, merged into 东城区 in 2010
    expect(result.errors).toEqual([]);
    expect(codes(result.warnings)).toEqual(['ID_REGION_COUNTY']);
    expect(result.region).toMatchObject({
      code: '110103',
      name: '崇文区',
      status: 'abolished',
      successors: ['110101'],
    });
    expect(result.warnings[0]?.message).toContain('2010');
  });

  it('accepts an unknown county code with a warning and gives the province', () => {
    const result = check('110199198001011238');
    expect(result.errors).toEqual([]);
    expect(codes(result.warnings)).toEqual(['ID_REGION_COUNTY']);
    expect(result.region).toMatchObject({ code: '110000', name: '北京市' });
  });

  it('never checks the county against the birth year', () => {
    // 500154 (开州区) exists since 2016; someone born 1993 and registered there has this number.
    const result = check('500154199301135886');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('knows the urban-district codes xxxx01 (市辖区) the data set omits', () => {
    const result = check('44040119580101000X');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.region).toMatchObject({ name: '市辖区', prefecture: '珠海市', province: '广东省' });
  });
});

describe('RESIDENT_ID: known-bad numbers', () => {
  it.each([
    ['110101199003078671', ['ID_CHECKSUM'], '第18位应为0'],
    ['11010119900307867X', ['ID_CHECKSUM'], 'should be 0'],
    ['110101190002291233', ['ID_BIRTHDATE'], '不是真实日期'], // 1900 is not a leap year
    ['110101202302291230', ['ID_BIRTHDATE'], 'not a real date'],
    ['110101189912311231', ['ID_BIRTHDATE'], '1900'], // before 1900
    ['110101202612041237', ['ID_BIRTHDATE'], '2026-12-03'], // tomorrow
    ['100101198001011230', ['ID_REGION'], '10'],
    ['990426199112010074', ['ID_REGION'], '99'],
    ['000000198001011234', ['ID_REGION', 'ID_CHECKSUM'], '00'],
  ])('%s → %j', (number, expected, detail) => {
    const result = check(number);
    expect(codes(result.errors)).toEqual(expected);
    expect(result.errors.map((e) => e.message).join(' ')).toContain(detail);
  });

  it('reports every error found, not only the first', () => {
    // province 20 unknown, 1897-20-59 not a date, check character wrong
    expect(codes(check('201511221897205961').errors)).toEqual(['ID_REGION', 'ID_BIRTHDATE', 'ID_CHECKSUM']);
  });

  it.each([
    ['', 'empty'],
    ['11010119900307867', '17 characters'],
    ['1101011990030786700', '19 characters'],
    ['11010119900307X670', 'X in the middle'],
    ['110101 1990 0307 867Y', 'Y as check character'],
    ['3301022011022000D6', 'a letter inside'],
    ['110101-19900307-8670', 'dashes'],
    ['T60426199101010078', 'a letter first'],
  ])('%j (%s) → ID_FORMAT only, no checksum on a wrong shape', (raw) => {
    const result = check(raw);
    expect(codes(result.errors)).toEqual(['ID_FORMAT']);
    expect(result.birthDate).toBeUndefined();
    expect(result.gender).toBeUndefined();
  });

  it('sends residence-permit numbers to their own ID type', () => {
    const result = check('810000199408230021');
    expect(codes(result.errors)).toEqual(['ID_FORMAT']);
    expect(result.errors[0]?.message).toContain('HMT_RESIDENCE_PERMIT');
  });

  it('still gives birth date and gender when other errors are present', () => {
    const result = check('100101198001011231');
    expect(codes(result.errors)).toEqual(['ID_REGION', 'ID_CHECKSUM']);
    expect(result).toMatchObject({ birthDate: '1980-01-01', gender: 'M' });
  });

  it('uses the path given, else idNo', () => {
    expect(check('1').errors[0]?.path).toBe('idNo');
    expect(checkIdNumber('RESIDENT_ID', '1', { today: TODAY, path: 'insured.idNo' }).errors[0]?.path).toBe(
      'insured.idNo',
    );
  });

  it('refuses a malformed today (a programming error, not a data error)', () => {
    expect(() => check('110101199003078670', '2026/12/03')).toThrow(TypeError);
  });
});

describe('RESIDENT_ID: 15-digit legacy numbers', () => {
  it.each([
    ['610104620927690', '610104196209276908', '1962-09-27', 'F'],
    ['110101781027002', '110101197810270029', '1978-10-27', 'F'],
    ['330105781027002', '330105197810270025', '1978-10-27', 'F'],
    ['150102880730303', '150102198807303035', '1988-07-30', 'M'],
    ['110101491001001', '11010119491001001X', '1949-10-01', 'M'],
  ])('%s is recognised but not current (ID_FORMAT), upgraded to %s', (legacy, upgraded, birthDate, gender) => {
    const result = check(legacy);
    expect(codes(result.errors)).toEqual(['ID_FORMAT']);
    expect(result).toMatchObject({ upgraded18: upgraded, birthDate, gender });
    expect(result.upgraded18).toBe(upgraded);
    expect(result.errors[0]?.message).not.toContain(upgraded);
    expect(upgradeLegacyNumber(legacy)).toBe(upgraded);
    expect(check(upgraded).errors).toEqual([]);
  });

  it.each([
    ['110101940231001', 'not a real date'],
    ['160101491001001', 'no such province'],
    ['010101491001001', 'no such province'],
    ['11010149100100X', 'X in a 15-digit number'],
  ])('%s (%s) → ID_FORMAT', (legacy) => {
    const result = check(legacy);
    expect(codes(result.errors)).toEqual(['ID_FORMAT']);
    expect(result.upgraded18).toBeUndefined();
  });

  it('upgrades only 15 digits', () => {
    expect(upgradeLegacyNumber('11010149100100')).toBeUndefined();
  });
});
