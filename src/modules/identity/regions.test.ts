import { describe, expect, it } from 'vitest';
import { areaCodeOf, cityForAreaCode } from './area-codes.js';
import { fullRegionName, provinceFor, regionFor } from './regions.js';

describe('GB/T 2260 regions', () => {
  it('knows the 34 province-level codes and nothing else', () => {
    const real = [...Array(100).keys()].map((n) => String(n).padStart(2, '0')).filter((code) => provinceFor(code));
    expect(real).toEqual(
      '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
        ' ',
      ),
    );
    expect(provinceFor('44')?.name).toBe('广东省');
  });

  it('keeps abolished codes with their successors', () => {
    expect(regionFor('110103')).toMatchObject({
      name: '崇文区',
      status: 'abolished',
      abolishedIn: 2010,
      successors: ['110101'],
    });
    expect(regionFor('370620')).toMatchObject({ name: '威海市', status: 'abolished', successors: ['371002'] });
  });

  it('prefers the record in use when a code was reused', () => {
    expect(regionFor('120110')).toMatchObject({ status: 'current', name: '东丽区' });
  });

  it('names a region in full', () => {
    const panyu = regionFor('440113');
    expect(panyu && fullRegionName(panyu)).toBe('广东省广州市番禺区');
    const dongcheng = regionFor('110101');
    expect(dongcheng && fullRegionName(dongcheng)).toBe('北京市东城区');
    const beijing = regionFor('110000');
    expect(beijing && fullRegionName(beijing)).toBe('北京市');
  });

  it('returns nothing for unknown codes', () => {
    expect(regionFor('110199')).toBeUndefined();
    expect(regionFor('999901')).toBeUndefined();
  });
});

describe('area codes', () => {
  it.each([
    ['2088881234', '20', '广州市'],
    ['1065529988', '10', '北京市'],
    ['75588881234', '755', '深圳市'],
    ['57187021234', '571', '杭州市'],
  ])('%s → %s %s', (national, code, city) => {
    expect(areaCodeOf(national)).toBe(code);
    expect(cityForAreaCode(code)).toBe(city);
  });
});
