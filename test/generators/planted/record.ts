import { SELLERS } from './agents.js';
import { addDays, addYears, dayBetween } from './calendar.js';
import type { Dice } from './dice.js';
import { address, bankAccount, birthCertificateNo, chineseName, type Gender, residentId } from './identity.js';
import { mobile, VALID_STYLES } from './phones.js';

/**
 * A planted application as raw JSON: loosely typed on purpose, because defects are exactly the
 * values the contract's types forbid (absent, null, blank, malformed).
 */
export interface RawParty {
  relationToApplicant?: string;
  name?: string | null;
  gender?: string | null;
  birthDate?: string | null;
  idType?: string | null;
  idNo?: string | null;
  address?: string | null;
  phones?: string[];
  email?: string | null;
}

export interface RawPayer {
  bankCode: string;
  accountNo: string;
  holderName?: string | null;
  holderIdType?: string | null;
  holderIdNo?: string | null;
  approvalRef?: string | null;
}

export interface RawBeneficiary {
  name: string;
  idType: string;
  idNo: string;
  relationToInsured: string;
  sharePct: number;
}

export interface PlantedApplication {
  policyNo: string;
  channel: 'agent' | 'bancassurance' | 'agency';
  agentCode: string | null;
  agencyCode: string | null;
  branchCode: string;
  productCode: string;
  productType: string;
  termMonths: number;
  appliedAt: string;
  receiptSignedAt: string | null;
  premium: { amount: string; currency: string; frequency: string };
  payerAccount: RawPayer;
  applicant: RawParty;
  insured: RawParty;
  beneficiaries: RawBeneficiary[];
}

/** The kind of insured a plant needs; the clean record is built to match. */
export type InsuredShape = 'self' | 'adult' | 'minor';

export interface Shape {
  insured?: InsuredShape;
  channel?: PlantedApplication['channel'];
  /** An appliedAt timestamp the plant needs (its China date decides ages and qualification). */
  appliedAt?: string;
}

