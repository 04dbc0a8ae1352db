import { describe, expect, it } from 'vitest';
import type { IdType } from '../../shared/contract.js';
import { checkIdNumber, normalizeIdNo } from './id-number.js';
import { countryByAlpha3, countryByNumeric, countryCount } from './iso3166.js';

const TODAY = '2026-12-03';
const errorCodes = (idType: IdType, raw: string) =>
  checkIdNumber(idType, raw, { today: TODAY }).errors.map((e) => e.code);

describe('normalizeIdNo (INTERCHANGE §4)', () => {
  it.each([
    ['44011320141005001x', '44011320141005001X'],
    [' 4401 1320 1410 0500 1x ', '44011320141005001X'],
    ['４４０１１３２０１４１００５００１ｘ', '44011320141005001X'],
    ['e 1234\u30005678', 'E12345678'],
    ['h1234567\u200b8', 'H12345678'],
    ['南字第1234567号', '南字第1234567号'],
  ])('%j → %s', (raw, normalized) => {
    expect(normalizeIdNo(raw)).toBe(normalized);
    expect(normalizeIdNo(normalized)).toBe(normalized);
  });
});

describe('HMT_RESIDENCE_PERMIT (810000 / 820000 / 830000, MOD 11-2)', () => {
  it.each([
    ['810000199408230021', '1994-08-23', 'F', '香港特别行政区'],
    ['81000019980902013X', '1998-09-02', 'M', '香港特别行政区'],
    ['81000019980902013x', '1998-09-02', 'M', '香港特别行政区'],
    ['820000200009100032', '2000-09-10', 'M', '澳门特别行政区'],
    ['830000199201300022', '1992-01-30', 'F', '台湾省'],
  ])('%s is valid', (number, birthDate, gender, region) => {
    const result = checkIdNumber('HMT_RESIDENCE_PERMIT', number, { today: TODAY });
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ birthDate, gender });
    expect(result.region?.name).toBe(region);
  });

  it.each([
    ['810000199408230022', ['ID_CHECKSUM']],
    ['810000199402310021', ['ID_BIRTHDATE', 'ID_CHECKSUM']],
    ['110101199003078670', ['ID_FORMAT']], // a resident ID is not a permit
    ['840000199408230021', ['ID_FORMAT', 'ID_CHECKSUM']],
    ['8100001994082300', ['ID_FORMAT']],
    ['81000019940823002Y', ['ID_FORMAT']],
  ])('%s → %j', (number, expected) => {
    expect(errorCodes('HMT_RESIDENCE_PERMIT', number)).toEqual(expected);
  });
});

describe('FOREIGN_PERMANENT_RESIDENT', () => {
  it.each([
    ['911398199012310021', 'KAZ', '1990-12-31', 'F', '北京市'],
    ['932682198501010017', 'SAU', '1985-01-01', 'M', '江苏省'],
    ['931840200012310015', 'USA', '2000-12-31', 'M', '上海市'],
  ])('2023 form %s', (number, nationality, birthDate, gender, region) => {
    const result = checkIdNumber('FOREIGN_PERMANENT_RESIDENT', number, { today: TODAY });
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ nationality, birthDate, gender });
    expect(result.region?.name).toBe(region);
  });

  it.each([
    ['KAZ110090123105', 'KAZ', '1990-12-31', '北京市'],
    ['USA310008071503', 'USA', '2008-07-15', '上海市'],
    ['DEU440101010101', 'DEU', '2001-01-01', '广州市'],
    ['JPN110085122500', 'JPN', '1985-12-25', '北京市'],
    ['kaz 1100 901231 05', 'KAZ', '1990-12-31', '北京市'],
  ])('15-character form %s (ICAO 9303 check digit)', (number, nationality, birthDate, region) => {
    const result = checkIdNumber('FOREIGN_PERMANENT_RESIDENT', number, { today: TODAY });
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ nationality, birthDate });
    expect(result.gender).toBeUndefined();
    expect(result.region?.name).toBe(region);
  });

  it('reads a 15-character birth year in the 1900s when the 2000s would postdate the card', () => {
    const result = checkIdNumber('FOREIGN_PERMANENT_RESIDENT', 'GBR123499123105', { today: TODAY });
    expect(result.errors).toEqual([]);
    expect(result.birthDate).toBe('1999-12-31');
    // the accepting office 1234 is not a known code: a warning
    expect(result.warnings.map((w) => w.code)).toEqual(['ID_REGION_COUNTY']);
  });

  it.each([
    ['KAA110090123105', ['ID_FORMAT', 'ID_CHECKSUM']], // KAA is no country
    ['KAZ990090123105', ['ID_REGION']],
    ['KAZ110090023105', ['ID_BIRTHDATE', 'ID_CHECKSUM']],
    ['KAZ110090123104', ['ID_CHECKSUM']],
    ['999398199012310021', ['ID_REGION', 'ID_CHECKSUM']],
    ['911999199012310021', ['ID_FORMAT', 'ID_CHECKSUM']], // 999 is no country
    ['911398199002310021', ['ID_BIRTHDATE', 'ID_CHECKSUM']],
    ['911398199012310022', ['ID_CHECKSUM']],
    ['811398199012310021', ['ID_FORMAT']], // 18 digits not starting with 9
    ['KAZ11009012310', ['ID_FORMAT']],
    ['K4Z110090123105', ['ID_FORMAT']],
  ])('%s → %j', (number, expected) => {
    expect(errorCodes('FOREIGN_PERMANENT_RESIDENT', number)).toEqual(expected);
  });

  it('ships all 249 ISO 3166-1 countries, by alpha-3 and numeric', () => {
    expect(countryCount()).toBe(249);
    expect(countryByAlpha3('KAZ')).toEqual({ alpha2: 'KZ', alpha3: 'KAZ', numeric: '398', nameZh: '哈萨克斯坦' });
    expect(countryByNumeric('156')?.alpha3).toBe('CHN');
    expect(countryByNumeric('004')?.alpha3).toBe('AFG');
    expect(countryByAlpha3('XXX')).toBeUndefined();
  });
});

