/**
 * Parts shared by the 18-character numbers built on GB 11643-1999 (resident ID, HK/Macau/Taiwan
 * residence permit, 2023 foreign permanent resident ID): 8-digit birth date at positions 7–14,
 * sequence digit 17 (odd = male), MOD 11-2 check character 18.
 */
import { issue } from '../../shared/codes.js';
import { describeBirthDateProblem, readBirthDate } from './dates.js';
import { mod11CheckChar } from './gb11643.js';
import { genderFromSequenceDigit, type IdCheckContext, type IdFindings } from './id-findings.js';

/** 17 digits and a check character 0–9 or X (lower-case x is already upper-cased by normalisation). */
export const GB11643_SHAPE = /^\d{17}[\dX]$/;

export function checkBirthDateDigits(digits: string, context: IdCheckContext, findings: IdFindings): void {
  const reading = readBirthDate(digits, context.today);
  if (reading.date) findings.birthDate = reading.date;
  if (reading.problem) {
    findings.errors.push(issue('ID_BIRTHDATE', context.path, describeBirthDateProblem(reading.problem, context.today)));
  }
}

/** Birth date, gender and check character of an 18-character GB 11643-shaped number. */
export function checkGb11643Body(number: string, context: IdCheckContext, findings: IdFindings): void {
  checkBirthDateDigits(number.slice(6, 14), context, findings);
  findings.gender = genderFromSequenceDigit(number.charAt(16));
  const expected = mod11CheckChar(number.slice(0, 17));
  if (expected !== undefined && expected !== number.charAt(17)) {
    findings.errors.push(
      issue('ID_CHECKSUM', context.path, {
        zh: `第18位应为${expected}`,
        en: `the check character should be ${expected}`,
      }),
    );
  }
}
