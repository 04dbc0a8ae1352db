import { LATE_QUALIFIED_ON, SELLERS, UNKNOWN_CODES } from './agents.js';
import { addDays, addMonths, addYears, dayBetween } from './calendar.js';
import type { Dice } from './dice.js';
import { type Gender, NOT_PROVINCES, residentId, residentIdEndingInX } from './identity.js';
import { INVALID_STYLES, VALID_STYLES } from './phones.js';
import { adultOn, chinaDateOf, type PlantedApplication, type RawParty, type Shape, validPhone } from './record.js';

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

type Apply = PreparedPlant['apply'];
type Role = 'applicant' | 'insured';

function plant(family: string, slots: readonly Slot[], apply: Apply, shape?: (dice: Dice) => Shape): Plant {
  return { family, slots, prepare: (dice) => ({ shape: shape?.(dice) ?? {}, apply }) };
}

const BLANKS = [
  ['absent', undefined],
  ['null', null],
  ['empty', ''],
  ['spaces', '   '],
] as const;

const e = (code: ContractErrorCode, path: string): ExpectedError => ({ code, path });

function setField(party: RawParty, field: keyof RawParty, value: string | null | undefined): void {
  if (value === undefined) delete party[field];
  else Object.assign(party, { [field]: value });
}

/** Changes a party's ID number; the payer's copy of the applicant's number changes with it. */
function replaceIdNo(record: PlantedApplication, role: Role, idNo: string): void {
  if (role === 'applicant' && record.payerAccount.holderIdNo === record.applicant.idNo)
    record.payerAccount.holderIdNo = idNo;
  record[role].idNo = idNo;
}

function identityOf(party: RawParty): { gender: Gender; birthDate: string; idNo: string } {
  return { gender: party.gender as Gender, birthDate: party.birthDate as string, idNo: party.idNo as string };
}

/** The applicant's identity is also what the payer is compared with. */
function identitySlots(role: Role): readonly Slot[] {
  return role === 'applicant' ? ['applicant.identity', 'payer'] : ['insured'];
}

const adultInsured = (role: Role) => (role === 'insured' ? () => ({ insured: 'adult' as const }) : undefined);

/** A plant on one party's identity, for the applicant or an adult insured. */
function identityPlant(family: string, role: Role, apply: Apply): Plant {
  return plant(`${family} ${role}`, identitySlots(role), apply, adultInsured(role));
}

// ---- MISSING_FIELD (P5.5) -------------------------------------------------------------------------

function missingField(role: Role, field: 'name' | 'gender' | 'birthDate' | 'idType' | 'idNo' | 'address'): Plant {
  const slots: readonly Slot[] = field === 'address' ? ['applicant.address'] : identitySlots(role);
  return plant(
    `MISSING_FIELD ${role}.${field}`,
    slots,
    (record, dice) => {
      const [variant, value] = dice.pick(field === 'gender' ? BLANKS.slice(0, 3) : BLANKS);
      setField(record[role], field, value);
      // Without the applicant's ID number the payer can only be compared by name, which is the same.
      if (role === 'applicant' && field === 'idNo') {
        delete record.payerAccount.holderIdNo;
        delete record.payerAccount.holderIdType;
      }
      return { variant, expected: [e('MISSING_FIELD', `${role}.${field}`)] };
    },
    adultInsured(role),
  );
}

const missingPhones = plant('MISSING_FIELD applicant.phones', ['applicant.phones'], (record, dice) => {
  const absent = dice.chance(0.5);
  if (absent) delete record.applicant.phones;
  else record.applicant.phones = [];
  return { variant: absent ? 'absent' : 'empty array', expected: [e('MISSING_FIELD', 'applicant.phones')] };
});

/** An insured minor needs no ID number (INTERCHANGE §3). */
const minorWithoutIdNo = plant(
  'minor insured without idNo (no error)',
  ['insured'],
  (record, dice) => {
    const [variant, value] = dice.pick(BLANKS);
    setField(record.insured, 'idNo', value);
    return { variant, expected: [] };
  },
  () => ({ insured: 'minor' }),
);

/** A day whose date 18 years earlier, and the day after, are ordinary (not 28/29 February or 1 March). */
function ordinaryDay(dice: Dice): string {
  for (;;) {
    const day = dayBetween(() => dice.next(), '2026-01-05', '2026-11-30');
    if (!/-0(2-2[789]|3-01)$/.test(day)) return day;
  }
}

/**
 * The 18th birthday on appliedAt's China date is adult (idNo required); the day before it is a minor.
 * Timestamps in UTC or without an offset check that the China date is used.
 */
