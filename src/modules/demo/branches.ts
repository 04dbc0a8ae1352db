import { type Rng, Weighted } from './prng.js';

export interface Branch {
  code: string;
  /** First two digits of the province's GB/T 2260 code. */
  provinceCode: string;
  /** First four digits of the branch city's code (its districts are in the county list). */
  prefectureCode: string;
  /** Long-distance code of the city's landlines. */
  areaCode: string;
  /** Banks whose outlets the branch's bancassurance specialists work in. */
  partnerBanks: readonly string[];
}

export const BRANCHES: readonly Branch[] = [
  {
    code: 'GD-GZ',
    provinceCode: '44',
    prefectureCode: '4401',
    areaCode: '020',
    partnerBanks: ['ICBC', 'GDB', 'CCB', 'PSBC'],
  },
  {
    code: 'GD-SZ',
    provinceCode: '44',
    prefectureCode: '4403',
    areaCode: '0755',
    partnerBanks: ['CMB', 'SPABANK', 'ICBC', 'BOC'],
  },
  {
    code: 'BJ-HQ',
    provinceCode: '11',
    prefectureCode: '1101',
    areaCode: '010',
    partnerBanks: ['ICBC', 'CCB', 'BOC', 'CITIC', 'CMBC'],
  },
  {
    code: 'SH-PD',
    provinceCode: '31',
    prefectureCode: '3101',
    areaCode: '021',
    partnerBanks: ['COMM', 'BOC', 'CMB', 'CEB'],
  },
  { code: 'ZJ-HZ', provinceCode: '33', prefectureCode: '3301', areaCode: '0571', partnerBanks: ['ABC', 'ICBC', 'CIB'] },
  { code: 'JS-NJ', provinceCode: '32', prefectureCode: '3201', areaCode: '025', partnerBanks: ['ABC', 'BOC', 'COMM'] },
  { code: 'SC-CD', provinceCode: '51', prefectureCode: '5101', areaCode: '028', partnerBanks: ['PSBC', 'ABC', 'CCB'] },
  { code: 'HB-WH', provinceCode: '42', prefectureCode: '4201', areaCode: '027', partnerBanks: ['ICBC', 'PSBC', 'ABC'] },
];

const BRANCH_SIZES = new Weighted<Branch>(
  BRANCHES.map(
    (b) =>
      [
        b,
        b.code === 'GD-GZ' || b.code === 'GD-SZ' ? 16 : b.code.endsWith('HQ') || b.code === 'SH-PD' ? 14 : 10,
      ] as const,
  ),
);

export function pickBranch(rng: Rng): Branch {
  return BRANCH_SIZES.pick(rng);
}

export function branchIndexOf(branch: Branch): number {
  return BRANCHES.indexOf(branch);
}
