/**
 * What a planted case is, and the helpers every catalogue of plants shares. A plant alters a clean
 * record and says exactly which gate errors (INTERCHANGE §3) the alteration must produce.
 */
import type { Dice } from './dice.js';
import type { Gender } from './identity.js';
import type { PlantedApplication, RawParty, Shape } from './record.js';

/** The error codes INTERCHANGE §3 fixes; warnings are never expected. */
export const CONTRACT_ERROR_CODES = [
  'MISSING_FIELD',
  'ID_FORMAT',
  'ID_CHECKSUM',
  'ID_REGION',
  'ID_BIRTHDATE',
  'GENDER_MISMATCH',
  'BIRTHDATE_MISMATCH',
  'PHONE_FORMAT',
  'PAYER_NOT_APPLICANT',
  'AGENT_UNKNOWN',
  'AGENT_NOT_QUALIFIED',
] as const;
export type ContractErrorCode = (typeof CONTRACT_ERROR_CODES)[number];

export interface ExpectedError {
  code: ContractErrorCode;
  path: string;
}

export interface PlantResult {
  variant: string;
  expected: ExpectedError[];
}

/** One planted case for one record: the clean record is built to `shape`, then `apply` alters it. */
export interface PreparedPlant {
  shape: Shape;
  apply(record: PlantedApplication, dice: Dice): PlantResult;
}

/** Parts of a record a plant changes; two plants go into one record only when they share none. */
export type Slot =
  | 'applicant.identity'
  | 'applicant.address'
  | 'applicant.phones'
  | 'insured'
  | 'payer'
  | 'seller'
  | 'appliedAt';

export interface Plant {
  family: string;
  slots: readonly Slot[];
  prepare(dice: Dice): PreparedPlant;
}

export type Apply = PreparedPlant['apply'];
export type Role = 'applicant' | 'insured';

export function plant(family: string, slots: readonly Slot[], apply: Apply, shape?: (dice: Dice) => Shape): Plant {
  return { family, slots, prepare: (dice) => ({ shape: shape?.(dice) ?? {}, apply }) };
}

export const BLANKS = [
  ['absent', undefined],
  ['null', null],
  ['empty', ''],
  ['spaces', '   '],
] as const;

export const e = (code: ContractErrorCode, path: string): ExpectedError => ({ code, path });

export function setField(party: RawParty, field: keyof RawParty, value: string | null | undefined): void {
  if (value === undefined) delete party[field];
  else Object.assign(party, { [field]: value });
}

/** Changes a party's ID number; the payer's copy of the applicant's number changes with it. */
export function replaceIdNo(record: PlantedApplication, role: Role, idNo: string): void {
  if (role === 'applicant' && record.payerAccount.holderIdNo === record.applicant.idNo)
    record.payerAccount.holderIdNo = idNo;
  record[role].idNo = idNo;
}

export function identityOf(party: RawParty): { gender: Gender; birthDate: string; idNo: string } {
  return { gender: party.gender as Gender, birthDate: party.birthDate as string, idNo: party.idNo as string };
}

/** The applicant's identity is also what the payer is compared with. */
export function identitySlots(role: Role): readonly Slot[] {
  return role === 'applicant' ? ['applicant.identity', 'payer'] : ['insured'];
}

export const adultInsured = (role: Role) => (role === 'insured' ? () => ({ insured: 'adult' as const }) : undefined);

/** A plant on one party's identity, for the applicant or an adult insured. */
export function identityPlant(family: string, role: Role, apply: Apply): Plant {
  return plant(`${family} ${role}`, identitySlots(role), apply, adultInsured(role));
}