const minorAgeBoundary: Plant = {
  family: 'insured 18th birthday boundary',
  slots: ['insured', 'appliedAt'],
  prepare(dice) {
    const day = ordinaryDay(dice);
    const cases = [
      { appliedAt: `${day}T10:00:00+08:00`, turns18: day, variant: 'turns 18 on appliedAt' },
      {
        appliedAt: `${addDays(day, -1)}T17:00:00Z`,
        turns18: day,
        variant: 'turns 18 on appliedAt, written in UTC (still the day before)',
      },
      { appliedAt: `${day}T10:00:00+08:00`, turns18: addDays(day, 1), variant: 'turns 18 the day after appliedAt' },
      {
        appliedAt: `${day}T23:30:00`,
        turns18: addDays(day, 1),
        variant: 'turns 18 the day after appliedAt, no offset (China time)',
      },
    ];
    const chosen = dice.pick(cases);
    return {
      shape: { insured: 'minor', appliedAt: chosen.appliedAt },
      apply(record) {
        record.insured.birthDate = addYears(chosen.turns18, -18);
        record.insured.idNo = null;
        const adult = chosen.turns18 === day;
        return { variant: chosen.variant, expected: adult ? [e('MISSING_FIELD', 'insured.idNo')] : [] };
      },
    };
  },
};

// ---- identity (P5.6) ------------------------------------------------------------------------------

const idFormat = (role: Role) =>
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

const idChecksum = (role: Role) =>
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

const idRegion = (role: Role) =>
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
const idBirthdate = (role: Role) =>
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

const genderMismatch = (role: Role) =>
  identityPlant('GENDER_MISMATCH', role, (record) => {
    record[role].gender = record[role].gender === 'M' ? 'F' : 'M';
    return { variant: 'gender flipped', expected: [e('GENDER_MISMATCH', `${role}.gender`)] };
  });

const birthdateMismatch = (role: Role) =>
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
const someoneElsesId = (role: Role) =>
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
const lowerCaseX = (role: Role) =>
  identityPlant('lower-case x (no error) on', role, (record, dice) => {
    const { gender, birthDate } = identityOf(record[role]);
    const id = residentIdEndingInX(dice, gender, birthDate);
    replaceIdNo(record, role, `${id.slice(0, 17)}x`);
    return { variant: 'x', expected: [] };
  });

const leapDayBirth = plant(
  'born 29 February of a leap year (no error)',
  ['applicant.identity', 'payer'],
  (record, dice) => {
    const birthDate = `${dice.pick(['1968', '1972', '1980', '1992', '2000'])}-02-29`;
    record.applicant.birthDate = birthDate;
    replaceIdNo(record, 'applicant', residentId(dice, identityOf(record.applicant).gender, birthDate));
    return { variant: birthDate, expected: [] };
  },
);

// ---- phones ---------------------------------------------------------------------------------------

const phoneSlots = (role: Role): readonly Slot[] => (role === 'applicant' ? ['applicant.phones'] : ['insured']);

const phoneFormat = (role: Role) =>
  plant(
    `PHONE_FORMAT ${role}.phones[i]`,
    phoneSlots(role),
    (record, dice) => {
      const [style, write] = dice.pick(INVALID_STYLES);
      const phones = [write(dice)];
      if (dice.chance(0.4)) phones.unshift(validPhone(dice));
      record[role].phones = phones;
      const i = phones.length - 1;
      return { variant: `${style} at [${i}]`, expected: [e('PHONE_FORMAT', `${role}.phones[${i}]`)] };
    },
    adultInsured(role),
  );

const validPhoneStyles = (role: Role) =>
  plant(
    `valid phone styles (no error) on ${role}`,
    phoneSlots(role),
    (record, dice) => {
      const picked = [dice.pick(VALID_STYLES), dice.pick(VALID_STYLES)].slice(0, dice.int(1, 2));
      record[role].phones = picked.map(([, write]) => write(dice));
      return { variant: picked.map(([style]) => style).join(' + '), expected: [] };
    },
    adultInsured(role),
  );

// ---- payer (P5.11) --------------------------------------------------------------------------------

const payerNotApplicant = plant('PAYER_NOT_APPLICANT', ['payer'], (record, dice) => {
  const payer = record.payerAccount;
  const other = adultOn(dice, chinaDateOf(record.appliedAt), 22, 60);
  const kind = dice.int(0, 3);
  if (kind === 0) {
    Object.assign(payer, { holderName: other.name, holderIdNo: other.idNo });
    return { variant: "another person's account", expected: [e('PAYER_NOT_APPLICANT', 'payerAccount.holderIdNo')] };
  }
  if (kind === 1) {
    Object.assign(payer, { holderName: record.applicant.name, holderIdNo: other.idNo });
    return {
      variant: 'same name, another ID (namesake)',
      expected: [e('PAYER_NOT_APPLICANT', 'payerAccount.holderIdNo')],
    };
  }
  if (kind === 2) {
    Object.assign(payer, { holderName: other.name, holderIdNo: other.idNo, approvalRef: dice.pick(['', '  ']) });
    return { variant: 'blank approvalRef', expected: [e('PAYER_NOT_APPLICANT', 'payerAccount.holderIdNo')] };
  }
  const [blank, value] = dice.pick(BLANKS);
  payer.holderName = other.name;
  delete payer.holderIdType;
  if (value === undefined) delete payer.holderIdNo;
  else payer.holderIdNo = value;
  return {
    variant: `no holder ID (${blank}), another name`,
    expected: [e('PAYER_NOT_APPLICANT', 'payerAccount.holderName')],
  };
});

