import type { Gender } from '../../shared/contract.js';
import { mod11CheckChar } from '../identity/gb11643.js';
import { compactDateOf, yearOf } from './dates.js';
import type { Rng } from './prng.js';

/** GB 11643 resident ID: region, birth date, sequence (odd = male) and MOD 11-2 check character. */
export function residentIdNo(rng: Rng, countyCode: string, birthDay: number, gender: Gender): string {
  // Sequence 000 is not issued; even sequences are women's, odd men's.
  const pair = rng.int(gender === 'M' ? 0 : 1, 499);
  const sequence = String(pair * 2 + (gender === 'M' ? 1 : 0)).padStart(3, '0');
  const first17 = `${countyCode}${compactDateOf(birthDay)}${sequence}`;
  return first17 + (mod11CheckChar(first17) as string);
}

/** The same number with a different, wrong check character. */
export function withWrongCheckChar(rng: Rng, idNo: string): string {
  const right = idNo.slice(17).toUpperCase();
  let wrong = right;
  while (wrong === right) wrong = rng.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  return idNo.slice(0, 17) + wrong;
}

/** People write the check character 10 as a lower-case x now and then. */
export function asWritten(rng: Rng, idNo: string): string {
  return idNo.endsWith('X') && rng.chance(0.25) ? `${idNo.slice(0, 17)}x` : idNo;
}

/** 出生医学证明 number: a batch letter and nine digits. */
export function birthCertificateNo(rng: Rng, birthDay: number): string {
  const batch = 'MNOPQRST'[Math.min(7, Math.max(0, yearOf(birthDay) - 2010))] as string;
  return `${batch}${rng.int(1, 6)}${rng.digits(8)}`;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation code: eight digits and a MOD 11 check character. */
function organisationCode(rng: Rng): string {
  const body = rng.digits(8);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (body.charCodeAt(i) - 48) * (ORG_CODE_WEIGHTS[i] as number);
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** GB 32100 unified social credit code of a company registered in a county (登记管理部门 9 = market regulator). */
export function unifiedSocialCreditCode(rng: Rng, countyCode: string): string {
  const first17 = `91${countyCode}${organisationCode(rng)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i] as string) * (USCC_WEIGHTS[i] as number);
  return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31];
}
