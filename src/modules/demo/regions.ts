import { ABOLISHED_COUNTY_ROWS, CURRENT_COUNTY_ROWS } from './data/counties.js';
import type { Rng } from './prng.js';

export interface County {
  code: string;
  province: string;
  /** '' for counties directly under a municipality or province. */
  prefecture: string;
  name: string;
  /** Year the code went out of use; undefined while it is current. */
  abolishedIn?: number;
}

export const CURRENT_COUNTIES: readonly County[] = CURRENT_COUNTY_ROWS.map(([code, province, prefecture, name]) => ({
  code,
  province,
  prefecture,
  name,
}));

const ABOLISHED_COUNTIES: readonly County[] = ABOLISHED_COUNTY_ROWS.map(
  ([code, province, prefecture, name, abolishedIn]) => ({ code, province, prefecture, name, abolishedIn }),
);

function groupBy(counties: readonly County[], keyLength: number): Map<string, County[]> {
  const groups = new Map<string, County[]>();
  for (const county of counties) {
    const key = county.code.slice(0, keyLength);
    const list = groups.get(key);
    if (list) list.push(county);
    else groups.set(key, [county]);
  }
  return groups;
}

const BY_PROVINCE = groupBy(CURRENT_COUNTIES, 2);
const BY_PREFECTURE = groupBy(CURRENT_COUNTIES, 4);

export function countiesOfProvince(provinceCode: string): readonly County[] {
  const list = BY_PROVINCE.get(provinceCode);
  if (!list) throw new RangeError(`no demo counties for province ${provinceCode}`);
  return list;
}

export function countiesOfPrefecture(prefectureCode: string): readonly County[] {
  const list = BY_PREFECTURE.get(prefectureCode);
  if (!list) throw new RangeError(`no demo counties for prefecture ${prefectureCode}`);
  return list;
}

/** Share of people whose card still carries a code abolished after they were registered. */
const ABOLISHED_CODE_SHARE = 0.03;
/** Share of a branch's customers registered (户籍) in the branch's own province. */
const HOME_PROVINCE_SHARE = 0.55;

/**
 * The county of a person's household registration: mostly the branch's province, the rest from
 * anywhere (migrants). Someone born before a code was abolished may still carry it.
 */
export function pickRegistrationCounty(rng: Rng, provinceCode: string, birthYear: number): County {
  if (rng.chance(ABOLISHED_CODE_SHARE)) {
    const old = rng.pick(ABOLISHED_COUNTIES);
    if (old.abolishedIn !== undefined && birthYear < old.abolishedIn) return old;
  }
  return rng.chance(HOME_PROVINCE_SHARE) ? rng.pick(countiesOfProvince(provinceCode)) : rng.pick(CURRENT_COUNTIES);
}

/** The province-and-city part of an address, without repeating a municipality's name. */
export function addressPrefix(county: County): string {
  return `${county.province}${county.prefecture}${county.name}`;
}