const payerIsApplicant = plant(
  'payer is the applicant, or approved (no error)',
  ['applicant.identity', 'payer'],
  (record, dice) => {
    const payer = record.payerAccount;
    const kind = dice.int(0, 4);
    if (kind <= 1) {
      const other = adultOn(dice, chinaDateOf(record.appliedAt), 22, 60);
      payer.holderName = other.name;
      if (kind === 0) payer.holderIdNo = other.idNo;
      else delete payer.holderIdNo;
      payer.approvalRef = `PA2026-${dice.digits(5)}`;
      return { variant: kind === 0 ? 'another holder, approved' : 'another holder without ID, approved', expected: [] };
    }
    if (kind === 2) {
      const { gender, birthDate } = identityOf(record.applicant);
      const id = residentIdEndingInX(dice, gender, birthDate);
      record.applicant.idNo = id;
      payer.holderIdNo = `${id.slice(0, 17)}x`;
      return { variant: 'holder ID with lower-case x', expected: [] };
    }
    if (kind === 3) {
      const id = identityOf(record.applicant).idNo;
      payer.holderIdNo = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
      return { variant: 'holder ID with spaces', expected: [] };
    }
    delete payer.holderIdNo;
    delete payer.holderIdType;
    return { variant: 'no holder ID, same name', expected: [] };
  },
);

// ---- sellers (P5.10–11) ---------------------------------------------------------------------------

const personChannel = (dice: Dice): Shape['channel'] => (dice.chance(0.7) ? 'agent' : 'bancassurance');

const agentUnknown = plant(
  'AGENT_UNKNOWN agentCode',
  ['seller'],
  (record, dice) => {
    record.agentCode = dice.pick(UNKNOWN_CODES);
    return { variant: `${record.channel} ${record.agentCode}`, expected: [e('AGENT_UNKNOWN', 'agentCode')] };
  },
  (dice) => ({ channel: personChannel(dice) }),
);

const agencyUnknown = plant(
  'AGENT_UNKNOWN agencyCode',
  ['seller'],
  (record, dice) => {
    record.agencyCode = dice.pick(UNKNOWN_CODES);
    return { variant: record.agencyCode, expected: [e('AGENT_UNKNOWN', 'agencyCode')] };
  },
  () => ({ channel: 'agency' }),
);

const neverQualified = plant(
  'AGENT_NOT_QUALIFIED never qualified',
  ['seller'],
  (record, dice) => {
    record.agentCode = dice.pick(
      record.channel === 'agent' ? SELLERS.neverQualifiedAgents : SELLERS.neverQualifiedSpecialists,
    );
    return { variant: `${record.channel} ${record.agentCode}`, expected: [e('AGENT_NOT_QUALIFIED', 'agentCode')] };
  },
  (dice) => ({ channel: personChannel(dice) }),
);

/** Timestamps whose China date is before LATE_QUALIFIED_ON (2026-06-10), however they are written. */
const BEFORE_QUALIFIED = [
  '2026-06-09T23:30:00+08:00',
  '2026-06-09T23:30:00',
  '2026-06-09T15:00:00Z',
  '2026-06-10T00:30:00+09:00',
  '2026-05-20T10:00:00+08:00',
];
/** Timestamps whose China date is LATE_QUALIFIED_ON or later. */
const ON_OR_AFTER_QUALIFIED = [
  '2026-06-10T09:30:00+08:00',
  '2026-06-10T00:30:00+08:00',
  '2026-06-09T16:30:00Z',
  '2026-06-09T20:30:00-03:00',
  '2026-06-10T08:00:00',
  '2026-07-01T10:00:00+08:00',
];

const lateSeller = (record: PlantedApplication, dice: Dice): string =>
  dice.pick(record.channel === 'agent' ? SELLERS.lateAgents : SELLERS.lateSpecialists);

const qualifiedLater = plant(
  'AGENT_NOT_QUALIFIED qualified after appliedAt',
  ['seller', 'appliedAt'],
  (record, dice) => {
    record.agentCode = lateSeller(record, dice);
    return { variant: `appliedAt ${record.appliedAt}`, expected: [e('AGENT_NOT_QUALIFIED', 'agentCode')] };
  },
  (dice) => ({ channel: personChannel(dice), appliedAt: dice.pick(BEFORE_QUALIFIED) }),
);

const qualifiedInTime = plant(
  'seller qualified by the China date of appliedAt (no error)',
  ['seller', 'appliedAt'],
  (record, dice) => {
    record.agentCode = lateSeller(record, dice);
    return { variant: `appliedAt ${record.appliedAt}, qualified ${LATE_QUALIFIED_ON}`, expected: [] };
  },
  (dice) => ({ channel: personChannel(dice), appliedAt: dice.pick(ON_OR_AFTER_QUALIFIED) }),
);

const ROLES: readonly Role[] = ['applicant', 'insured'];

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