describe('documents checked by form only', () => {
  it.each<[IdType, string]>([
    ['PASSPORT', 'E12345678'],
    ['PASSPORT', 'EA1234567'],
    ['PASSPORT', 'G12345678'],
    ['PASSPORT', 'D1234567'],
    ['PASSPORT', 'P1234567'],
    ['PASSPORT', '123456789'], // United States
    ['PASSPORT', 'C01X00T47'], // Germany
    ['PASSPORT', 'e 1234 5678'],
    ['HK_MACAU_PASS', 'H12345678'],
    ['HK_MACAU_PASS', 'M12345678'],
    ['HK_MACAU_PASS', 'H1234567801'],
    ['HK_MACAU_PASS', 'h12345678'],
    ['TAIWAN_PASS', '12345678'],
    ['TAIWAN_PASS', '1234567890'],
    ['TAIWAN_PASS', '1234567(B)'],
    ['TAIWAN_PASS', '12345678B'],
    ['MILITARY_ID', '南字第1234567号'],
    ['MILITARY_ID', '军字第20051234号'],
    ['MILITARY_ID', 'JG12345678'],
    ['BIRTH_CERTIFICATE', 'O440123456'],
    ['BIRTH_CERTIFICATE', 'p440123456'],
    ['OTHER', '任何证件 123'],
  ])('%s %j is accepted', (idType, number) => {
    expect(errorCodes(idType, number)).toEqual([]);
  });

  it.each<[IdType, string]>([
    ['PASSPORT', 'E123'],
    ['PASSPORT', 'ABCDEFGH'],
    ['PASSPORT', 'E1234567890123456789'],
    ['PASSPORT', 'E1234-5678'],
    ['HK_MACAU_PASS', 'H1234567'],
    ['HK_MACAU_PASS', 'A12345678'],
    ['HK_MACAU_PASS', 'H123456789'],
    ['TAIWAN_PASS', '1234567'],
    ['TAIWAN_PASS', 'T12345678'],
    ['MILITARY_ID', '南字第号'],
    ['MILITARY_ID', 'ABC'],
    ['BIRTH_CERTIFICATE', '440123456'],
    ['BIRTH_CERTIFICATE', 'OO12345678'],
    ['OTHER', ''],
    ['OTHER', 'a\u0000b'],
  ])('%s %j → ID_FORMAT', (idType, number) => {
    expect(errorCodes(idType, number)).toEqual(['ID_FORMAT']);
  });

  it('never reads a birth date or gender from them', () => {
    const result = checkIdNumber('PASSPORT', 'E12345678', { today: TODAY });
    expect(result).toEqual({
      idType: 'PASSPORT',
      input: 'E12345678',
      normalized: 'E12345678',
      errors: [],
      warnings: [],
    });
  });
});
