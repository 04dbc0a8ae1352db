/** Identity numbers that break the coding rules or contradict the party's data (P5.6). */
import { addDays, addMonths, addYears } from './calendar.js';
import { NOT_PROVINCES, residentId, residentIdEndingInX } from './identity.js';
import { e, identityOf, identityPlant, plant, type Role, replaceIdNo } from './plant.js';

export const idFormat = (role: Role) =>
  identityPlant('ID_FORMAT', role, (record, dice) => {
    const id = identityOf(record[role]).idNo;
    const [variant, bad] = dice.pick<[string, string]>([
      ['17 characters', id.slice(0, 16) + id.slice(17)],
      ['19 characters', id.slice(0, 11) + id.slice(10)],
      ['letter O inside', `${id.slice(0, 8)}O${id.slice(9)}`],
      ['X inside', `${id.slice(0, 12)}X${id.slice(13)}`],
      ['letter I inside', `${id.slice(0, 3)}I${id.slice(4)}`],
    ]);
    replaceIdNo(record, role, bad);
    return { variant, expected: [e('ID_FORMAT', `${role}.idNo`)] };
  });

export const idChecksum = (role: Role) =>
  identityPlant('ID_CHECKSUM', role, (record, dice) => {
    const { gender, birthDate } = identityOf(record[role]);
    const kind = dice.int(0, 2);
    if (kind === 0) {
      const id = residentIdEndingInX(dice, gender, birthDate);
      replaceIdNo(record, role, id.slice(0, 17) + String(dice.int(0, 9)));
      return { variant: 'a digit where X belongs', expected: [e('ID_CHECKSUM', `${role}.idNo`)] };
    }
    let id = identityOf(record[role]).idNo;
    while (id.endsWith('X')) id = residentId(dice, gender, birthDate);
    const wrong = kind === 1 ? String((Number(id.charAt(17)) + dice.int(1, 9)) % 10) : 'x';
    replaceIdNo(record, role, id.slice(0, 17) + wrong);
    return {
      variant: kind === 1 ? 'wrong digit' : 'lower-case x where a digit belongs',
      expected: [e('ID_CHECKSUM', `${role}.idNo`)],
    };
  });

export const idRegion = (role: Role) =>
  identityPlant('ID_REGION', role, (record, dice) => {
    const { gender, birthDate, idNo } = identityOf(record[role]);
    const prefix = dice.pick(NOT_PROVINCES);
    replaceIdNo(record, role, residentId(dice, gender, birthDate, prefix + idNo.slice(2, 6)));
    return { variant: `province ${prefix}`, expected: [e('ID_REGION', `${role}.idNo`)] };
  });

/**
 * Dates inside the number that are not real, or in the future. When the number's date is not real
 * there is nothing to compare birthDate with: no BIRTHDATE_MISMATCH. For the future date birthDate
 * is written the same, so there is none either way.
 */
export const idBirthdate = (role: Role) =>
  identityPlant('ID_BIRTHDATE', role, (record, dice) => {
    const party = record[role];
    const year = dice.int(1966, 1998);
    const common = year % 4 === 0 ? year + 1 : year;
    const future = `20${dice.int(80, 99)}-05-16`;
    const [variant, inside, birthDate] = dice.pick<[string, string, string]>([
      ['30 February', `${year}0230`, `${year}-02-28`],
      ['29 February in a common year', `${common}0229`, `${common}-02-28`],
      ['month 13', `${year}1305`, `${year}-12-05`],
      ['month 00', `${year}0011`, `${year}-01-11`],
      ['day 00', `${year}0700`, `${year}-07-01`],
      ['31 April', `${year}0431`, `${year}-04-30`],
      ['day 32', `${year}0832`, `${year}-08-31`],
      ['in the future', future.replaceAll('-', ''), future],
    ]);
    party.birthDate = birthDate;
    replaceIdNo(record, role, residentId(dice, identityOf(party).gender, inside));
    return { variant, expected: [e('ID_BIRTHDATE', `${role}.idNo`)] };
  });

export const genderMismatch = (role: Role) =>
  identityPlant('GENDER_MISMATCH', role, (record) => {
    record[role].gender = record[role].gender === 'M' ? 'F' : 'M';
    return { variant: 'gender flipped', expected: [e('GENDER_MISMATCH', `${role}.gender`)] };
  });

export const birthdateMismatch = (role: Role) =>
  identityPlant('BIRTHDATE_MISMATCH', role, (record, dice) => {
    const birth = identityOf(record[role]).birthDate;
    const [y, m, d] = birth.split('-');
    const variants: Array<[string, string]> = [
      ['a day later', addDays(birth, 1)],
      ['a day earlier', addDays(birth, -1)],
      ['a month later', addMonths(birth, 1)],
      ['a month earlier', addMonths(birth, -1)],
      ['a year earlier', addYears(birth, -1)],
    ];
    if (Number(d) <= 12 && m !== d) variants.push(['month and day swapped', `${y}-${d}-${m}`]);
    const [variant, wrong] = dice.pick(variants);
    record[role].birthDate = wrong;
    return { variant, expected: [e('BIRTHDATE_MISMATCH', `${role}.birthDate`)] };
  });

/** A valid number of another person: one planted mistake, two codes. */
export const someoneElsesId = (role: Role) =>
  identityPlant("someone else's ID number on", role, (record, dice) => {
    const { gender, birthDate } = identityOf(record[role]);
    const other = addDays(birthDate, dice.int(400, 4000) * (dice.chance(0.5) ? 1 : -1));
    replaceIdNo(record, role, residentId(dice, gender === 'M' ? 'F' : 'M', other));
    return {
      variant: 'valid number of a person of the other gender and birth date',
      expected: [e('GENDER_MISMATCH', `${role}.gender`), e('BIRTHDATE_MISMATCH', `${role}.birthDate`)],
    };
  });

/** Check character X written as lower-case x is the same number (INTERCHANGE §3). */
export const lowerCaseX = (role: Role) =>
  identityPlant('lower-case x (no error) on', role, (record, dice) => {
    const { gender, birthDate } = identityOf(record[role]);
    const id = residentIdEndingInX(dice, gender, birthDate);
    replaceIdNo(record, role, `${id.slice(0, 17)}x`);
    return { variant: 'x', expected: [] };
  });

export const leapDayBirth = plant(
  'born 29 February of a leap year (no error)',
  ['applicant.identity', 'payer'],
  (record, dice) => {
    const birthDate = `${dice.pick(['1968', '1972', '1980', '1992', '2000'])}-02-29`;
    record.applicant.birthDate = birthDate;
    replaceIdNo(record, 'applicant', residentId(dice, identityOf(record.applicant).gender, birthDate));
    return { variant: birthDate, expected: [] };
  },
);
