/**
 * One value checked on its own, for `veracity verify KIND` (the conformance file's kinds).
 * A value is valid when it has no errors; warnings do not make it invalid (INTERCHANGE §3).
 */
import type { Issue } from '../../shared/codes.js';
import type { IdType } from '../../shared/contract.js';
import { checkBankAccount } from './bank-account.js';
import { checkIdNumber } from './id-number.js';
import { countryByAlpha3 } from './iso3166.js';
import { checkPhone } from './phone.js';
import { fullRegionName } from './regions.js';

export const VERIFY_KINDS = [
  'resident-id',
  'hmt-permit',
  'foreign-permanent-resident',
  'passport',
  'phone',
  'bank-account',
] as const;
export type VerifyKind = (typeof VERIFY_KINDS)[number];

export interface VerifyResult {
  value: string;
  kind: VerifyKind;
  valid: boolean;
  /** Codes of the errors. */
  errors: string[];
  /** Codes of the warnings. */
  warnings: string[];
  normalized?: string;
  /** birthDate, gender, region, regionCode, nationality, nationalityName, upgraded18, phoneKind,
   *  areaCode, city, country, issuingBank, issuingBankCode, cardType, luhnValid, and `issues`
   *  (code, level, message). */
  [detail: string]: unknown;
}

export interface VerifyIssue {
  code: string;
  level: 'error' | 'warning';
  message: string;
}

const ID_TYPE_OF: Partial<Record<VerifyKind, IdType>> = {
  'resident-id': 'RESIDENT_ID',
  'hmt-permit': 'HMT_RESIDENCE_PERMIT',
  'foreign-permanent-resident': 'FOREIGN_PERMANENT_RESIDENT',
  passport: 'PASSPORT',
};

export function isVerifyKind(kind: string): kind is VerifyKind {
  return (VERIFY_KINDS as readonly string[]).includes(kind);
}

export function verifyValue(kind: VerifyKind, value: string, today: string): VerifyResult {
  if (kind === 'phone') return verifyPhone(value);
  if (kind === 'bank-account') return verifyBankAccount(value);
  const idType = ID_TYPE_OF[kind];
  if (!idType) throw new TypeError(`unknown verify kind ${String(kind)}`);
  const check = checkIdNumber(idType, value, { today });
  const result = baseResult(kind, value, check.errors, check.warnings);
  result.normalized = check.normalized;
  setIfDefined(result, 'upgraded18', check.upgraded18);
  setIfDefined(result, 'birthDate', check.birthDate);
  setIfDefined(result, 'gender', check.gender);
  if (check.region) {
    result.region = fullRegionName(check.region);
    result.regionCode = check.region.code;
  }
  if (check.nationality) {
    result.nationality = check.nationality;
    setIfDefined(result, 'nationalityName', countryByAlpha3(check.nationality)?.nameZh);
  }
  return withIssues(result, check.errors, check.warnings);
}

function verifyPhone(value: string): VerifyResult {
  const check = checkPhone(value);
  const result = baseResult('phone', value, check.errors, check.warnings);
  setIfDefined(result, 'normalized', check.normalized);
  setIfDefined(result, 'phoneKind', check.kind);
  setIfDefined(result, 'areaCode', check.areaCode);
  setIfDefined(result, 'city', check.city);
  setIfDefined(result, 'country', check.country);
  return withIssues(result, check.errors, check.warnings);
}

function verifyBankAccount(value: string): VerifyResult {
  const check = checkBankAccount(value);
  const result = baseResult('bank-account', value, check.errors, check.warnings);
  result.normalized = check.normalized;
  result.luhnValid = check.luhnValid;
  if (check.bank) {
    result.issuingBank = check.bank.name;
    result.issuingBankCode = check.bank.code;
  }
  setIfDefined(result, 'cardType', check.cardType);
  return withIssues(result, check.errors, check.warnings);
}

function baseResult(kind: VerifyKind, value: string, errors: Issue[], warnings: Issue[]): VerifyResult {
  return {
    value,
    kind,
    valid: errors.length === 0,
    errors: errors.map((e) => e.code),
    warnings: warnings.map((w) => w.code),
  };
}

/** The messages go last, after the details, so a JSON line reads verdict → details → reasons. */
function withIssues(result: VerifyResult, errors: Issue[], warnings: Issue[]): VerifyResult {
  const issues: VerifyIssue[] = [
    ...errors.map((e) => ({ code: e.code, level: 'error' as const, message: e.message })),
    ...warnings.map((w) => ({ code: w.code, level: 'warning' as const, message: w.message })),
  ];
  result.issues = issues;
  return result;
}

function setIfDefined(result: VerifyResult, key: string, value: unknown): void {
  if (value !== undefined) result[key] = value;
}