/** The China calendar date of a contract timestamp (no offset = +08:00). */
export function chinaDateOf(timestamp: string): string {
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(timestamp);
  const instant = new Date(hasOffset ? timestamp : `${timestamp}+08:00`).getTime();
  return new Date(instant + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface Person {
  name: string;
  gender: Gender;
  birthDate: string;
  idNo: string;
}

export function adultOn(dice: Dice, day: string, minAge: number, maxAge: number, gender?: Gender): Person {
  const g = gender ?? (dice.chance(0.5) ? 'M' : 'F');
  const birthDate = dayBetween(() => dice.next(), addYears(day, -maxAge), addYears(day, -minAge - 1));
  return { name: chineseName(dice, g), gender: g, birthDate, idNo: residentId(dice, g, birthDate) };
}

/** Someone at most 16 years and 300 days old on `day`: a minor whatever the plant does to appliedAt within the year. */
function minorOn(dice: Dice, day: string, surname: string): Person {
  const g = dice.chance(0.5) ? 'M' : 'F';
  const birthDate = dayBetween(() => dice.next(), addDays(addYears(day, -16), -300), addDays(day, -30));
  return { name: chineseName(dice, g, surname), gender: g, birthDate, idNo: residentId(dice, g, birthDate) };
}

export function party(person: Person, extra: Partial<RawParty> = {}): RawParty {
  return {
    name: person.name,
    gender: person.gender,
    birthDate: person.birthDate,
    idType: 'RESIDENT_ID',
    idNo: person.idNo,
    ...extra,
  };
}

export function validPhone(dice: Dice): string {
  return dice.chance(0.6) ? mobile(dice) : (dice.pick(VALID_STYLES)[1] as (d: Dice) => string)(dice);
}

const PRODUCTS = [
  ['WL-20', 'traditional_life', 240],
  ['CI-30', 'health', 360],
  ['PAR-10', 'participating', 120],
  ['UNV-5', 'universal', 60],
  ['ACC-1', 'accident', 12],
  ['UL-10', 'unit_linked', 120],
] as const;

/** A record with no defect at all, shaped as the plants need. */
export function cleanRecord(dice: Dice, index: number, shape: Shape): PlantedApplication {
  const channel =
    shape.channel ??
    dice.pick([
      'agent',
      'agent',
      'agent',
      'agent',
      'agent',
      'agent',
      'agent',
      'bancassurance',
      'bancassurance',
      'agency',
    ] as const);
  const appliedAt =
    shape.appliedAt ??
    `${dayBetween(() => dice.next(), '2026-01-05', '2026-11-30')}T${String(dice.int(9, 18)).padStart(2, '0')}:${String(dice.int(0, 59)).padStart(2, '0')}:00+08:00`;
  const day = chinaDateOf(appliedAt);
  const applicantPerson = adultOn(dice, day, 22, 60);
  const surname = applicantPerson.name.charAt(0);
  const home = address(dice);
  const [productCode, productType, termMonths] = dice.pick(PRODUCTS);
  const account = bankAccount(dice);

  const insuredShape = shape.insured ?? dice.pick(['self', 'self', 'adult', 'minor'] as const);
  let insured: RawParty = { relationToApplicant: 'self' };
  const beneficiaries: RawBeneficiary[] = [];
  if (insuredShape === 'adult') {
    const asParent = dice.chance(0.3);
    const person = asParent
      ? adultOn(dice, day, 50, 75)
      : adultOn(dice, day, 22, 60, applicantPerson.gender === 'M' ? 'F' : 'M');
    insured = {
      relationToApplicant: asParent ? 'parent' : 'spouse',
      ...party(person, { address: home, phones: [validPhone(dice)] }),
    };
  } else if (insuredShape === 'minor') {
    const child = minorOn(dice, day, surname);
    const document = dice.int(0, 9);
    // Most children are insured on their resident ID number, some on a birth certificate.
    const id =
      document < 7
        ? { idType: 'RESIDENT_ID', idNo: child.idNo }
        : { idType: 'BIRTH_CERTIFICATE', idNo: birthCertificateNo(dice) };
    insured = { relationToApplicant: 'child', ...party(child, { ...id, address: home }) };
    beneficiaries.push({
      name: applicantPerson.name,
      idType: 'RESIDENT_ID',
      idNo: applicantPerson.idNo,
      relationToInsured: 'parent',
      sharePct: 100,
    });
  } else if (dice.chance(0.5)) {
    const spouse = adultOn(dice, day, 22, 60, applicantPerson.gender === 'M' ? 'F' : 'M');
    beneficiaries.push({
      name: spouse.name,
      idType: 'RESIDENT_ID',
      idNo: spouse.idNo,
      relationToInsured: 'spouse',
      sharePct: 100,
    });
  }

  const seller =
    channel === 'agent'
      ? dice.pick(SELLERS.agents)
      : channel === 'bancassurance'
        ? dice.pick(SELLERS.specialists)
        : dice.pick(SELLERS.agencies);
  return {
    policyNo: `PT${String(index + 1).padStart(7, '0')}`,
    channel,
    agentCode: channel === 'agency' ? null : seller,
    agencyCode: channel === 'agency' ? seller : null,
    branchCode: dice.pick(['GD-GZ', 'BJ-HQ', 'SH-PD', 'SC-CD']),
    productCode,
    productType,
    termMonths,
    appliedAt,
    receiptSignedAt: null,
    premium: { amount: `${dice.int(3, 200)}00.00`, currency: 'CNY', frequency: 'annual' },
    payerAccount: {
      ...account,
      holderName: applicantPerson.name,
      holderIdType: 'RESIDENT_ID',
      holderIdNo: applicantPerson.idNo,
    },
    applicant: party(applicantPerson, { address: home, phones: [validPhone(dice)], email: null }),
    insured,
    beneficiaries,
  };
}
