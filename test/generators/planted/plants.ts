import { payerIsApplicant, payerNotApplicant, phoneFormat, validPhoneStyles } from './contact-plants.js';
import {
  birthdateMismatch,
  genderMismatch,
  idBirthdate,
  idChecksum,
  idFormat,
  idRegion,
  leapDayBirth,
  lowerCaseX,
  someoneElsesId,
} from './identity-plants.js';
import { minorAgeBoundary, minorWithoutIdNo, missingField, missingPhones } from './missing-plants.js';
import type { Plant, Role } from './plant.js';
import { agencyUnknown, agentUnknown, neverQualified, qualifiedInTime, qualifiedLater } from './seller-plants.js';

export {
  CONTRACT_ERROR_CODES,
  type ContractErrorCode,
  type ExpectedError,
  type Plant,
  type PreparedPlant,
} from './plant.js';

const ROLES: readonly Role[] = ['applicant', 'insured'];

/** Every planted case the planted book draws from, with equal weight. */
export const PLANTS: readonly Plant[] = [
  ...(['name', 'gender', 'birthDate', 'idType', 'idNo', 'address'] as const).map((f) => missingField('applicant', f)),
  missingPhones,
  ...(['name', 'gender', 'birthDate', 'idType', 'idNo'] as const).map((f) => missingField('insured', f)),
  minorWithoutIdNo,
  minorAgeBoundary,
  ...ROLES.flatMap((role) => [
    idFormat(role),
    idChecksum(role),
    idRegion(role),
    idBirthdate(role),
    genderMismatch(role),
    birthdateMismatch(role),
    someoneElsesId(role),
    lowerCaseX(role),
    phoneFormat(role),
    validPhoneStyles(role),
  ]),
  leapDayBirth,
  payerNotApplicant,
  payerIsApplicant,
  agentUnknown,
  agencyUnknown,
  neverQualified,
  qualifiedLater,
  qualifiedInTime,
];
