import type { ApplicationRecord } from '../../shared/contract.js';
import { ageOn } from './ages.js';
import { isoDateOf } from './dates.js';
import type { Person } from './households.js';
import { asWritten } from './ids.js';
import { writeLandline, writeMobile } from './phones.js';
import type { PolicyParties } from './policy-parties.js';
import type { Rng } from './prng.js';

type Applicant = ApplicationRecord['applicant'];
type Insured = ApplicationRecord['insured'];
type BeneficiaryRecord = NonNullable<ApplicationRecord['beneficiaries']>[number];

/** Phones as written on the form: the mobile, sometimes also the home landline. */
function phonesOf(rng: Rng, person: Person): string[] {
  const phones: string[] = [];
  if (person.mobile) phones.push(writeMobile(rng, person.mobile));
  if (person.landline && (phones.length === 0 || rng.chance(0.35))) {
    phones.push(writeLandline(rng, person.landline.areaCode, person.landline.local));
  }
  return phones;
}

export function applicantRecord(rng: Rng, person: Person): Applicant {
  return {
    name: person.name,
    gender: person.gender,
    birthDate: isoDateOf(person.birthDay),
    idType: person.idType,
    idNo: asWritten(rng, person.idNo),
    address: person.address,
    phones: phonesOf(rng, person),
    email: person.email,
  };
}

/**
 * The insured as a full party. Family on one policy often give one contact: a child without a phone
 * is reached on the applicant's, and spouses list each other's number.
 */
export function insuredRecord(rng: Rng, parties: PolicyParties, day: number): Insured {
  const insured = parties.insured;
  if (!insured) return { relationToApplicant: 'self' };
  const { person, relationToApplicant } = insured;
  const applicantMobile = parties.applicant.mobile;
  let phones = phonesOf(rng, person);
  if (
    applicantMobile &&
    (phones.length === 0 ? rng.chance(0.5) : relationToApplicant === 'spouse' && rng.chance(0.25))
  ) {
    phones = [writeMobile(rng, applicantMobile)];
  }
  const isMinor = ageOn(person.birthDay, day) < 18;
  // A minor may be insured without an ID number (INTERCHANGE §3); forms often leave it out.
  const idNo = isMinor && rng.chance(0.2) ? null : asWritten(rng, person.idNo);
  return {
    relationToApplicant,
    name: person.name,
    gender: person.gender,
    birthDate: isoDateOf(person.birthDay),
    idType: person.idType,
    idNo,
    address: person.address,
    ...(phones.length > 0 ? { phones } : {}),
    email: person.email,
  };
}

export function beneficiaryRecords(rng: Rng, parties: PolicyParties, day: number): BeneficiaryRecord[] {
  return parties.beneficiaries.map(({ person, relationToInsured, sharePct }) => {
    const withoutId = ageOn(person.birthDay, day) < 18 && rng.chance(0.3);
    return {
      name: person.name,
      idType: person.idType,
      idNo: withoutId ? null : asWritten(rng, person.idNo),
      relationToInsured,
      sharePct,
    };
  });
}
